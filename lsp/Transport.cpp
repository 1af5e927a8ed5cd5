#include "lsp/Transport.h"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <mutex>

namespace gklint::lsp {
namespace {

using json = nlohmann::json;

constexpr size_t kMaxHeaderLine = 64 * 1024;  // a longer "header" line is garbage: its rest is skipped
constexpr std::string_view kLengthHeader = "content-length:";

size_t findNoCase(std::string_view haystack, std::string_view needle) {
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
  return it == haystack.end() ? std::string_view::npos : static_cast<size_t>(it - haystack.begin());
}

// Where the next message's header starts inside a body that failed to parse: the first
// "Content-Length:", or a tail that is a prefix of it (the read stopped mid-header).
size_t nextHeaderIn(std::string_view body) {
  size_t at = findNoCase(body, kLengthHeader);
  if (at != std::string_view::npos) return at;
  for (size_t n = std::min(body.size(), kLengthHeader.size() - 1); n >= 2; --n) {
    if (findNoCase(body.substr(body.size() - n), kLengthHeader.substr(0, n)) == 0) return body.size() - n;
  }
  return std::string_view::npos;
}

// A byte stream with push-back, over an istream.
class Input {
 public:
  explicit Input(std::istream& in) : in_(in) {}

  // Reads one line without its "\n" / "\r\n". A line longer than `limit` keeps its first
  // `limit` bytes. False at end of input with nothing read.
  bool readLine(std::string& line, size_t limit) {
    line.clear();
    bool any = false;
    for (int c = get(); c != -1; c = get()) {
      any = true;
      if (c == '\n') break;
      if (line.size() < limit) line.push_back(static_cast<char>(c));
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return any;
  }

  // Appends up to `n` bytes to `out`; returns how many were read.
  size_t read(std::string& out, size_t n) {
    size_t got = 0;
    while (got < n && pos_ < pending_.size()) {
      out.push_back(pending_[pos_++]);
      ++got;
    }
    if (got < n) {
      const size_t before = out.size();
      out.resize(before + (n - got));
      in_.read(out.data() + before, static_cast<std::streamsize>(n - got));
      const size_t read = static_cast<size_t>(in_.gcount());
      out.resize(before + read);
      got += read;
    }
    return got;
  }

  void skip(size_t n) {
    while (n > 0 && pos_ < pending_.size()) {
      ++pos_;
      --n;
    }
    if (n > 0) in_.ignore(static_cast<std::streamsize>(n));
  }

  void pushBack(std::string_view bytes) {
    pending_ = std::string(bytes) + pending_.substr(pos_);
    pos_ = 0;
  }

 private:
  int get() {
    if (pos_ < pending_.size()) return static_cast<unsigned char>(pending_[pos_++]);
    const int c = in_.get();
    return c == std::char_traits<char>::eof() ? -1 : c;
  }

  std::istream& in_;
  std::string pending_;
  size_t pos_ = 0;
};

class StreamTransport final : public Transport {
 public:
  StreamTransport(std::istream& in, std::ostream& out, Logger& log, TransportOptions options)
      : input_(in), out_(out), log_(log), options_(options) {}

