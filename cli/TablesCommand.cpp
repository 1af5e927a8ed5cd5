#include "cli/TablesCommand.h"

#include <fstream>
#include <ostream>
#include <sstream>

#include "cli/ReportLocation.h"
#include "engine/Analyzer.h"
#include "engine/tables/TableTemplate.h"

namespace gklint::cli {
namespace {

std::string layoutName(GridLayout layout) {
  switch (layout) {
    case GridLayout::TabRows: return "tab-separated rows";
    case GridLayout::CellPerLine: return "one cell per line";
    case GridLayout::CellLines: return "one cell per line, tab lines between cells";
    case GridLayout::SpaceAligned: return "space-aligned rows";
    case GridLayout::CellStream: return "cells in reading order";
    case GridLayout::Pipe: return "pipe table";
    case GridLayout::LooseText: return "numbers in text lines";
  }
  return "";
}

std::string cellText(const BoundCell& c) {
  switch (c.state) {
    case CellState::Number: return c.text;
    case CellState::Blank: return "·";
    case CellState::Dash: return "—";
    case CellState::Text: return "«" + c.text + "»";
  }
  return "";
}

}  // namespace

int runTables(const std::vector<std::string>& paths, ConfigCache& configs, std::ostream& out, std::ostream& err) {
  std::vector<RuleDiagnostic> configErrors;
  std::vector<const LoadedConfig*> fileConfigs;
  for (const std::string& path : paths) fileConfigs.push_back(&configs.forReport(path, configErrors));
  for (const RuleDiagnostic& d : configErrors) err << formatRuleDiagnostic(d) << "\n";
  if (!configErrors.empty()) {
    err << "gklint: error: fix the configuration above (or use --no-config); no table was read\n";
    return 2;
  }
  int status = 0;
  for (size_t i = 0; i < paths.size(); ++i) {
    const std::string& path = paths[i];
    const LoadedConfig& loaded = *fileConfigs[i];
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const auto format = formatFromPath(path);
    if (!in || !format) {
      err << path << ": error: cannot read this file as a .txt or .md report\n";
      status = 2;
      continue;
    }
    AnalyzeOptions analyze;
    analyze.year = loaded.config.year;
    analyze.config = loaded.fromFile ? &loaded.config : nullptr;
    Analysis a = analyzeBytes(path, bytes.str(), *format, *loaded.rules, analyze);
    if (!a.ok()) {
      err << path << ": error: " << a.error << "\n";
      status = 2;
      continue;
    }
    const Document& doc = *a.document;
    out << path << " (" << doc.year << ", " << templateName(doc.templateId) << ")\n";
    if (!a.body.empty()) out << "  body: " << a.body << "\n";
    Locator locator(*a.source);
    if (doc.boundTables.empty()) out << "  no official tables recognised\n";
    for (const BoundTable& t : doc.boundTables) {
      out << "  " << t.tmpl->id << " at " << locator.at(t.anchor.begin).text() << ", " << layoutName(t.layout) << ", "
          << t.boundRows << "/" << t.tmpl->rows.size() << " rows";
      if (t.betterTemplate) out << " (fits " << t.tmpl->id << ", not the report's format)";
      out << "\n";
      for (size_t row = 0; row < t.rows.size(); ++row) {
        const BoundRow& r = t.rows[row];
        const TemplateRow& tr = t.tmpl->rows[row];
        out << "    " << tr.key << "  ";
        if (!r.present) {
          out << "(missing) " << tr.label << "\n";
          continue;
        }
        const ReportedLocation p = locator.at(r.span.begin);
        out << (p.hasFileLines() ? "L" + std::to_string(p.line) : p.text()) << "  " << (r.label.empty() ? tr.label : r.label);
        if (r.labelIsVariant) out << " [≠ " << tr.label << "]";
        out << " |";
        for (const BoundCell& c : r.cells) out << " " << cellText(c);
        if (!r.countMatches()) out << "   (" << r.cells.size() << " cells, expected " << r.expectedCells << ")";
        out << "\n";
      }
    }
  }
  return status;
}

}  // namespace gklint::cli
