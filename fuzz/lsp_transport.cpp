// Fuzz target: the LSP transport — Content-Length framing, JSON parsing and JSON-RPC message
// validation — in both input styles, with a handler that accepts everything.
#include <sstream>

#include "lsp/Transport.h"
#include "fuzz/FuzzSupport.h"

namespace {

class AcceptAll final : public gklint::lsp::MessageHandler {
 public:
  bool onNotify(std::string_view method, nlohmann::json) override { return method != "exit"; }
  bool onCall(std::string_view, nlohmann::json, nlohmann::json) override { return true; }
  bool onReply(nlohmann::json, gklint::lsp::Expected<nlohmann::json>) override { return true; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gklint::lsp;
  for (InputStyle style : {InputStyle::Standard, InputStyle::Delimited}) {
    std::istringstream in(std::string(gklint::fuzz::asText(data, size)));
    std::ostringstream out, logText;
    Logger log(logText, LogLevel::Verbose);
    TransportOptions options;
    options.style = style;
    options.maxMessageBytes = 1 << 16;
    auto transport = newStreamTransport(in, out, log, options);
    AcceptAll handler;
    transport->loop(handler);
  }
  return 0;
}
