// Tests for lsp/Transport: framing, validation, and the JSON-RPC errors owed to bad input.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <set>
#include <sstream>
#include <thread>

#include "lsp/Transport.h"
#include "tests/lsp/LspTestClient.h"

using gklint::lsp::Expected;
using gklint::lsp::InputStyle;
using gklint::lsp::Logger;
using gklint::lsp::MessageHandler;
using gklint::lsp::TransportOptions;
using gklint::lsp::test::frame;
using gklint::lsp::test::parseFramed;
using json = nlohmann::json;

namespace {

// Records the messages it gets; "exit" ends the loop; "echo" requests are answered.
struct Recorder final : MessageHandler {
  gklint::lsp::Transport* transport = nullptr;
  std::vector<std::string> seen;
  bool onNotify(std::string_view method, json) override {
    seen.push_back("notify " + std::string(method));
    return method != "exit";
  }
  bool onCall(std::string_view method, json params, json id) override {
    seen.push_back("call " + std::string(method) + " " + id.dump());
    transport->reply(id, json{{"x", params.is_object() ? params.value("x", 0) : 0}});
    return true;
  }
  bool onReply(json id, Expected<json> result) override {
    seen.push_back("reply " + id.dump() + (result ? " ok" : " error " + result.error().message));
    return true;
  }
};

struct Run {
  std::vector<std::string> seen;
  std::vector<json> out;
  bool exited = false;
};

Run run(const std::string& input, TransportOptions options = {}) {
  std::istringstream in(input);
  std::ostringstream out, log;
  Logger logger(log, gklint::lsp::LogLevel::Error);
  auto transport = gklint::lsp::newStreamTransport(in, out, logger, options);
  Recorder recorder;
  recorder.transport = transport.get();
  Run r;
  r.exited = transport->loop(recorder);
  r.seen = recorder.seen;
  r.out = parseFramed(out.str());
  return r;
}

const std::string kPing = R"({"jsonrpc":"2.0","id":7,"method":"echo","params":{"x":1}})";
const std::string kExit = R"({"jsonrpc":"2.0","method":"exit"})";

int errorCode(const json& m) { return m.at("error").at("code").get<int>(); }

}  // namespace

TEST_CASE("transport frames messages both ways and stops when the handler says so", "[lsp][transport]") {
  Run r = run(frame(kPing) + "\r\n" + frame(kExit) + frame(kPing));
  CHECK(r.exited);
  CHECK(r.seen == std::vector<std::string>{"call echo 7", "notify exit"});
  REQUIRE(r.out.size() == 1);
  CHECK(r.out[0] == json::parse(R"({"jsonrpc":"2.0","id":7,"result":{"x":1}})"));
}

TEST_CASE("transport accepts Content-Type and header names in any case", "[lsp][transport]") {
  Run r = run("content-length: " + std::to_string(kPing.size()) +
              "\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + kPing);
  CHECK_FALSE(r.exited);  // input ended
  CHECK(r.seen == std::vector<std::string>{"call echo 7"});
}

TEST_CASE("bad JSON gets ParseError with id null and the next message is still read", "[lsp][transport]") {
  Run r = run(frame("{\"jsonrpc\":\"2.0\",") + frame(kPing));
  REQUIRE(r.out.size() == 2);
  CHECK(errorCode(r.out[0]) == -32700);
  CHECK(r.out[0]["id"].is_null());
  CHECK(r.out[1]["id"] == 7);
}

TEST_CASE("messages that are not JSON-RPC requests get InvalidRequest", "[lsp][transport]") {
  const std::vector<std::pair<std::string, json>> cases = {
      {R"([{"jsonrpc":"2.0","method":"a"}])", nullptr},                 // batch
      {R"("hello")", nullptr},                                          // not an object
      {R"({"id":3,"method":"echo"})", 3},                               // no jsonrpc
      {R"({"jsonrpc":"1.0","id":3,"method":"echo"})", 3},               // wrong version
      {R"({"jsonrpc":"2.0","id":{"a":1},"method":"echo"})", nullptr},   // bad id type
      {R"({"jsonrpc":"2.0","id":4,"method":5})", 4},                    // method not a string
      {R"({"jsonrpc":"2.0","id":5,"method":"echo","params":"x"})", 5},  // params not structured
      {R"({"jsonrpc":"2.0","id":6})", 6},                               // nothing to do
  };
  for (const auto& [body, id] : cases) {
    INFO(body);
    Run r = run(frame(body) + frame(kPing));
    REQUIRE(r.out.size() == 2);
    CHECK(errorCode(r.out[0]) == -32600);
    CHECK(r.out[0]["id"] == id);
    CHECK(r.out[1]["id"] == 7);  // the server lives on
  }
}

TEST_CASE("responses from the client reach the handler and are never answered", "[lsp][transport]") {
  Run r = run(frame(R"({"jsonrpc":"2.0","id":"s1","result":null})") +
              frame(R"({"jsonrpc":"2.0","id":"s2","error":{"code":-32601,"message":"nope"}})"));
  CHECK(r.seen == std::vector<std::string>{"reply \"s1\" ok", "reply \"s2\" error nope"});
  CHECK(r.out.empty());
}

TEST_CASE("a Content-Length that overstates the body: ParseError, then the next message", "[lsp][transport]") {
  const std::string lying = "Content-Length: " + std::to_string(kExit.size() + 30) + "\r\n\r\n" + kExit;
  Run r = run(lying + frame(kPing) + frame(kPing));
  REQUIRE(r.out.size() >= 2);
  CHECK(errorCode(r.out[0]) == -32700);
  CHECK(r.out[0]["error"]["message"].get<std::string>().find("overstates") != std::string::npos);
  CHECK(r.out.back()["id"] == 7);
  CHECK(std::count(r.seen.begin(), r.seen.end(), "call echo 7") >= 1);
}

TEST_CASE("a Content-Length that understates the body: ParseError, the rest is skipped", "[lsp][transport]") {
  const std::string lying = "Content-Length: 20\r\n\r\n" + kPing;
  Run r = run(lying + frame(kPing));
  REQUIRE(r.out.size() == 2);
  CHECK(errorCode(r.out[0]) == -32700);
  CHECK(r.out[1]["id"] == 7);
  CHECK(r.seen == std::vector<std::string>{"call echo 7"});
}

TEST_CASE("a header block without a usable Content-Length gets ParseError", "[lsp][transport]") {
  Run r = run("Content-Type: x\r\n\r\n" + frame(kPing) + "Content-Length: 12abc\r\n\r\n" + frame(kPing));
  REQUIRE(r.out.size() == 4);
  CHECK(errorCode(r.out[0]) == -32700);
  CHECK(r.out[1]["id"] == 7);
  CHECK(errorCode(r.out[2]) == -32700);
  CHECK(r.out[3]["id"] == 7);
}

TEST_CASE("a message over the size limit is skipped unread with InvalidRequest", "[lsp][transport]") {
  TransportOptions options;
  options.maxMessageBytes = 1000;
  const std::string huge = R"({"jsonrpc":"2.0","id":1,"method":"echo","params":")" + std::string(5000, 'x') + "\"}";
  Run r = run(frame(huge) + frame(kPing), options);
  REQUIRE(r.out.size() == 2);
  CHECK(errorCode(r.out[0]) == -32600);
  CHECK(r.out[0]["error"]["message"] ==
        "message of " + std::to_string(huge.size()) + " bytes exceeds the limit of 1000 bytes; skipped");
  CHECK(r.out[1]["id"] == 7);
}

