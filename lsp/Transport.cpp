#include "lsp/Transport.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
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

// Where input bytes come from: read(2) on a descriptor, or an istream (string streams in tests).
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads at least one byte (blocking), at most `n`; 0 at end of input.
  virtual size_t read(char* into, size_t n) = 0;
};

class FdSource final : public ByteSource {
 public:
  FdSource(int fd, Logger& log) : fd_(fd), log_(log) {}
  ~FdSource() override { ::close(fd_); }
  size_t read(char* into, size_t n) override {
    for (;;) {
      const ssize_t got = ::read(fd_, into, n);
      if (got >= 0) return static_cast<size_t>(got);
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        pollfd p{fd_, POLLIN, 0};
        ::poll(&p, 1, -1);
        continue;
      }
      log_.error(std::string("reading the input failed: ") + std::strerror(errno));
      return 0;
    }
  }

 private:
  int fd_;
  Logger& log_;
};

class StreamSource final : public ByteSource {
 public:
  explicit StreamSource(std::istream& in) : in_(in) {}
  size_t read(char* into, size_t n) override {
    const std::streamsize available = in_.rdbuf()->in_avail();
    if (available > 0) return static_cast<size_t>(in_.readsome(into, std::min<std::streamsize>(available, static_cast<std::streamsize>(n))));
    const int c = in_.get();  // blocks for one byte at most
    if (c == std::char_traits<char>::eof()) return 0;
    into[0] = static_cast<char>(c);
    return 1;
  }

 private:
  std::istream& in_;
};

// Where frames go. write() is only ever called under the transport's lock, with one whole
// frame (header and body), which it writes out completely or not at all.
class FrameSink {
 public:
  virtual ~FrameSink() = default;
  virtual bool write(std::string_view header, std::string_view body) = 0;
};

// One writev(2) loop on a descriptor: no stream buffer, so nothing can flush half a frame.
class FdSink final : public FrameSink {
 public:
  explicit FdSink(int fd) : fd_(fd) {}
  ~FdSink() override { ::close(fd_); }
  bool write(std::string_view header, std::string_view body) override {
    iovec parts[2] = {{const_cast<char*>(header.data()), header.size()}, {const_cast<char*>(body.data()), body.size()}};
    iovec* next = parts;
    int count = 2;
    while (count > 0) {
      const ssize_t n = ::writev(fd_, next, count);
      if (n < 0) {
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
          pollfd p{fd_, POLLOUT, 0};
          ::poll(&p, 1, -1);
          continue;
        }
        return false;
      }
      size_t left = static_cast<size_t>(n);
      while (count > 0 && left >= next->iov_len) {
        left -= next->iov_len;
        ++next;
        --count;
      }
      if (count > 0) {
        next->iov_base = static_cast<char*>(next->iov_base) + left;
        next->iov_len -= left;
      }
    }
    return true;
  }

 private:
  int fd_;
};

class StreamSink final : public FrameSink {
 public:
  explicit StreamSink(std::ostream& out) : out_(out) {}
  bool write(std::string_view header, std::string_view body) override {
    out_.write(header.data(), static_cast<std::streamsize>(header.size()));
    out_.write(body.data(), static_cast<std::streamsize>(body.size()));
    out_.flush();
    return out_.good();
  }

 private:
  std::ostream& out_;
};

// A byte stream with push-back, over a ByteSource, with its own buffer.
class Input {
 public:
  explicit Input(std::unique_ptr<ByteSource> source) : source_(std::move(source)) {}

