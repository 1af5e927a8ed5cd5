// table-labels: row labels worded differently from the template. Differences only in
// brackets, quotes or commas (half-width "(一)") are reported once per table; wording
// variants ("只记", "不予以处理") once per row.
#include "engine/checks/CheckRegistry.h"
#include "engine/checks/TableSelection.h"
#include "engine/tables/LabelText.h"

namespace gklint {
namespace {

class TableLabelsCheck final : public Check {
 public:
  TableLabelsCheck(RuleInfo info, TableSelection tables) : Check(std::move(info)), tables_(std::move(tables)) {}

  void run(CheckContext& ctx) const override {
    for (const BoundTable& t : ctx.doc().boundTables) {
      if (!tables_.includes(t.table) || !t.tmpl) continue;
      std::vector<size_t> punctuationOnly;
      for (size_t i = 0; i < t.rows.size(); ++i) {
        const BoundRow& r = t.rows[i];
        const std::string& group = t.tmpl->rows[i].group;
        if (r.present && !r.group.empty() && normalizeLabel(r.group) != normalizeLabel(group)) {
          // A group label in other words: "（五）不予以处理" for "（五）不予处理".
          ctx.report(r.groupSpan, {{"table", tableDisplayName(t.table)},
                                   {"actual", r.group},
                                   {"expected", group},
                                   {"detail", tableDisplayName(t.table) + "行标签“" + r.group + "”与模板“" + group + "”不一致"}});
        }
        if (!r.present || !r.labelIsVariant || r.labelSpan.empty()) continue;
        const std::string& canonical = t.tmpl->rows[i].label;
        // The written label may carry its group in front; compare its tail.
        const std::string written = normalizeLabel(r.label);
        const std::string wanted = normalizeLabel(canonical);
        const bool sameWords = written.size() >= wanted.size() && written.compare(written.size() - wanted.size(), wanted.size(), wanted) == 0;
        if (sameWords) {
          punctuationOnly.push_back(i);
          continue;
        }
        ctx.report(r.labelSpan, {{"table", tableDisplayName(t.table)},
                                 {"actual", r.label},
                                 {"expected", canonical},
                                 {"detail", tableDisplayName(t.table) + "行标签“" + r.label + "”与模板“" + canonical + "”不一致"}});
      }
      if (punctuationOnly.empty()) continue;
      const BoundRow& first = t.rows[punctuationOnly.front()];
      const std::string& canonical = t.tmpl->rows[punctuationOnly.front()].label;
      std::string detail = tableDisplayName(t.table) + "有" + std::to_string(punctuationOnly.size()) +
                           "处行标签的括号、引号或逗号与模板不一致（如“" + first.label + "”应为“" + canonical + "”）";
      Finding& f = ctx.report(first.labelSpan, {{"table", tableDisplayName(t.table)},
                                                {"actual", first.label},
                                                {"expected", canonical},
                                                {"detail", detail}});
      for (size_t k = 1; k < punctuationOnly.size(); ++k) {
        const BoundRow& r = t.rows[punctuationOnly[k]];
        f.related.push_back({r.labelSpan, "“" + r.label + "”应为“" + t.tmpl->rows[punctuationOnly[k]].label + "”"});
      }
    }
  }

 private:
  TableSelection tables_;
};

}  // namespace

std::unique_ptr<Check> createTableLabelsCheck(RuleInfo info, OptionReader& options) {
  TableSelection tables;
  if (!tables.read(options)) return nullptr;
  return std::make_unique<TableLabelsCheck>(std::move(info), std::move(tables));
}

}  // namespace gklint
