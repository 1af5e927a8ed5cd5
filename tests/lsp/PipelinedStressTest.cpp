// Pipelined stress tests: an editor's traffic without waiting for answers — edits,
// diagnostic and symbol requests, notifications, cancels and malformed frames — against the
// server's real reader and worker threads over real pipes, while helper threads burn the CPU
// so that the two threads' writes overlap. Every reply must arrive exactly once and every frame
// must parse (issue 11: a reader-thread flush of the output stream duplicated headers).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <map>
#include <sstream>
#include <thread>

#include "lsp/LspServer.h"
#include "lsp/Transport.h"
#include "tests/lsp/ChildProcess.h"
#include "tests/lsp/LspTestClient.h"

using namespace gklint::lsp::test;

namespace {

// Spins `count` threads until destroyed: the machine is as busy as during a build.
class CpuBurners {
 public:
  explicit CpuBurners(unsigned count) {
    for (unsigned i = 0; i < count; ++i) {
      threads_.emplace_back([this] {
        volatile uint64_t x = 0;
        while (!stop_.load(std::memory_order_relaxed)) x = x * 6364136223846793005u + 1442695040888963407u;
      });
    }
  }
  ~CpuBurners() {
    stop_ = true;
    for (std::thread& t : threads_) t.join();
  }

 private:
  std::atomic<bool> stop_{false};
  std::vector<std::thread> threads_;
};

std::string message(json m) {
  m["jsonrpc"] = "2.0";
  return frame(m.dump());
}

const std::string kUri = "file:///work/003.txt";

// What the session sent, so the answers can be checked against it.
struct Session {
  std::string input;
  std::vector<int64_t> requestIds;  // every request but initialize and shutdown
  int malformed = 0;                // frames owed a ParseError with id null
  int64_t lastVersion = 1;
};

// `rounds` rounds of: an edit, a diagnostic request, a symbol request; every third round a
// notification the server ignores, every fifth a frame that is not JSON, every seventh a
// cancel of the round's diagnostic request.
Session pipelinedSession(int rounds) {
  const std::string text = readFile(seedPath("003_8d3f9a9668695af1.txt"));
  Session s;
  s.input = message({{"id", 1},
                     {"method", "initialize"},
                     {"params", {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()}}}}) +
            message({{"method", "initialized"}, {"params", json::object()}}) +
            message({{"method", "textDocument/didOpen"},
                     {"params", {{"textDocument", {{"uri", kUri}, {"languageId", "plaintext"}, {"version", 1}, {"text", text}}}}}});
  int64_t id = 100;
  for (int round = 0; round < rounds; ++round) {
    s.lastVersion = round + 2;
    s.input += message({{"method", "textDocument/didChange"},
                        {"params",
                         {{"textDocument", {{"uri", kUri}, {"version", s.lastVersion}}},
                          {"contentChanges",
                           {{{"range", {{"start", {{"line", 3}, {"character", 0}}}, {"end", {{"line", 3}, {"character", 0}}}}},
                             {"text", round % 2 == 0 ? "字𠀋" : "，"}}}}}}});
    const int64_t diagnostic = id++;
    s.input += message({{"id", diagnostic}, {"method", "textDocument/diagnostic"}, {"params", {{"textDocument", {{"uri", kUri}}}}}});
    s.requestIds.push_back(diagnostic);
    const int64_t symbols = id++;
    s.input += message({{"id", symbols}, {"method", "textDocument/documentSymbol"}, {"params", {{"textDocument", {{"uri", kUri}}}}}});
    s.requestIds.push_back(symbols);
    if (round % 3 == 0) s.input += message({{"method", "$/setTrace"}, {"params", {{"value", "off"}}}});
    if (round % 5 == 0) {
      s.input += frame("{\"jsonrpc\":\"2.0\",\"id\":" + std::to_string(id) + ",\"method\":");  // cut off: not JSON
      ++s.malformed;
    }
    if (round % 7 == 0) s.input += message({{"method", "$/cancelRequest"}, {"params", {{"id", diagnostic}}}});
  }
  s.input += message({{"id", 2}, {"method", "shutdown"}}) + message({{"method", "exit"}});
  return s;
}

