#include "lsp/LanguageServerMain.h"

#include <charconv>
#include <iostream>
#include <optional>

#include "lsp/LspServer.h"
#include "lsp/Transport.h"

namespace gklint::lsp {
namespace {

constexpr const char* kUsage =
    "usage: gklint lsp [--sync] [--debounce=MS] [--input-style=standard|delimited] [--pretty]\n"
    "                  [--log=error|info|verbose]\n"
    "Runs the gklint Language Server on stdin/stdout (LSP 3.17). See docs/editors.md.\n";

struct MainOptions {
  LspServerOptions server;
  TransportOptions transport;
  LogLevel logLevel = LogLevel::Info;
  bool help = false;
};

std::optional<std::string> parse(const std::vector<std::string>& args, MainOptions& out) {
  for (const std::string& arg : args) {
    const size_t eq = arg.find('=');
    const std::string name = arg.substr(0, eq);
    const std::string value = eq == std::string::npos ? std::string() : arg.substr(eq + 1);
    if (name == "--sync" && eq == std::string::npos) {
      out.server.scheduler.threaded = false;
    } else if (name == "--pretty" && eq == std::string::npos) {
      out.transport.pretty = true;
    } else if (name == "--help" || name == "-h") {
      out.help = true;
    } else if (name == "--debounce") {
      int ms = -1;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), ms);
      if (ec != std::errc() || end != value.data() + value.size() || ms < 0 || ms > 60000) {
        return "--debounce needs milliseconds from 0 to 60000";
      }
      out.server.scheduler.debounce.fixed = std::chrono::milliseconds(ms);
    } else if (name == "--input-style") {
      if (value == "standard") out.transport.style = InputStyle::Standard;
      else if (value == "delimited") out.transport.style = InputStyle::Delimited;
      else return "--input-style must be standard or delimited";
    } else if (name == "--log") {
      if (value == "error") out.logLevel = LogLevel::Error;
      else if (value == "info") out.logLevel = LogLevel::Info;
      else if (value == "verbose") out.logLevel = LogLevel::Verbose;
      else return "--log must be error, info or verbose";
    } else {
      return "unknown option " + arg;
    }
  }
  return std::nullopt;
}

int serve(const MainOptions& options, Transport& transport, Logger& log) {
  LspServer server(transport, log, options.server);
  return server.run();
}

}  // namespace

int runLanguageServer(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  MainOptions options;
  if (auto problem = parse(args, options)) {
    err << "gklint lsp: " << *problem << "\n" << kUsage;
    return 2;
  }
  if (options.help) {
    out << kUsage;
    return 0;
  }
  Logger log(err, options.logLevel);
  std::unique_ptr<Transport> transport = newStreamTransport(in, out, log, options.transport);
  return serve(options, *transport, log);
}

int runLanguageServer(const std::vector<std::string>& args, std::ostream& err) {
  MainOptions options;
  if (auto problem = parse(args, options)) {
    err << "gklint lsp: " << *problem << "\n" << kUsage;
    return 2;
  }
  if (options.help) {
    std::cout << kUsage;  // not serving: stdout is free
    return 0;
  }
  Logger log(err, options.logLevel);
  std::unique_ptr<Transport> transport = newStdioTransport(log, options.transport);
  return serve(options, *transport, log);
}

}  // namespace gklint::lsp