TEST_CASE("input that ends inside a message is reported and ends the loop", "[lsp][transport]") {
  Run r = run("Content-Length: 100\r\n\r\n{\"jsonrpc\"");
  CHECK_FALSE(r.exited);
  REQUIRE(r.out.size() == 1);
  CHECK(errorCode(r.out[0]) == -32700);
  CHECK(r.out[0]["error"]["message"] == "input ended after 10 of 100 announced bytes");
}

TEST_CASE("deeply nested JSON is answered, not a crash", "[lsp][transport]") {
  std::string deep = R"({"jsonrpc":"2.0","id":9,"method":"echo","params":{"a":)";
  for (int i = 0; i < 100000; ++i) deep += "[";
  for (int i = 0; i < 100000; ++i) deep += "]";
  deep += "}}";
  Run r = run(frame(deep) + frame(kPing));
  REQUIRE_FALSE(r.out.empty());
  CHECK(r.out.back()["id"] == 7);
}

TEST_CASE("delimited input style reads hand-written transcripts", "[lsp][transport]") {
  TransportOptions options;
  options.style = InputStyle::Delimited;
  Run r = run("# a comment\n" + kPing + "\n---\n{\"jsonrpc\":\"2.0\",\n \"method\":\"exit\"}\n---\n", options);
  CHECK(r.exited);
  CHECK(r.seen == std::vector<std::string>{"call echo 7", "notify exit"});
}

TEST_CASE("the fd transport writes whole frames from many threads at once, even into a full non-blocking pipe",
          "[lsp][transport][threads]") {
  int toServer[2], fromServer[2];
  REQUIRE(pipe(toServer) == 0);
  REQUIRE(pipe(fromServer) == 0);
  fcntl(fromServer[1], F_SETFL, O_NONBLOCK);  // writes come back partial or EAGAIN
  std::ostringstream log;
  Logger logger(log, gklint::lsp::LogLevel::Error);
  std::string bytes;
  {
    auto transport = gklint::lsp::newFdTransport(toServer[0], fromServer[1], logger);
    std::thread reader([&] {
      char buffer[4096];
      for (ssize_t n; (n = read(fromServer[0], buffer, sizeof buffer)) > 0;) bytes.append(buffer, static_cast<size_t>(n));
    });
    std::vector<std::thread> senders;
    for (int t = 0; t < 4; ++t) {
      senders.emplace_back([&, t] {
        for (int i = 0; i < 25; ++i) transport->notify("big", json{{"t", t}, {"i", i}, {"pad", std::string(100000, 'x')}});
      });
    }
    for (std::thread& s : senders) s.join();
    close(toServer[1]);
    transport.reset();  // closes fromServer[1]: the reader sees the end
    reader.join();
  }
  close(fromServer[0]);
  std::vector<json> out = parseFramed(bytes);
  REQUIRE(out.size() == 100);
  std::set<std::pair<int, int>> seen;
  for (const json& m : out) seen.insert({m["params"]["t"].get<int>(), m["params"]["i"].get<int>()});
  CHECK(seen.size() == 100);
}
