// Fuzz target: the language server over sequences of messages (initialize, didOpen, didChange,
// hover, codeAction, …) written as a delimited transcript, run synchronously.
#include <sstream>

#include "lsp/LspServer.h"
#include "lsp/Transport.h"
#include "fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gklint::lsp;
  std::istringstream in(std::string(gklint::fuzz::asText(data, size)));
  std::ostringstream out, logText;
  Logger log(logText, LogLevel::Verbose);
  TransportOptions transportOptions;
  transportOptions.style = InputStyle::Delimited;
  transportOptions.maxMessageBytes = 1 << 18;
  auto transport = newStreamTransport(in, out, log, transportOptions);
  LspServerOptions options;
  options.scheduler.threaded = false;
  options.drainAfterEachMessage = true;
  LspServer server(*transport, log, options);
  (void)server.run();
  return 0;
}