  void notify(std::string_view method, json params) override {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  void call(std::string_view method, json params, json id) override {
    send({{"jsonrpc", "2.0"}, {"id", std::move(id)}, {"method", method}, {"params", std::move(params)}});
  }

  void reply(json id, Expected<json> result) override {
    json message = {{"jsonrpc", "2.0"}, {"id", std::move(id)}};
    if (result) message["result"] = std::move(*result);
    else message["error"] = toJSON(result.error());
    send(std::move(message));
  }

  void notifyText(std::string_view method, std::string params) override {
    if (options_.pretty) return Transport::notifyText(method, std::move(params));
    std::string body = "{\"jsonrpc\":\"2.0\",\"method\":";
    body += json(std::string(method)).dump();
    body += ",\"params\":";
    body += params;
    body += '}';
    write(body);
  }

  bool loop(MessageHandler& handler) override {
    std::string body;
    for (;;) {
      LspError error;
      const Status status = options_.style == InputStyle::Standard ? readStandard(body, error) : readDelimited(body);
      if (status == Status::End) return false;
      if (status == Status::Error) {
        log_.error(error.message);
        reply(nullptr, error);
        continue;
      }
      if (!dispatch(body, handler)) return true;
    }
  }

 private:
  enum class Status { Message, Error, End };

  Status readStandard(std::string& body, LspError& error) {
    std::optional<size_t> length;
    bool sawHeader = false;
    bool badLength = false;
    std::string line;
    for (;;) {
      if (!input_.readLine(line, kMaxHeaderLine)) {
        if (!sawHeader) return Status::End;
        error = {ErrorCode::ParseError, "input ended inside a message header"};
        return Status::Error;
      }
      if (line.empty()) {
        if (!sawHeader) continue;  // blank lines between messages
        break;
      }
      sawHeader = true;
      // Searched anywhere in the line, so the tail of a message whose Content-Length was
      // understated is skipped as garbage in front of the next header.
      const size_t at = findNoCase(line, kLengthHeader);
      if (at == std::string::npos) continue;  // Content-Type or an unknown header
      std::string_view value = std::string_view(line).substr(at + kLengthHeader.size());
      while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
      size_t n = 0;
      const bool digits = !value.empty() && value.size() <= 15 &&
                          std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (digits) {
        for (char c : value) n = n * 10 + static_cast<size_t>(c - '0');
        length = n;
        badLength = false;
      } else {
        badLength = true;
      }
    }
    if (badLength || !length) {
      error = {ErrorCode::ParseError, badLength ? "message header has an invalid Content-Length"
                                                : "message header has no Content-Length"};
      return Status::Error;
    }
    if (*length > options_.maxMessageBytes) {
      input_.skip(*length);
      error = {ErrorCode::InvalidRequest, "message of " + std::to_string(*length) + " bytes exceeds the limit of " +
                                              std::to_string(options_.maxMessageBytes) + " bytes; skipped"};
      return Status::Error;
    }
    body.clear();
    const size_t got = input_.read(body, *length);
    if (got < *length) {
      error = {ErrorCode::ParseError, "input ended after " + std::to_string(got) + " of " + std::to_string(*length) +
                                          " announced bytes"};
      return Status::Error;
    }
    return Status::Message;
  }

  Status readDelimited(std::string& body) {
    body.clear();
    std::string line;
    bool any = false;
    while (input_.readLine(line, SIZE_MAX)) {
      any = true;
      if (line == "---") {
        if (body.find_first_not_of(" \t\r\n") != std::string::npos) return Status::Message;
        body.clear();
        continue;
      }
      if (!line.empty() && line[0] == '#') continue;
      body += line;
      body += '\n';
    }
    if (!any || body.find_first_not_of(" \t\r\n") == std::string::npos) return Status::End;
    return Status::Message;
  }

  // Validates one message and hands it to the handler; false when the handler ends the loop.
  bool dispatch(std::string& body, MessageHandler& handler) {
    json message = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (message.is_discarded()) {
      std::string detail = "message is not valid JSON";
      if (options_.style == InputStyle::Standard) {
        const size_t next = nextHeaderIn(body);
        if (next != std::string::npos) {
          // The announced length ran into the next message: read that one normally.
          input_.pushBack(std::string_view(body).substr(next));
          detail += " (its Content-Length overstates the body, which runs into the next message)";
        }
      }
      log_.error(detail);
      reply(nullptr, LspError{ErrorCode::ParseError, detail});
      return true;
    }
    auto invalid = [&](json id, std::string why) {
      log_.error(why);
      reply(std::move(id), LspError{ErrorCode::InvalidRequest, std::move(why)});
      return true;
    };
    if (message.is_array()) return invalid(nullptr, "batch messages are not part of LSP");
    if (!message.is_object()) return invalid(nullptr, "a message must be a JSON object");

    json id;
    const bool hasId = message.contains("id");
    if (hasId) {
      id = message["id"];
      if (!id.is_number_integer() && !id.is_string()) return invalid(nullptr, "\"id\" must be an integer or a string");
    }
    auto version = message.find("jsonrpc");
    if (version == message.end() || *version != "2.0") {
      if (!message.contains("method") && hasId) return true;  // never answer a response
      return invalid(id, "\"jsonrpc\" must be \"2.0\"");
    }
    if (auto method = message.find("method"); method != message.end()) {
      if (!method->is_string()) return invalid(id, "\"method\" must be a string");
      // Moved, not copied: copying a JSON tree recurses once per level (a deeply nested message
      // overflowed the stack under AddressSanitizer).
      json params = message.contains("params") ? std::move(message["params"]) : json();
      if (!params.is_null() && !params.is_object() && !params.is_array()) {
        return invalid(id, "\"params\" must be an object or an array");
      }
      const std::string name = method->get<std::string>();
      if (hasId) return handler.onCall(name, std::move(params), std::move(id));
      return handler.onNotify(name, std::move(params));
    }
    if (hasId && message.contains("error")) {
      const json& e = message["error"];
      LspError error{ErrorCode::UnknownErrorCode, "malformed error"};
      if (e.is_object()) {
        if (auto code = e.find("code"); code != e.end() && code->is_number_integer()) {
          error.code = static_cast<ErrorCode>(code->get<int>());
        }
        if (auto text = e.find("message"); text != e.end() && text->is_string()) error.message = text->get<std::string>();
      }
      return handler.onReply(std::move(id), std::move(error));
    }
    if (hasId && message.contains("result")) return handler.onReply(std::move(id), message["result"]);
    return invalid(id, "neither a request, a notification nor a response");
  }

  void send(json message) { write(message.dump(options_.pretty ? 2 : -1, ' ', false, json::error_handler_t::replace)); }

  void write(const std::string& body) {
    std::lock_guard<std::mutex> lock(outMutex_);
    out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
    out_.flush();
    if (log_.enabled(LogLevel::Verbose)) log_.verbose("--> " + body.substr(0, 300));
  }

  Input input_;
  std::ostream& out_;
  Logger& log_;
  TransportOptions options_;
  std::mutex outMutex_;
};

}  // namespace

std::unique_ptr<Transport> newStreamTransport(std::istream& in, std::ostream& out, Logger& log,
                                              TransportOptions options) {
  return std::make_unique<StreamTransport>(in, out, log, options);
}

std::unique_ptr<Transport> newStdioTransport(Logger& log, TransportOptions options) {
  std::ios::sync_with_stdio(false);
  std::cin.tie(nullptr);
  return std::make_unique<StreamTransport>(std::cin, std::cout, log, options);
}

}  // namespace gklint::lsp
