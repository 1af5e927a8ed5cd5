// Tests for lsp/Uri: file URIs as editors send them (percent-encoded UTF-8) ↔ paths.
#include <catch2/catch.hpp>

#include "lsp/Uri.h"

using namespace gklint::lsp;

TEST_CASE("file URIs become paths, percent-decoded", "[lsp][uri]") {
  CHECK(uriToPath("file:///home/a/%E6%8A%A5%E5%91%8A%202021.txt") == "/home/a/报告 2021.txt");
  CHECK(uriToPath("file://localhost/tmp/r.md") == "/tmp/r.md");
  CHECK(uriToPath("FILE:///tmp/r.md") == "/tmp/r.md");
  CHECK(uriToPath("file:///tmp/r.md?query#frag") == "/tmp/r.md");
  CHECK_FALSE(uriToPath("untitled:Untitled-1").has_value());
  CHECK_FALSE(uriToPath("file:///bad%zz").has_value());
  CHECK_FALSE(uriToPath("file:///bad%4").has_value());
}

TEST_CASE("paths become file URIs that round-trip", "[lsp][uri]") {
  CHECK(pathToUri("/home/a/报告 2021.txt") == "file:///home/a/%E6%8A%A5%E5%91%8A%202021.txt");
  for (const std::string path : {"/tmp/rules/local.yaml", "/a b/c#d/年报.md", "/x/%41"}) {
    CHECK(uriToPath(pathToUri(path)) == path);
  }
}

TEST_CASE("the file name of a URI tells the format", "[lsp][uri]") {
  CHECK(uriFileName("file:///a/b/%E5%B9%B4%E6%8A%A5.MD?x=1") == "年报.MD");
  CHECK(uriFileName("untitled:Untitled-1") == "untitled:Untitled-1");
}