  // Reads one line without its "\n" / "\r\n". A line longer than `limit` keeps its first
  // `limit` bytes. False at end of input with nothing read.
  bool readLine(std::string& line, size_t limit) {
    line.clear();
    bool any = false;
    for (;;) {
      if (pos_ == buffer_.size() && !fill()) break;
      any = true;
      const size_t newline = buffer_.find('\n', pos_);
      const size_t end = newline == std::string::npos ? buffer_.size() : newline;
      if (line.size() < limit) line.append(buffer_, pos_, std::min(end - pos_, limit - line.size()));
      pos_ = newline == std::string::npos ? end : end + 1;
      if (newline != std::string::npos) break;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return any;
  }

  // Appends up to `n` bytes to `out`; returns how many were read (fewer only at end of input).
  size_t read(std::string& out, size_t n) {
    size_t got = 0;
    while (got < n) {
      if (pos_ == buffer_.size() && !fill()) break;
      const size_t take = std::min(n - got, buffer_.size() - pos_);
      out.append(buffer_, pos_, take);
      pos_ += take;
      got += take;
    }
    return got;
  }

  void skip(size_t n) {
    while (n > 0) {
      if (pos_ == buffer_.size() && !fill()) return;
      const size_t take = std::min(n, buffer_.size() - pos_);
      pos_ += take;
      n -= take;
    }
  }

  void pushBack(std::string_view bytes) {
    buffer_ = std::string(bytes) + buffer_.substr(pos_);
    pos_ = 0;
  }

 private:
  // Replaces the consumed buffer with the next bytes; false at end of input.
  bool fill() {
    buffer_.resize(kChunk);
    pos_ = 0;
    const size_t got = source_->read(buffer_.data(), kChunk);
    buffer_.resize(got);
    return got > 0;
  }

  static constexpr size_t kChunk = 64 * 1024;
  std::unique_ptr<ByteSource> source_;
  std::string buffer_;
  size_t pos_ = 0;
};

class StreamTransport final : public Transport {
 public:
  StreamTransport(std::unique_ptr<ByteSource> in, std::unique_ptr<FrameSink> out, Logger& log, TransportOptions options)
      : input_(std::move(in)), out_(std::move(out)), log_(log), options_(options) {}

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

  // The only place output is written: one whole frame under the one lock.
  void write(const std::string& body) {
    const std::string header = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    bool failed = false;
    {
      std::lock_guard<std::mutex> lock(outMutex_);
      if (broken_) return;
      broken_ = failed = !out_->write(header, body);
    }
    if (failed) log_.error(std::string("writing to the client failed (") + std::strerror(errno) + "); nothing more is sent");
    else if (log_.enabled(LogLevel::Verbose)) log_.verbose("--> " + body.substr(0, 300));
  }

  Input input_;
  std::unique_ptr<FrameSink> out_;  // written only by write(), under outMutex_
  bool broken_ = false;             // guarded by outMutex_
  Logger& log_;
  TransportOptions options_;
  std::mutex outMutex_;
};

}  // namespace

std::unique_ptr<Transport> newStreamTransport(std::istream& in, std::ostream& out, Logger& log,
                                              TransportOptions options) {
  return std::make_unique<StreamTransport>(std::make_unique<StreamSource>(in), std::make_unique<StreamSink>(out), log,
                                           options);
}

std::unique_ptr<Transport> newFdTransport(int in, int out, Logger& log, TransportOptions options) {
  return std::make_unique<StreamTransport>(std::make_unique<FdSource>(in, log), std::make_unique<FdSink>(out), log,
                                           options);
}

std::unique_ptr<Transport> newStdioTransport(Logger& log, TransportOptions options) {
  // The protocol gets its own descriptors; fd 1 then points at stderr, so whatever else
  // writes to stdout (std::cout, printf in a library) lands in the log, never inside a frame.
  const int in = ::fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 3);
  const int out = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (in < 0 || out < 0) {
    log.error(std::string("cannot take over stdin/stdout: ") + std::strerror(errno));
    return newStreamTransport(std::cin, std::cout, log, options);
  }
  std::cout.flush();
  ::dup2(STDERR_FILENO, STDOUT_FILENO);
  ::signal(SIGPIPE, SIG_IGN);  // a client that went away is a write error, not a silent death
  return newFdTransport(in, out, log, options);
}

}  // namespace gklint::lsp
