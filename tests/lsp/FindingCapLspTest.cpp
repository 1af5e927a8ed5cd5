// The findings cap in the Language Server: the engine caps, so the editor shows what the CLI shows.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "lsp/Uri.h"
#include "tests/lsp/LspTestClient.h"

using namespace gklint::lsp::test;
namespace fs = std::filesystem;

TEST_CASE("max_findings_per_rule in .gklint.yaml caps the published diagnostics, with the closing one", "[lsp][cap]") {
  const fs::path dir = fs::temp_directory_path() / ("gklint-lsp-cap-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / ".gklint.yaml") << "rules:\n  \"*\": off\n  text/halfwidth-punct: warning\nmax_findings_per_rule: 2\n";
  std::string text = "𠀋";
  for (int i = 0; i < 50; ++i) text += "测试,";
  TestClient client;
  client.initialize();
  const std::string uri = gklint::lsp::pathToUri((dir / "r.txt").string());
  client.open(uri, text + "\n");
  const json diagnostics = client.lastPublished(uri)["diagnostics"];
  fs::remove_all(dir);
  REQUIRE(diagnostics.size() == 3);
  CHECK(diagnostics[0]["message"] == "中文语句中应使用全角标点：“,”应为“，”");
  // UTF-16 columns: 𠀋 is two units, comma k (1-based) ends "测试," number k, at 3k + 1.
  CHECK(diagnostics[0]["range"]["start"]["character"] == 4);
  CHECK(diagnostics[2]["message"] ==
        "此处起还有 48 处同类问题未列出（每条规则每个文件最多列出 2 处；用 --max-findings-per-rule 或 .gklint.yaml 的 "
        "max_findings_per_rule 调整，0 为不限）");
  CHECK(diagnostics[2]["range"]["start"]["character"] == 10);
  CHECK(diagnostics[2]["severity"] == 2);
}
