// Tests for cli/GithubReporter (through gklint::cli::run): `gklint check --format github`,
// GitHub Actions workflow commands, escaped as the runner unescapes them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "tests/cli/CliTestSupport.h"

using namespace gklint::clitest;

namespace {

const std::string kRepo = std::filesystem::canonical(std::string(GKLINT_TEST_DIR) + "/..").string();

// A local rule whose message holds every character the runner treats specially.
const char* const kSpecialRule = R"(rules:
  - id: local/odd-marks
    kind: forbidden-pattern
    severity: error
    summary: 测试用
    message: "完成率100%，比例: {match}, 见说明"
    patterns:
      - '𠀋字'
)";

}  // namespace

TEST_CASE("github: one workflow command per finding of a seed report, columns in code points", "[cli][github]") {
  WorkingFolder here(kRepo);
  const CliRun r = runGklint({"check", "--format", "github", "tests/corpus/seeds/004_8d6632e4e8c36cd9.txt"});
  CHECK(r.code == 1);
  CHECK(r.out ==
        "::warning file=tests/corpus/seeds/004_8d6632e4e8c36cd9.txt,line=1,col=1,endLine=2,endColumn=18,title=content/assessment-results::未报告政府信息公开工作考核、社会评议和责任追究结果情况\n"
        "::warning file=tests/corpus/seeds/004_8d6632e4e8c36cd9.txt,line=1,col=1,endLine=2,endColumn=18,title=content/contact-missing::未提供联系方式中的地址\n"
        "::warning file=tests/corpus/seeds/004_8d6632e4e8c36cd9.txt,line=1,col=1,endLine=2,endColumn=18,title=content/contact-missing::未提供联系方式中的邮政编码\n"
        "::warning file=tests/corpus/seeds/004_8d6632e4e8c36cd9.txt,line=1,col=1,endLine=2,endColumn=18,title=content/contact-missing::未提供联系方式中的联系电话\n"
        "::warning file=tests/corpus/seeds/004_8d6632e4e8c36cd9.txt,line=1,col=1,endLine=2,endColumn=18,title=content/contact-missing::未提供联系方式中的电子邮箱\n"
        "::notice file=tests/corpus/seeds/004_8d6632e4e8c36cd9.txt,line=1,col=1,endLine=2,endColumn=18,title=content/publication-missing::未说明本报告的发布或查阅渠道（如“本报告电子版可在××门户网站查阅或下载”）\n"
        "::notice file=tests/corpus/seeds/004_8d6632e4e8c36cd9.txt,line=9,col=1,endLine=9,endColumn=4,title=structure/subheading-style::二级标题编号“(三)”不规范：应使用全角括号\n"
        "::notice file=tests/corpus/seeds/004_8d6632e4e8c36cd9.txt,line=9,col=46,endLine=9,endColumn=48,title=text/typo::疑似错别字“设量”，应为“设置”\n"
        "::notice file=tests/corpus/seeds/004_8d6632e4e8c36cd9.txt,line=10,col=1,endLine=10,endColumn=4,title=structure/subheading-style::二级标题编号“(四)”不规范：应使用全角括号\n"
        "::notice file=tests/corpus/seeds/004_8d6632e4e8c36cd9.txt,line=11,col=1,endLine=11,endColumn=4,title=structure/subheading-style::二级标题编号“(五)”不规范：应使用全角括号\n"
        "::error file=tests/corpus/seeds/004_8d6632e4e8c36cd9.txt,line=206,col=2,endLine=206,endColumn=16,title=table/rows-missing::表三在“（四）无法提供1.本机关不掌握相关政府信息”之后中断，缺少12行（“（四）无法提供2.没有现成信息需要另行制作”至“四、结转下年度继续办理”）\n"
        "::warning file=tests/corpus/seeds/004_8d6632e4e8c36cd9.txt,line=272,col=1,endLine=272,endColumn=3,title=structure/heading-numbering::一级标题编号“5、”应为“五、”\n"
        "::warning file=tests/corpus/seeds/004_8d6632e4e8c36cd9.txt,line=275,col=1,endLine=275,endColumn=12,title=content/fee-statement::“六、其他需要报告的事项”未说明信息处理费收取情况（发出收费通知件数、金额，或未收取）\n");
  CHECK(r.err == "1 error(s), 7 warning(s), 5 info in 1 file(s)\n");
}

TEST_CASE("github: a finding after CJK and 𠀋 on its line is a notice at its code-point column", "[cli][github]") {
  WorkingFolder here(kRepo);
  const CliRun r = runGklint({"check", "--format", "github", "tests/fixtures/cli/non-bmp-2021.txt"});
  CHECK(r.code == 0);
  // Line 13: "（三）政府信息管理。…，𠀋字调整设量相关栏目。": 𠀋 (U+2000B) is column 35, 设量 39–40.
  CHECK(r.out ==
        "::notice file=tests/fixtures/cli/non-bmp-2021.txt,line=13,col=39,endLine=13,endColumn=41,"
        "title=text/typo::疑似错别字“设量”，应为“设置”\n");
}

TEST_CASE("github: % CR LF are escaped in messages, and also , and : in file names and titles", "[cli][github]") {
  TempDir dir;
  dir.write(".gklint.yaml", "rule_paths: [./rules]\nrules:\n  \"*\": off\n  local/odd-marks: error\n");
  dir.write("rules/odd.yaml", kSpecialRule);
  const std::string name = "报告,第1:2%版\r\n𠀋.txt";
  dir.write(name, readBytes(cliFixture("non-bmp-2021.txt")));
  dir.write("unreadable,1.txt", "");
  std::filesystem::permissions(dir.path() / "unreadable,1.txt", std::filesystem::perms::none);
  WorkingFolder here(dir.path());
  const CliRun r = runGklint({"check", "--format", "github", name});
  CHECK(r.code == 1);
  CHECK(r.out ==
        "::error file=报告%2C第1%3A2%25版%0D%0A𠀋.txt,line=13,col=35,endLine=13,endColumn=37,"
        "title=local/odd-marks::完成率100%25，比例: 𠀋字, 见说明\n");
  if (::geteuid() != 0) {  // root reads any file
    const CliRun unreadable = runGklint({"check", "--format", "github", "unreadable,1.txt"});
    CHECK(unreadable.code == 2);
    CHECK(unreadable.out == "::error file=unreadable%2C1.txt,title=gklint%3A unreadable::cannot open the file for reading\n");
  }
}

TEST_CASE("github: a report that cannot be read is an error on the file", "[cli][github]") {
  TempDir dir;
  dir.write("a.txt", std::string("\xFF\xFE\x00\xD8", 4));  // UTF-16LE with a lone high surrogate
  WorkingFolder here(dir.path());
  const CliRun r = runGklint({"check", "--format", "github", "a.txt", "missing.txt"});
  CHECK(r.code == 2);
  CHECK(r.out.rfind("::error file=missing.txt,title=gklint%3A unreadable::", 0) == 0);
  CHECK(r.out.find("\n::error file=a.txt,title=gklint%3A unreadable::") != std::string::npos);
}
