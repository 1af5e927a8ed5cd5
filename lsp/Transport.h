// Transport: JSON-RPC 2.0 messages over a byte stream — framing, message validation, and the
// errors owed to malformed input. The stdio implementation hides behind a factory.
#pragma once

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <memory>
#include <string_view>

#include "lsp/Logger.h"
#include "lsp/Protocol.h"

namespace gklint::lsp {

// Receives well-formed messages. Methods return false to end the loop (after `exit`).
// Called on the thread that runs Transport::loop().
class MessageHandler {
 public:
  virtual ~MessageHandler() = default;
  virtual bool onNotify(std::string_view method, nlohmann::json params) = 0;
  virtual bool onCall(std::string_view method, nlohmann::json params, nlohmann::json id) = 0;
  virtual bool onReply(nlohmann::json id, Expected<nlohmann::json> result) = 0;
};

// Sends messages (thread-safe: replies may come from worker threads) and runs the read loop.
class Transport {
 public:
  virtual ~Transport() = default;
  virtual void notify(std::string_view method, nlohmann::json params) = 0;
  virtual void call(std::string_view method, nlohmann::json params, nlohmann::json id) = 0;
  virtual void reply(nlohmann::json id, Expected<nlohmann::json> result) = 0;
  // A notification whose params are already serialised (Protocol's toJSONText, for messages
  // too big to build as a JSON tree). The default parses them back and calls notify().
  virtual void notifyText(std::string_view method, std::string params) {
    notify(method, nlohmann::json::parse(params));
  }

  // Reads and dispatches messages until the handler returns false or the input ends.
  // Malformed input never ends the loop; it is answered on the wire with id null:
  //  - bytes that are not JSON, or a header block without Content-Length → ParseError (-32700)
  //  - JSON that is not a JSON-RPC 2.0 request, notification or response, a batch, or a
  //    message over the size limit (its bytes are skipped unread)   → InvalidRequest (-32600)
  // A Content-Length that overstates the body is detected when the body fails to parse and
  // contains the next message's header: the bad part gets ParseError, the next message is
  // read normally. One that understates it leaves the tail as garbage before the next
  // header, which is skipped. Returns true when the handler ended the loop, false at end of
  // input.
  virtual bool loop(MessageHandler& handler) = 0;
};

// How messages are delimited on input. Output is always Content-Length framed.
enum class InputStyle {
  Standard,   // LSP base protocol: "Content-Length: N\r\n\r\n" + N bytes
  Delimited,  // for hand-written transcripts: messages separated by lines "---"; lines starting with '#' are comments
};

struct TransportOptions {
  InputStyle style = InputStyle::Standard;
  bool pretty = false;                      // indent output JSON (for people reading logs)
  size_t maxMessageBytes = 64u << 20;       // larger messages are refused with InvalidRequest
};

// Threading rule: the transport is the only writer of its output. Every frame (header and
// body) is written whole under the transport's one lock, by whichever thread sends it; no
// other code holds the output stream or descriptor, and the reader thread never writes
// except through send(). The logger must not share a buffer with the output (Logger unties
// its stream for this reason).

// A transport over streams (string streams in tests). The streams and the logger must
// outlive the transport, and nothing else may use `out` meanwhile; `log` gets one line per
// protocol problem.
std::unique_ptr<Transport> newStreamTransport(std::istream& in, std::ostream& out, Logger& log,
                                              TransportOptions options = {});

// A transport on two file descriptors, which it owns (closes when destroyed): read(2) into
// its own buffer, each frame written by one writev(2) loop under the lock.
std::unique_ptr<Transport> newFdTransport(int in, int out, Logger& log, TransportOptions options = {});

// The transport on the process's stdin/stdout: it takes both descriptors over (no iostream
// in between) and points fd 1 at stderr, so nothing else can write into the protocol stream.
std::unique_ptr<Transport> newStdioTransport(Logger& log, TransportOptions options = {});

}  // namespace gklint::lsp
