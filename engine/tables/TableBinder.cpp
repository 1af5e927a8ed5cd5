#include "engine/tables/TableBinder.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "engine/tables/CellValue.h"
#include "engine/tables/GridBuilder.h"
#include "engine/tables/LabelText.h"
#include "engine/text/Trim.h"
#include "engine/text/Source.h"

namespace gklint {
namespace {

// Another format's template must fit this much better (on the labels only it has) before a
// table counts as mismatched.
constexpr double kMismatchMargin = 0.5;

bool endsWith(const std::string& s, const std::string& suffix) {
  // The last bytes first: most labels differ there, and it spares a memcmp call per row.
  return !suffix.empty() && s.size() >= suffix.size() && s.back() == suffix.back() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string joinLabels(const LogicalRow& row) {
  std::string s;
  for (const GridCell& c : row.labels) s += c.text;
  return s;
}

class Binder {
 public:
  Binder(const Document& doc, const TableTemplate& t) : doc_(doc), t_(t) {}

  // The template row a normalised source label names (longest match wins), or -1.
  int matchRow(const std::string& label, bool& viaVariant) const {
    int best = -1;
    size_t bestLength = 0;
    for (size_t i = 0; i < t_.rows.size(); ++i) {
      const TemplateRow& row = t_.rows[i];
      if (row.dataRow) continue;
      if (endsWith(label, row.normalizedLabel) && row.normalizedLabel.size() > bestLength) {
        best = static_cast<int>(i);
        bestLength = row.normalizedLabel.size();
        viaVariant = false;
      }
      for (const std::string& v : row.normalizedVariants) {
        if (endsWith(label, v) && v.size() > bestLength) {
          best = static_cast<int>(i);
          bestLength = v.size();
          viaVariant = true;
        }
      }
    }
    return best;
  }

  // `withCells` false binds rows only (enough to score a format); cells are parsed when true.
  BoundTable bind(const std::vector<LogicalRow>& logical, GridLayout layout, ByteSpan span, bool withCells = true) const {
    withCells_ = withCells;
    // The width most rows have: when it is the template's, a short row whose leading blanks
    // were taken as label padding really has empty cells there (a blank 自然人 cell).
    std::map<size_t, size_t> widths;
    for (const LogicalRow& row : logical) {
      if (!row.values.empty() && !row.labels.empty()) ++widths[row.values.size()];
    }
    dominantWidth_ = 0;
    size_t best = 0;
    for (const auto& [width, count] : widths) {
      if (count > best) {
        best = count;
        dominantWidth_ = width;
      }
    }
    BoundTable table;
    table.tmpl = &t_;
    table.table = t_.table;
    table.span = span;
    table.anchor = span;
    table.layout = layout;
    table.rows.resize(t_.rows.size());
    for (size_t i = 0; i < t_.rows.size(); ++i) table.rows[i].expectedCells = t_.columnsOf(t_.rows[i]).size();

    std::string pending;  // label text of an unmatched row waiting for its continuation
    int pendingRow = -1;  // index into `logical` of that row when it carries values
    int labelOnly = -1;   // index of that row when it is labels only (perhaps a group label)
    for (size_t k = 0; k < logical.size(); ++k) {
      const LogicalRow& row = logical[k];
      const std::string& own = row.normalizedLabel;
      bool variant = false;
      int match = own.empty() ? -1 : matchRow(own, variant);
      if (match < 0 && !pending.empty() && !own.empty()) {
        // A label broken over two rows: "7." + "属于行政执法案卷"; the break may repeat a
        // character: "其他对外管" + "管理服务事项".
        bool joinedVariant = false;
        std::string joinedLabel = pending + own;
        int joined = matchRow(joinedLabel, joinedVariant);
        for (size_t overlap = 3; joined < 0 && overlap <= 6 && overlap <= own.size() && overlap <= pending.size(); overlap += 3) {
          if (pending.compare(pending.size() - overlap, overlap, own, 0, overlap) != 0) continue;
          joinedLabel = pending + own.substr(overlap);
          joined = matchRow(joinedLabel, joinedVariant);
        }
        if (joined >= 0) {
          const LogicalRow& carrier = pendingRow >= 0 && row.values.empty() ? logical[static_cast<size_t>(pendingRow)] : row;
          assign(table, static_cast<size_t>(joined), carrier, row, joinedVariant, joinedLabel, /*joined=*/true);
          pending.clear();
          pendingRow = -1;
          continue;
        }
      }
      if (match >= 0) {
        assign(table, static_cast<size_t>(match), row, row, variant, own, /*joined=*/false);
        // A group label on a row of its own just before ("（五）不予以处理" / "1.信访…").
        BoundRow& bound = table.rows[static_cast<size_t>(match)];
        // (Not in plain pdftotext's reading order, where group labels stand together, out of place.)
        if (labelOnly >= 0 && layout != GridLayout::CellStream && bound.group.empty() &&
            !t_.rows[static_cast<size_t>(match)].group.empty()) {
          const LogicalRow& group = logical[static_cast<size_t>(labelOnly)];
          bound.groupSpan = {group.labels.front().span.begin, group.labels.back().span.end};
          bound.group = joinLabels(group);
        }
        pending.clear();
        pendingRow = -1;
        labelOnly = -1;
        continue;
      }
      if (own.empty() && !row.values.empty()) {
        bindDataRow(table, row);
        continue;
      }
      pending = own;
      pendingRow = row.values.empty() ? -1 : static_cast<int>(k);
      labelOnly = row.values.empty() && !row.labels.empty() ? static_cast<int>(k) : -1;
    }
    for (const BoundRow& r : table.rows) table.boundRows += r.present ? 1 : 0;
    return table;
  }

  // How well the table shows what only this format has: the share of its own row labels
  // bound in their standard wording, plus the share of its own column labels present.
  double score(const BoundTable& table, const std::vector<LogicalRow>& logical, const TableTemplate& other) const {
    const std::unordered_set<std::string>& otherLabels = other.normalizedLabels;
    std::string all;
    for (const LogicalRow& r : logical) all += r.normalizedLabel;
    size_t ownRows = 0, boundOwn = 0, ownColumns = 0, foundColumns = 0;
    for (size_t i = 0; i < t_.rows.size(); ++i) {
      if (t_.rows[i].dataRow || otherLabels.count(t_.rows[i].normalizedLabel)) continue;
      ++ownRows;
      boundOwn += table.rows[i].present && !table.rows[i].labelIsVariant;
    }
    for (const TemplateColumn& c : t_.columns) {
      if (otherLabels.count(c.normalizedLabel)) continue;
      ++ownColumns;
      foundColumns += all.find(c.normalizedLabel) != std::string::npos;
    }
    return (ownRows ? static_cast<double>(boundOwn) / static_cast<double>(ownRows) : 0) +
           (ownColumns ? static_cast<double>(foundColumns) / static_cast<double>(ownColumns) : 0);
  }

 private:
  // `carrier` holds the values; `labelRow` the (last part of the) label.
  void assign(BoundTable& table, size_t index, const LogicalRow& carrier, const LogicalRow& labelRow, bool variant,
              const std::string& normalised, bool joined) const {
    BoundRow& out = table.rows[index];
    if (out.present) return;  // a repeated row: the first one counts
    out.present = true;
    out.span = {std::min(carrier.span.begin, labelRow.span.begin), std::max(carrier.span.end, labelRow.span.end)};
    // The label as written: the cells that make up the row's own label (not its group).
    const GridCell* labelCell = nullptr;
    const std::string& canonical = t_.rows[index].normalizedLabel;
    for (auto it = labelRow.labels.rbegin(); it != labelRow.labels.rend(); ++it) {
      labelCell = &*it;
      if (!normalizeLabel(it->text).empty()) break;
    }
    const bool joinedOverRows = joined;
    if (joined && &carrier != &labelRow && !carrier.labels.empty()) {
      // Broken by the extraction, not by the drafter: only a variant wording counts.
      out.labelSpan = {carrier.labels.back().span.begin, labelCell ? labelCell->span.end : carrier.labels.back().span.end};
      out.label = normalised;
    } else if (joined && labelCell) {
      out.labelSpan = labelCell->span;
      out.label = normalised;
    } else if (labelCell) {
      // A group label in front ("三、本年度办理结果"+"（一）予以公开") is not part of the row's label.
      size_t first = labelRow.labels.size() - 1;
      while (first > 0 && !endsWith(normalizeLabel(labelRow.labels[first].text), canonical) &&
             endsWith(normalised, normalizeLabel(labelRow.labels[first - 1].text + labelRow.labels[first].text))) {
        --first;
      }
      out.labelSpan = {labelRow.labels[first].span.begin, labelCell->span.end};
      for (size_t i = first; i < labelRow.labels.size(); ++i) out.label += labelRow.labels[i].text;
      if (first > 0 && !t_.rows[index].group.empty()) {
        const GridCell& group = labelRow.labels[first - 1];
        out.groupSpan = group.span;
        out.group = group.text;
      }
    }
    out.labelIsVariant =
        variant || (!joinedOverRows && !endsWith(removeSpaces(out.label), t_.rows[index].spacelessLabel));
    if (withCells_) fillCells(out, carrier);
  }

  void bindDataRow(BoundTable& table, const LogicalRow& row) const {
    for (size_t i = 0; i < t_.rows.size(); ++i) {
      if (!t_.rows[i].dataRow || table.rows[i].present) continue;
      BoundRow& out = table.rows[i];
      out.present = true;
      out.span = row.span;
      out.labelSpan = {row.span.begin, row.span.begin};
      if (withCells_) fillCells(out, row);
      return;
    }
  }

  void fillCells(BoundRow& out, const LogicalRow& row) const {
    const std::string_view text = doc_.text();
    bool anyValue = false;
    // One blank after the label is its merged column; more are empty cells of their own, when
    // the table's other rows show the full width.
    const size_t extraBlanks = row.droppedBlanks.size() > 1 ? row.droppedBlanks.size() - 1 : 0;
    if (row.values.size() < out.expectedCells && dominantWidth_ == out.expectedCells && extraBlanks > 0 &&
        row.values.size() + extraBlanks >= out.expectedCells) {
      const size_t restore = out.expectedCells - row.values.size();
      for (size_t k = row.droppedBlanks.size() - restore; k < row.droppedBlanks.size(); ++k) {
        BoundCell blank;
        blank.span = {row.droppedBlanks[k].span.begin, row.droppedBlanks[k].span.begin};
        out.cells.push_back(blank);
      }
    }
    for (const GridCell& c : row.values) {
      BoundCell cell;
      cell.span = c.span;
      parseCell(c.span.in(text), cell);
      anyValue = anyValue || cell.state != CellState::Blank;
      out.cells.push_back(std::move(cell));
    }
    // A row whose cells are all missing is blank, not short: the extraction drops empty cells.
    if (!anyValue && out.cells.size() < out.expectedCells) {
      const uint32_t at = row.labels.empty() ? row.span.end : row.labels.back().span.end;
      while (out.cells.size() < out.expectedCells) {
        BoundCell blank;
        blank.span = {at, at};
        blank.synthetic = true;
        out.cells.push_back(blank);
      }
    }
  }

  const Document& doc_;
  const TableTemplate& t_;
  mutable size_t dominantWidth_ = 0;
  mutable bool withCells_ = true;
};

std::vector<std::string> knownLabels(const TableTemplate& a, const TableTemplate* b) {
  std::vector<std::string> labels;
  for (const TableTemplate* t : {&a, b}) {
    if (!t) continue;
    for (const TemplateRow& r : t->rows) {
      if (!r.normalizedLabel.empty()) labels.push_back(r.normalizedLabel);
      if (!r.normalizedGroup.empty()) labels.push_back(r.normalizedGroup);
    }
    labels.insert(labels.end(), t->normalizedCaptions.begin(), t->normalizedCaptions.end());
  }
  return labels;
}

}  // namespace

void bindTables(Document& doc, const TemplateCatalog& catalog) {
  const TemplateId format = doc.templateId;
  if (format != TemplateId::Gov2021 && format != TemplateId::Trial2019) return;
  const TemplateId otherFormat = format == TemplateId::Gov2021 ? TemplateId::Trial2019 : TemplateId::Gov2021;
  const std::string_view text = doc.text();
  for (const std::string& name : catalog.tableNames()) {
    const TableTemplate* expected = catalog.find(format, name);
    if (!expected) continue;
    const TableTemplate* other = catalog.find(otherFormat, name);
    const Section* section = doc.section(expected->section);
    BoundTable empty;
    empty.tmpl = expected;
    empty.table = name;
    empty.rows.resize(expected->rows.size());
    for (size_t i = 0; i < expected->rows.size(); ++i) {
      empty.rows[i].expectedCells = expected->columnsOf(expected->rows[i]).size();
    }
    if (!section) continue;  // section-presence reports the missing section
    empty.anchor = doc.headings[section->heading].line;
    empty.span = empty.anchor;

    // Logical rows of every table region of the section, plus loose numeric lines.
    const std::vector<std::string> known = knownLabels(*expected, other);
    std::vector<LogicalRow> logical;
    GridLayout layout = GridLayout::TabRows;
    ByteSpan span{};
    bool anyRegion = false;
    Binder probe(doc, *expected);
    for (size_t i = section->firstBlock; i < section->endBlock; ++i) {
      const Block& block = doc.blocks[i];
      std::vector<LogicalRow> rows;
      if (block.kind == BlockKind::Table) {
        rows = buildLogicalRows(text, doc.tables[block.tableIndex], known, layout);
        for (LogicalRow& row : rows) row.normalizedLabel = normalizeLabel(joinLabels(row));
      } else if (block.kind == BlockKind::Paragraph) {
        LogicalRow row;
        bool variant = false;
        if (!looseRowFromLine(text, block.content, row)) continue;
        row.normalizedLabel = normalizeLabel(joinLabels(row));
        const bool dataRow = row.labels.empty() && std::any_of(expected->rows.begin(), expected->rows.end(),
                                                               [](const TemplateRow& r) { return r.dataRow; });
        if (!dataRow && probe.matchRow(row.normalizedLabel, variant) < 0) continue;
        if (!anyRegion) layout = GridLayout::LooseText;
        rows.push_back(std::move(row));
      } else {
        continue;
      }
      if (!anyRegion) span = block.span;
      span.end = block.span.end;
      anyRegion = true;
      logical.insert(logical.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    }
    if (!anyRegion) {
      doc.boundTables.push_back(std::move(empty));
      continue;
    }
    BoundTable bound = probe.bind(logical, layout, span);
    bound.regionFound = true;
    bound.anchor = {span.begin, std::min(span.end, static_cast<uint32_t>(doc.source->lines().lineEnd(doc.source->lines().lineOf(span.begin))))};
    if (other) {
      Binder alternative(doc, *other);
      BoundTable otherBound = alternative.bind(logical, layout, span, /*withCells=*/false);
      if (alternative.score(otherBound, logical, *expected) > probe.score(bound, logical, *other) + kMismatchMargin) {
        otherBound = alternative.bind(logical, layout, span);
        otherBound.regionFound = true;
        otherBound.anchor = bound.anchor;
        otherBound.betterTemplate = other;
        bound = std::move(otherBound);
      }
    }
    doc.boundTables.push_back(std::move(bound));
  }
}

}  // namespace gklint
