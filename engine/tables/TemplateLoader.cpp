#include "engine/tables/TemplateLoader.h"

#include <set>

namespace gklint {
namespace {

bool parseDomain(const std::string& name, ValueDomain& out) {
  if (name == "count") out = ValueDomain::Count;
  else if (name == "signed") out = ValueDomain::SignedCount;
  else if (name == "amount") out = ValueDomain::Amount;
  else return false;
  return true;
}

std::optional<ValueDomain> readDomain(OptionReader& r) {
  if (!r.has("domain")) {
    r.node("domain");
    return std::nullopt;
  }
  const std::string name = r.string("domain");
  ValueDomain d;
  if (parseDomain(name, d)) return d;
  r.error("domain", "unknown value domain '" + name + "' (use count, signed or amount)");
  return std::nullopt;
}

}  // namespace

void loadTemplates(const YamlNode& list, OptionReader& top, TemplateCatalog& catalog) {
  if (!list.isSequence()) {
    top.error(list, "templates", "'templates' must be a list of table templates");
    return;
  }
  size_t index = 0;
  for (const YamlNode node : list) {
    OptionReader r = top.nested(node, "templates[" + std::to_string(index++) + "]");
    if (!node.isMap()) {
      r.error(node, "", "each template must be a mapping (id, table, template, section, columns, rows)");
      continue;
    }
    const size_t errorsBefore = r.errors().size();
    TableTemplate t;
    t.mark = r.markOf(node);
    t.id = r.requiredString("id").value_or("");
    t.table = r.requiredString("table").value_or("");
    const std::string format = r.requiredString("template").value_or("");
    if (format == "gov-2021") t.reportTemplate = TemplateId::Gov2021;
    else if (format == "gov-2019") t.reportTemplate = TemplateId::Trial2019;
    else if (!format.empty()) r.error("template", "unknown template '" + format + "' (use gov-2021 or gov-2019)");
    t.section = r.requiredString("section").value_or("");
    t.title = r.string("title");
    t.domain = readDomain(r).value_or(ValueDomain::Count);
    t.captions = r.stringList("captions");

    std::set<std::string> columnKeys;
    YamlNode columns = r.node("columns");
    if (!columns.isSequence() || columns.size() == 0) {
      r.error(columns.defined() ? columns : node, "columns", "a template needs 'columns': a list of {key, label}");
    } else {
      size_t k = 0;
      for (const YamlNode c : columns) {
        OptionReader cr = r.nested(c, "columns[" + std::to_string(k++) + "]");
        TemplateColumn column;
        column.key = cr.requiredString("key").value_or("");
        column.label = cr.requiredString("label").value_or("");
        column.domain = readDomain(cr);
        if (!columnKeys.insert(column.key).second) cr.error("key", "duplicate column key '" + column.key + "'");
        cr.finish();
        t.columns.push_back(std::move(column));
      }
    }
    std::set<std::string> rowKeys;
    YamlNode rows = r.node("rows");
    if (!rows.isSequence() || rows.size() == 0) {
      r.error(rows.defined() ? rows : node, "rows", "a template needs 'rows': a list of {key, label}");
    } else {
      size_t k = 0;
      for (const YamlNode rowNode : rows) {
        OptionReader rr = r.nested(rowNode, "rows[" + std::to_string(k++) + "]");
        TemplateRow row;
        row.key = rr.requiredString("key").value_or("");
        row.label = rr.string("label");
        row.group = rr.string("group");
        row.variants = rr.stringList("variants");
        row.columns = rr.stringList("columns");
        row.domain = readDomain(rr);
        row.unit = rr.string("unit");
        row.dataRow = rr.boolean("data_row", false);
        if (row.label.empty() && !row.dataRow) rr.error("label", "a row needs a 'label' (or data_row: true)");
        if (!rowKeys.insert(row.key).second) rr.error("key", "duplicate row key '" + row.key + "'");
        for (const std::string& c : row.columns) {
          if (!columnKeys.count(c)) rr.error("columns", "row column '" + c + "' is not one of the template's columns");
        }
        rr.finish();
        t.rows.push_back(std::move(row));
      }
    }
    YamlNode ranges = r.node("ranges");
    if (ranges.defined() && !ranges.isMap()) {
      r.error(ranges, "ranges", "'ranges' must map a name to a list of row or column keys");
    } else if (ranges.defined()) {
      OptionReader rg = r.nested(ranges, "ranges");
      for (size_t i = 0; i < ranges.size(); ++i) {
        const std::string name(ranges.key(i).scalar());
        std::vector<std::string> keys = rg.stringList(name);
        for (const std::string& key : keys) {
          if (!rowKeys.count(key) && !columnKeys.count(key)) {
            rg.error(name, "range '" + name + "' names '" + key + "', which is neither a row nor a column key");
          }
        }
        t.ranges[name] = std::move(keys);
      }
    }
    r.finish();
    if (r.errors().size() != errorsBefore) continue;
    t.prepare();
    auto same = std::find_if(catalog.templates.begin(), catalog.templates.end(),
                             [&](const TableTemplate& other) { return other.id == t.id; });
    if (same != catalog.templates.end()) *same = std::move(t);
    else catalog.templates.push_back(std::move(t));
  }
}

}  // namespace gklint
