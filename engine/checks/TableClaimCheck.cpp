// table-claim: a sentence of the prose states something about table cells — "未收到政府信息
// 公开申请" (the cells must be 0) or "共收到申请12件" (the captured number must equal the
// cells' sum). A contradiction is reported at the sentence, with the cells as related
// locations. Claims are matched only by the patterns given (precision first); unknown cells
// (blank, text, wrong count) leave a claim unchecked.
#include <re2/re2.h>

#include <algorithm>
#include <cmath>

#include "engine/checks/CheckRegistry.h"
#include "engine/checks/ScanOptions.h"
#include "engine/checks/TableSelection.h"
#include "engine/rules/PatternCompiler.h"
#include "engine/text/Decimal.h"

namespace gklint {
namespace {

struct CellKey {
  std::string row, column;
};

struct Claim {
  std::string name;
  std::shared_ptr<const RulePattern> pattern;
  std::string table;
  std::vector<CellKey> cells;
  bool zero = false;  // the claim says "none"; else group 1 captures the stated number
  SourceMark mark;
  int slot = PatternPrefilter::kNoSlot;  // in the rule set's prefilter
};

class TableClaimCheck final : public Check {
 public:
  TableClaimCheck(RuleInfo info, Scope scope, TextScanOptions scan, std::vector<Claim> claims)
      : Check(std::move(info)), scope_(std::move(scope)), scan_(scan), claims_(std::move(claims)) {}

  std::vector<SectionRef> sectionRefs() const override { return sectionRefsOf(scope_); }

  void validateAgainst(const TemplateCatalog& templates, std::vector<RuleDiagnostic>& errors) const override {
    for (const Claim& c : claims_) {
      for (const TableTemplate& t : templates.templates) {
        // Only the formats the rule applies to (`applies: {template: …}`), if it names any.
        const std::vector<TemplateId>& formats = info().applies.templates;
        if (t.table != c.table ||
            (!formats.empty() && std::find(formats.begin(), formats.end(), t.reportTemplate) == formats.end())) {
          continue;
        }
        for (const CellKey& k : c.cells) {
          if (t.rowIndex(k.row) < 0 || t.columnIndex(k.column) < 0) {
            errors.push_back({c.mark, info().id, "claim '" + c.name + "' names cell " + k.row + "." + k.column +
                                                     ", which template " + t.id + " does not define"});
          }
        }
      }
    }
  }

  void registerPatterns(PatternPrefilter& prefilter) override {
    for (Claim& c : claims_) c.slot = prefilter.add(*c.pattern);
  }

  void run(CheckContext& ctx) const override {
    const Document& doc = ctx.doc();
    forEachTextPiece(doc, scope_, scan_, [&](ByteSpan piece, const Block&) {
      const std::string_view s = ctx.textOf(piece);
      for (const Claim& claim : claims_) {
        if (ctx.mayMatch(piece, claim.slot)) check(ctx, piece, s, claim);
      }
    });
  }