// Splits the output into frames without failing on the first bad one: returns the messages
// and counts what did not parse.
std::vector<json> framesOf(const std::string& bytes, int& garbled) {
  std::vector<json> out;
  garbled = 0;
  size_t pos = 0;
  const std::string header = "Content-Length: ";
  while (pos < bytes.size()) {
    const size_t end = bytes.find("\r\n\r\n", pos);
    if (bytes.compare(pos, header.size(), header) != 0 || end == std::string::npos) {
      ++garbled;
      const size_t next = bytes.find(header, pos + 1);
      if (next == std::string::npos) break;
      pos = next;
      continue;
    }
    const size_t length = std::stoul(bytes.substr(pos + header.size(), end - pos - header.size()));
    json m = json::parse(bytes.substr(end + 4, std::min(length, bytes.size() - end - 4)), nullptr, false);
    if (m.is_discarded()) {
      ++garbled;
      const size_t next = bytes.find(header, end + 4);
      if (next == std::string::npos) break;
      pos = next;
      continue;
    }
    out.push_back(std::move(m));
    pos = end + 4 + length;
  }
  return out;
}

void checkAnswers(const Session& s, const std::vector<json>& out) {
  std::map<int64_t, int> replies;
  int nullIdParseErrors = 0;
  int64_t lastPublished = 0;
  for (const json& m : out) {
    if (m.contains("method")) {
      if (m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == kUri) {
        const int64_t version = m["params"]["version"].get<int64_t>();
        CHECK(version >= lastPublished);  // never a stale result over a newer one
        lastPublished = version;
      }
      continue;
    }
    if (m["id"].is_null()) {
      CHECK(m["error"]["code"] == -32700);
      ++nullIdParseErrors;
      continue;
    }
    ++replies[m["id"].get<int64_t>()];
    if (m.contains("error")) CHECK(m["error"]["code"] == -32800);  // only a cancel may fail a request
  }
  CHECK(nullIdParseErrors == s.malformed);
  CHECK(replies[1] == 1);
  CHECK(replies[2] == 1);
  int missing = 0, duplicated = 0;
  for (int64_t id : s.requestIds) {
    if (replies[id] == 0) ++missing;
    if (replies[id] > 1) ++duplicated;
  }
  CHECK(missing == 0);
  CHECK(duplicated == 0);
  CHECK(replies.size() == s.requestIds.size() + 2);
  CHECK(lastPublished == s.lastVersion);  // the latest version is published before shutdown answers
}

}  // namespace

TEST_CASE("stress: hundreds of pipelined requests to gklint lsp on a busy machine are each answered once",
          "[lsp][transcript][threads][stress]") {
  const Session s = pipelinedSession(250);
  // Verbose logging writes a line on stderr from the reader thread per message: before the
  // fix, each such write flushed the protocol stream (std::cerr is tied to std::cout).
  for (const char* log : {"--log=verbose", "--log=info", "--log=verbose", "--log=verbose"}) {
    CpuBurners busy(3);
    ProcessResult r = runProcess({GKLINT_BINARY, "lsp", "--debounce=0", log}, s.input, std::chrono::seconds(120));
    INFO(r.err.substr(0, 2000));
    REQUIRE_FALSE(r.timedOut);
    CHECK(r.exitCode == 0);
    int garbled = 0;
    std::vector<json> out = framesOf(r.out, garbled);
    CHECK(garbled == 0);
    checkAnswers(s, out);
  }
}

TEST_CASE("stress: the in-process server over pipes, reader and worker threads, answers every pipelined request once",
          "[lsp][threads][stress]") {
  // The same traffic through newFdTransport and a threaded LspServer in this process, so a
  // ThreadSanitizer build sees both threads (scripts/test-tsan.sh).
  const Session s = pipelinedSession(120);
  int toServer[2], fromServer[2];
  REQUIRE(pipe(toServer) == 0);
  REQUIRE(pipe(fromServer) == 0);
  std::ostringstream logText;
  gklint::lsp::Logger log(logText, gklint::lsp::LogLevel::Verbose);
  CpuBurners busy(2);
  int exitCode = -1;
  std::thread server([&] {
    auto transport = gklint::lsp::newFdTransport(toServer[0], fromServer[1], log);
    gklint::lsp::LspServerOptions options;
    options.scheduler.debounce.fixed = std::chrono::milliseconds(0);
    gklint::lsp::LspServer lsp(*transport, log, options);
    exitCode = lsp.run();
  });  // the transport closes its descriptors when done, which ends the read below
  std::thread client([&] {
    size_t written = 0;
    while (written < s.input.size()) {
      const ssize_t n = write(toServer[1], s.input.data() + written, s.input.size() - written);
      if (n <= 0) break;
      written += static_cast<size_t>(n);
    }
    close(toServer[1]);
  });
  std::string bytes;
  char buffer[65536];
  for (ssize_t n; (n = read(fromServer[0], buffer, sizeof buffer)) > 0;) bytes.append(buffer, static_cast<size_t>(n));
  close(fromServer[0]);
  client.join();
  server.join();
  CHECK(exitCode == 0);
  int garbled = 0;
  std::vector<json> out = framesOf(bytes, garbled);
  CHECK(garbled == 0);
  checkAnswers(s, out);
}
