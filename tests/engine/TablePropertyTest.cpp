// TablePropertyTest: random valid 表三 and 表四 — numbers generated to satisfy every relation
// (leaves per applicant column, 上年结转, 结转下年, then 一 and （七）总计 and the 总计 column
// derived) — rendered into the compliant report in each layout (tab-separated rows, one cell
// per line, Markdown pipe table). A valid table must bind cell for cell and stay free of table/
// and arith/ findings; after one value cell is raised by 1..5, an arith/ relation must fire, and
// every relation finding must sit in the changed cell's row or column (表三: one of them exactly
// at the changed cell, where the failing row and column cross; 表四: at the changed group's 总计).
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "engine/Analyzer.h"
#include "engine/ruleset/RuleSet.h"

namespace {

using gklint::Analysis;
using gklint::ByteSpan;
using gklint::DocumentFormat;
using gklint::Finding;

const std::string kTests = GKLINT_TEST_DIR;
constexpr unsigned kSeed = 20211231;
constexpr int kIterations = 200;

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const gklint::RuleSet& rules() {
  static const gklint::RuleLoadResult loaded = gklint::loadBuiltinRules();
  return loaded.rules;
}

enum class Layout { TabRows, CellPerLine, Pipe };

const char* layoutName(Layout l) {
  switch (l) {
    case Layout::TabRows: return "tab-separated rows";
    case Layout::CellPerLine: return "one cell per line";
    case Layout::Pipe: return "Markdown pipe table";
  }
  return "";
}

// The label cells of the 25 rows of the 2021 表三, as the official table merges them.
const std::array<std::vector<std::string>, 25> kT3Labels = {{
    {"一、本年新收政府信息公开申请数量", ""},
    {"二、上年结转政府信息公开申请数量", ""},
    {"三、本年度办理结果", "（一）予以公开"},
    {"", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
    {"", "（三）不予公开", "1.属于国家秘密"},
    {"", "", "2.其他法律行政法规禁止公开"},
    {"", "", "3.危及“三安全一稳定”"},
    {"", "", "4.保护第三方合法权益"},
    {"", "", "5.属于三类内部事务信息"},
    {"", "", "6.属于四类过程性信息"},
    {"", "", "7.属于行政执法案卷"},
    {"", "", "8.属于行政查询事项"},
    {"", "（四）无法提供", "1.本机关不掌握相关政府信息"},
    {"", "", "2.没有现成信息需要另行制作"},
    {"", "", "3.补正后申请内容仍不明确"},
    {"", "（五）不予处理", "1.信访举报投诉类申请"},
    {"", "", "2.重复申请"},
    {"", "", "3.要求提供公开出版物"},
    {"", "", "4.无正当理由大量反复申请"},
    {"", "", "5.要求行政机关确认或重新出具已获取信息"},
    {"", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
    {"", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
    {"", "", "3.其他"},
    {"", "（七）总计"},
    {"四、结转下年度继续办理", ""},
}};
constexpr size_t kR01 = 0, kR02 = 1, kFirstLeaf = 2, kLastLeaf = 22, kR24 = 23, kR25 = 24;
const std::string kNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

using T3 = std::array<std::array<int, 7>, 25>;  // [row][C1..C7]
using T4 = std::array<int, 15>;                 // A1..A5 B1..B5 D1..D5

struct Tables {
  T3 t3{};
  T4 t4{};
};

int uniform(std::mt19937& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

// Every relation holds by construction: per applicant column, 一 + 二 = （七） + 四 with
// （七） spread over the leaves; 总计 is the row sum; each 表四 group total is its parts' sum.
Tables randomTables(std::mt19937& rng) {
  Tables t;
  for (size_t c = 0; c < 6; ++c) {
    if (uniform(rng, 0, 3) == 0) continue;  // an applicant type with nothing at all (zero column)
    const int received = uniform(rng, 0, 12), carried = uniform(rng, 0, 3);
    const int total = received + carried;
    const int carryOut = uniform(rng, 0, std::min(total, 3));
    t.t3[kR01][c] = received;
    t.t3[kR02][c] = carried;
    t.t3[kR25][c] = carryOut;
    t.t3[kR24][c] = total - carryOut;
    for (int k = 0; k < total - carryOut; ++k) {
      // Mostly 予以公开/部分公开/无法提供, sometimes any leaf.
      const size_t leaf = uniform(rng, 0, 2) == 0 ? static_cast<size_t>(uniform(rng, kFirstLeaf, kLastLeaf))
                                                  : std::array<size_t, 3>{2, 3, 12}[static_cast<size_t>(uniform(rng, 0, 2))];
      ++t.t3[leaf][c];
    }
  }
  for (auto& row : t.t3) {
    row[6] = 0;
    for (size_t c = 0; c < 6; ++c) row[6] += row[c];
  }
  for (size_t g = 0; g < 3; ++g) {
    int sum = 0;
    for (size_t k = 0; k < 4; ++k) sum += t.t4[g * 5 + k] = uniform(rng, 0, 4);
    t.t4[g * 5 + 4] = sum;
  }
  return t;
}

std::string join(const std::vector<std::string>& cells, const std::string& sep) {
  std::string s;
  for (size_t i = 0; i < cells.size(); ++i) s += (i ? sep : "") + cells[i];
  return s;
}

std::string pipeRow(std::vector<std::string> cells, size_t width) {
  cells.resize(width);
  std::string s = "|";
  for (const std::string& c : cells) s += " " + c + " |";
  return s + "\n";
}

// One cell per line: each cell is a tab and its text; a blank line ends a row.
std::string cellLines(const std::vector<std::string>& cells) {
  std::string s;
  for (const std::string& c : cells) s += "\t" + c + "\n";
  return s + "\n";
}

std::string renderT3(const T3& t3, Layout layout) {
  std::string s;
  const std::vector<std::string> head1{"", "自然人", "法人或其他组织", "", "", "", "", "总计"};
  const std::vector<std::string> head2{"", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""};
  switch (layout) {
    case Layout::TabRows:
      s += kNote + "\t申请人情况\t\t\t\t\t\t\n" + join(head1, "\t") + "\n" + join(head2, "\t") + "\n";
      break;
    case Layout::Pipe:
      s += pipeRow({kNote, "申请人情况"}, 10) + "|" + std::string(" --- |") + " --- | --- | --- | --- | --- | --- | --- | --- | --- |\n" +
           pipeRow(head1, 10) + pipeRow(head2, 10);
      break;
    case Layout::CellPerLine:
      s += "\t" + kNote + "\n\t申请人情况\n\n" + cellLines({"", "自然人", "法人或其他组织", "总计"}) +
           "\t\n\t\n\t商业\n企业\n\t科研\n机构\n\t社会公益组织\n\t法律服务机构\n\t其他\n\t\n\n";
      break;
  }
  for (size_t r = 0; r < 25; ++r) {
    std::vector<std::string> cells = kT3Labels[r];
    if (layout == Layout::CellPerLine) {
      while (!cells.empty() && cells.back().empty()) cells.pop_back();
    }
    for (int v : t3[r]) cells.push_back(std::to_string(v));
    switch (layout) {
      case Layout::TabRows: s += join(cells, "\t") + "\n"; break;
      case Layout::Pipe: s += pipeRow(cells, 10); break;
      case Layout::CellPerLine: s += cellLines(cells); break;
    }
  }
  return s;
}

std::string renderT4(const T4& t4, Layout layout) {
  const std::vector<std::string> kinds{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
  std::vector<std::string> head1{"行政复议", "", "", "", "", "行政诉讼"}, head2 = kinds, head3(5), values;
  head1.resize(15);
  head2.insert(head2.end(), {"未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""});
  for (int k = 0; k < 2; ++k) head3.insert(head3.end(), kinds.begin(), kinds.end());
  for (int v : t4) values.push_back(std::to_string(v));
  switch (layout) {
    case Layout::TabRows:
      return join(head1, "\t") + "\n" + join(head2, "\t") + "\n" + join(head3, "\t") + "\n" + join(values, "\t") + "\n";
    case Layout::Pipe:
      return pipeRow(head1, 15) + "|" + [] {
        std::string d;
        for (int i = 0; i < 15; ++i) d += " --- |";
        return d;
      }() + "\n" + pipeRow(head2, 15) + pipeRow(head3, 15) + pipeRow(values, 15);
    case Layout::CellPerLine:
      return cellLines({"行政复议", "行政诉讼"}) +
             cellLines({"结果维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计", "未经复议直接起诉", "复议后起诉"}) +
             cellLines({"", "", "", "", "", "结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计", "结果\n维持",
                        "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"}) +
             cellLines(values);
  }
  return "";
}

// The compliant report with its 表三 and 表四 replaced (and the prose count of applications,
// which arith/text-table compares with 表三, set to the new 一、本年新收 总计).
class ReportTemplate {
 public:
  explicit ReportTemplate(Layout layout) : layout_(layout) {
    const bool md = layout == Layout::Pipe;
    text_ = readFile(kTests + "/fixtures/reports/compliant/compliant-2021" + (md ? ".md" : ".txt"));
    const std::string h3 = "三、收到和处理政府信息公开申请情况\n", h4 = "四、政府信息公开行政复议、行政诉讼情况\n",
                      h5 = "五、存在的主要问题及改进情况";
    t3Begin_ = text_.find(h3) + h3.size();
    t3End_ = text_.find(h4);
    t4Begin_ = t3End_ + h4.size();
    t4End_ = text_.find(h5);
    if (md) t3End_ -= 2, t4End_ -= 2;  // "# " of the next heading
    claim_ = text_.find("全年收到政府信息公开申请");
  }

  bool ok() const {
    return t3Begin_ != std::string::npos && t3End_ != std::string::npos && t4End_ != std::string::npos &&
           claim_ != std::string::npos && t3Begin_ < t3End_ && t4Begin_ < t4End_;
  }

  std::string render(const Tables& t) const {
    const std::string claimHead = "全年收到政府信息公开申请";
    const size_t countEnd = text_.find("件", claim_);
    std::string s = text_.substr(0, claim_);
    s += claimHead;
    s += std::to_string(t.t3[kR01][6]);
    s.append(text_, countEnd, t3Begin_ - countEnd);
    s += '\n';
    s += renderT3(t.t3, layout_);
    s += '\n';
    s.append(text_, t3End_, t4Begin_ - t3End_);
    s += '\n';
    s += renderT4(t.t4, layout_);
    s += '\n';
    s.append(text_, t4End_, std::string::npos);
    return s;
  }

  DocumentFormat format() const { return layout_ == Layout::Pipe ? DocumentFormat::Markdown : DocumentFormat::Text; }
  std::string path() const { return layout_ == Layout::Pipe ? "property.md" : "property.txt"; }

 private:
  Layout layout_;
  std::string text_;
  size_t t3Begin_ = 0, t3End_ = 0, t4Begin_ = 0, t4End_ = 0, claim_ = 0;
};

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

bool isRelation(const Finding& f) {
  const gklint::Check* c = rules().find(f.ruleId);
  return c && c->info().kind == "relation";
}

std::string describe(const Analysis& a) {
  std::string s;
  for (const Finding& f : a.findings) {
    s += "  " + f.ruleId + " @" + std::to_string(f.span.begin) + ": " + f.message + "\n";
  }
  return s.empty() ? "  (none)\n" : s;
}

// Checks that the bound table holds exactly the generated numbers, cell for cell.
void requireBound(const Analysis& a, const Tables& t) {
  const gklint::BoundTable* t3 = a.document->boundTable("t3");
  const gklint::BoundTable* t4 = a.document->boundTable("t4");
  REQUIRE(t3);
  REQUIRE(t4);
  REQUIRE(t3->rows.size() == 25);
  REQUIRE(t4->rows.size() == 1);
  for (size_t r = 0; r < 25; ++r) {
    INFO("表三 row " << r + 1);
    REQUIRE(t3->rows[r].present);
    REQUIRE(t3->rows[r].cells.size() == 7);
    for (size_t c = 0; c < 7; ++c) {
      REQUIRE(t3->rows[r].cells[c].state == gklint::CellState::Number);
      REQUIRE(t3->rows[r].cells[c].value == t.t3[r][c]);
    }
  }
  REQUIRE(t4->rows[0].cells.size() == 15);
  for (size_t c = 0; c < 15; ++c) REQUIRE(t4->rows[0].cells[c].value == t.t4[c]);
}

void runLayout(Layout layout) {
  const ReportTemplate report(layout);
  REQUIRE(report.ok());
  std::mt19937 rng(kSeed + static_cast<unsigned>(layout));
  for (int i = 0; i < kIterations; ++i) {
    Tables valid = randomTables(rng);
    const std::string text = report.render(valid);
    const Analysis a = gklint::analyzeBytes(report.path(), text, report.format(), rules());
    INFO(layoutName(layout) << ", seed " << kSeed << ", iteration " << i);
    REQUIRE(a.ok());
    {
      INFO("valid tables, findings:\n" << describe(a));
      for (const Finding& f : a.findings) {
        CHECK_FALSE(startsWith(f.ruleId, "table/"));
        CHECK_FALSE(startsWith(f.ruleId, "arith/"));
      }
      requireBound(a, valid);
    }

    // Raise one value cell: 表三 three times in four, else 表四.
    Tables changed = valid;
    const bool inT3 = uniform(rng, 0, 3) != 0;
    const int delta = uniform(rng, 1, 5);
    const size_t row = inT3 ? static_cast<size_t>(uniform(rng, 0, 24)) : 0;
    const size_t col = static_cast<size_t>(inT3 ? uniform(rng, 0, 6) : uniform(rng, 0, 14));
    (inT3 ? changed.t3[row][col] : changed.t4[col]) += delta;
    const std::string changedText = report.render(changed);
    const Analysis b = gklint::analyzeBytes(report.path(), changedText, report.format(), rules());
    REQUIRE(b.ok());
    INFO((inT3 ? "表三 row " : "表四 column ") << (inT3 ? row + 1 : col + 1) << (inT3 ? ", column C" : "")
                                            << (inT3 ? std::to_string(col + 1) : std::string()) << " +" << delta
                                            << "; findings:\n" << describe(b));
    const gklint::BoundTable* t = b.document->boundTable(inT3 ? "t3" : "t4");
    REQUIRE(t);
    const ByteSpan target = t->rows[row].cells.at(col).span;
    REQUIRE(changedText.substr(target.begin, target.size()) == std::to_string((inT3 ? changed.t3[row][col] : changed.t4[col])));
    // The spans a finding may name: the changed cell's row and column (表三), its group's
    // 总计 (表四: the relation names the group's total).
    std::vector<ByteSpan> allowed;
    if (inT3) {
      for (size_t c = 0; c < 7; ++c) allowed.push_back(t->rows[row].cells[c].span);
      for (size_t r = 0; r < 25; ++r) allowed.push_back(t->rows[r].cells[col].span);
    } else {
      allowed.push_back(t->rows[0].cells[col / 5 * 5 + 4].span);
    }
    size_t relations = 0, atCell = 0;
    for (const Finding& f : b.findings) {
      CHECK_FALSE(startsWith(f.ruleId, "table/"));
      if (!startsWith(f.ruleId, "arith/") || !isRelation(f)) continue;
      ++relations;
      atCell += f.span == target;
      INFO("finding " << f.ruleId << ": " << f.message);
      CHECK(std::find(allowed.begin(), allowed.end(), f.span) != allowed.end());
    }
    CHECK(relations > 0);
    if (inT3) CHECK(atCell > 0);
  }
}

}  // namespace

TEST_CASE("random valid tables are silent and one changed cell is located (tab rows)", "[tables][property]") {
  runLayout(Layout::TabRows);
}

TEST_CASE("random valid tables are silent and one changed cell is located (one cell per line)", "[tables][property]") {
  runLayout(Layout::CellPerLine);
}

TEST_CASE("random valid tables are silent and one changed cell is located (Markdown pipe)", "[tables][property]") {
  runLayout(Layout::Pipe);
}