 private:
  void check(CheckContext& ctx, ByteSpan piece, std::string_view s, const Claim& claim) const {
    const BoundTable* table = ctx.doc().boundTable(claim.table);
    if (!table || !table->tmpl || table->boundRows == 0) return;
    re2::StringPiece input(s.data(), s.size());
    re2::StringPiece match[2];
    const RE2& re = claim.pattern->re();
    const int groups = std::min(2, 1 + re.NumberOfCapturingGroups());
    size_t pos = 0;
    while (pos < s.size() && re.Match(input, pos, s.size(), RE2::UNANCHORED, match, groups)) {
      pos = static_cast<size_t>(match[0].data() - s.data()) + std::max<size_t>(match[0].size(), 1);
      double sum = 0;
      std::vector<RelatedSpan> related;
      bool known = true;
      for (const CellKey& k : claim.cells) {
        const int row = table->tmpl->rowIndex(k.row);
        const BoundCell* cell = row < 0 ? nullptr : table->cell(static_cast<size_t>(row), k.column);
        if (!cell || cell->state != CellState::Number) {
          known = false;
          break;
        }
        sum += cell->value;
        related.push_back({cell->span, tableDisplayName(claim.table) + "：" + cell->text});
      }
      if (!known) continue;
      std::string stated = "0";
      if (claim.zero) {
        if (std::fabs(sum) < 1e-9) continue;
      } else {
        if (groups < 2 || match[1].data() == nullptr) continue;
        const std::string_view captured(match[1].data(), match[1].size());
        const std::optional<double> number = parseDecimal(captured);
        if (number) {
          if (std::fabs(*number - sum) < 1e-9) continue;
          stated = formatDecimal(*number);
        } else if (!captured.empty() && captured.find_first_not_of("0123456789") == std::string_view::npos) {
          stated = captured;  // more digits than any count: a contradiction as written
        } else {
          continue;  // the pattern captured no number
        }
      }
      const uint32_t begin = piece.begin + static_cast<uint32_t>(match[0].data() - s.data());
      Finding& f = ctx.report({begin, begin + static_cast<uint32_t>(match[0].size())},
                              {{"name", claim.name},
                               {"match", std::string(match[0].data(), match[0].size())},
                               {"stated", stated},
                               {"table_value", formatDecimal(sum)},
                               {"table", tableDisplayName(claim.table)}});
      f.related = std::move(related);
    }
  }

  Scope scope_;
  TextScanOptions scan_;
  std::vector<Claim> claims_;
};

}  // namespace

std::unique_ptr<Check> createTableClaimCheck(RuleInfo info, OptionReader& options) {
  Scope scope;
  TextScanOptions scan;
  bool ok = readScanOptions(options, scope, scan);
  std::vector<Claim> claims;
  YamlNode list = options.node("claims");
  if (!list.defined() || !list.isSequence() || list.size() == 0) {
    if (list.defined()) options.error(list, "claims", "'claims' must be a non-empty list of {name, pattern, table, cells, expect}");
    else options.error("id", "a table-claim rule needs 'claims': a list of {name, pattern, table, cells, expect}");
    return nullptr;
  }
  size_t index = 0;
  for (const YamlNode node : list) {
    OptionReader entry = options.nested(node, "claims[" + std::to_string(index++) + "]");
    if (!node.isMap()) {
      entry.error(node, "", "each claim must be a mapping {name, pattern, table, cells, expect}");
      ok = false;
      continue;
    }
    Claim claim;
    claim.mark = entry.markOf(node);
    claim.name = entry.requiredString("name").value_or("");
    YamlNode patternNode = entry.node("pattern");
    if (!patternNode.isScalar()) {
      entry.error(node, "pattern", "a claim needs 'pattern': one regular expression");
      ok = false;
    } else {
      claim.pattern = compilePattern(std::string(patternNode.scalar()), entry, patternNode, "pattern");
      ok = ok && claim.pattern != nullptr;
    }
    claim.table = entry.requiredString("table").value_or("");
    for (const std::string& cell : entry.stringList("cells")) {
      const size_t dot = cell.find('.');
      if (dot == std::string::npos) {
        entry.error("cells", "cell '" + cell + "' must be written ROW.COLUMN, e.g. R01.C7");
        ok = false;
        continue;
      }
      claim.cells.push_back({cell.substr(0, dot), cell.substr(dot + 1)});
    }
    if (claim.cells.empty()) {
      entry.error("cells", "a claim needs 'cells': the table cells it speaks of (ROW.COLUMN)");
      ok = false;
    }
    const std::string expect = entry.string("expect", "equal");
    if (expect != "zero" && expect != "equal") {
      entry.error("expect", "'expect' must be zero (the text says none) or equal (group 1 captures the stated number)");
      ok = false;
    }
    claim.zero = expect == "zero";
    if (!claim.zero && claim.pattern && !entry.trustedPatterns() && claim.pattern->re().NumberOfCapturingGroups() < 1) {
      entry.error(patternNode, "pattern", "with expect: equal, capture group 1 must capture the stated number");
      ok = false;
    }
    entry.finish();
    claims.push_back(std::move(claim));
  }
  if (!ok) return nullptr;
  return std::make_unique<TableClaimCheck>(std::move(info), std::move(scope), scan, std::move(claims));
}

}  // namespace gklint
