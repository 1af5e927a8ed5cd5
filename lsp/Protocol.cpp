#include "lsp/Protocol.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>

#include "engine/text/Utf8.h"

namespace gklint::lsp {

using json = nlohmann::json;

bool JsonPath::fail(std::string_view message) const {
  if (error_ != nullptr && error_->empty()) *error_ = path_ + ": " + std::string(message);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Primitives (declared before the templates that call them)

static bool fromJSON(const json& v, std::string& out, JsonPath path) {
  if (!v.is_string()) return path.fail("expected a string");
  out = v.get<std::string>();
  return true;
}

static bool fromJSON(const json& v, int64_t& out, JsonPath path) {
  if (!v.is_number_integer()) return path.fail("expected an integer");
  if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    return path.fail("integer out of range");
  }
  out = v.get<int64_t>();
  return true;
}

static bool fromJSON(const json& v, uint32_t& out, JsonPath path) {
  int64_t value = 0;
  if (!fromJSON(v, value, path)) return false;
  // LSP's uinteger is 0 .. 2^31 - 1.
  if (value < 0 || value > std::numeric_limits<int32_t>::max()) return path.fail("expected an integer from 0 to 2147483647");
  out = static_cast<uint32_t>(value);
  return true;
}

template <typename T>
static bool fromJSON(const json& v, std::vector<T>& out, JsonPath path) {
  if (!v.is_array()) return path.fail("expected an array");
  out.clear();
  out.reserve(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    T item{};
    if (!fromJSON(v[i], item, path.index(i))) return false;
    out.push_back(std::move(item));
  }
  return true;
}

template <typename T>
static bool fromJSON(const json& v, std::optional<T>& out, JsonPath path) {
  if (v.is_null()) {
    out.reset();
    return true;
  }
  T value{};
  if (!fromJSON(v, value, path)) return false;
  out = std::move(value);
  return true;
}

namespace {

// Reads the fields of one JSON object, recording the first problem with its path.
class ObjectMapper {
 public:
  ObjectMapper(const json& v, JsonPath path) : v_(v), path_(std::move(path)) {
    ok_ = v.is_object() || path_.fail("expected an object");
  }
  explicit operator bool() const { return ok_; }

  template <typename T>
  bool map(const char* key, T& out) {
    if (!ok_) return false;
    auto it = v_.find(key);
    if (it == v_.end()) return ok_ = path_.field(key).fail("required but missing");
    return ok_ = fromJSON(*it, out, path_.field(key));
  }

  // Absent and null leave `out` unchanged.
  template <typename T>
  bool mapOptional(const char* key, T& out) {
    if (!ok_) return false;
    auto it = v_.find(key);
    if (it == v_.end() || it->is_null()) return true;
    return ok_ = fromJSON(*it, out, path_.field(key));
  }

 private:
  const json& v_;
  JsonPath path_;
  bool ok_ = false;
};

// The value at a path of object keys, or nullptr; for capabilities, which are read leniently.
const json* lookup(const json& v, std::initializer_list<const char*> keys) {
  const json* at = &v;
  for (const char* key : keys) {
    if (!at->is_object()) return nullptr;
    auto it = at->find(key);
    if (it == at->end()) return nullptr;
    at = &*it;
  }
  return at;
}

bool flag(const json& v, std::initializer_list<const char*> keys) {
  const json* at = lookup(v, keys);
  return at != nullptr && at->is_boolean() && at->get<bool>();
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Request ids

bool fromJSON(const json& v, RequestId& out, JsonPath path) {
  if (v.is_number_integer()) {
    int64_t n = 0;
    if (!fromJSON(v, n, path)) return false;
    out = n;
    return true;
  }
  if (v.is_string()) {
    out = v.get<std::string>();
    return true;
  }
  return path.fail("expected an integer or a string");
}

json toJSON(const RequestId& id) {
  if (const auto* n = std::get_if<int64_t>(&id)) return *n;
  return std::get<std::string>(id);
}

std::string idToString(const RequestId& id) {
  if (const auto* n = std::get_if<int64_t>(&id)) return std::to_string(*n);
  return "\"" + std::get<std::string>(id) + "\"";
}

// ---------------------------------------------------------------------------------------------
// fromJSON

bool fromJSON(const json& v, NoParams&, JsonPath path) {
  if (v.is_null() || v.is_object() || v.is_array()) return true;
  return path.fail("expected an object, an array or null");
}

bool fromJSON(const json& v, Position& out, JsonPath path) {
  ObjectMapper o(v, path);
  return o && o.map("line", out.line) && o.map("character", out.character);
}

bool fromJSON(const json& v, Range& out, JsonPath path) {
  ObjectMapper o(v, path);
  return o && o.map("start", out.start) && o.map("end", out.end);
}

bool fromJSON(const json& v, TextDocumentIdentifier& out, JsonPath path) {
  ObjectMapper o(v, path);
  return o && o.map("uri", out.uri);
}

bool fromJSON(const json& v, VersionedTextDocumentIdentifier& out, JsonPath path) {
  ObjectMapper o(v, path);
  return o && o.map("uri", out.uri) && o.map("version", out.version);
}

bool fromJSON(const json& v, TextDocumentItem& out, JsonPath path) {
  ObjectMapper o(v, path);
  return o && o.map("uri", out.uri) && o.map("languageId", out.languageId) && o.map("version", out.version) &&
         o.map("text", out.text);
}

bool fromJSON(const json& v, TextDocumentPositionParams& out, JsonPath path) {
  ObjectMapper o(v, path);
  return o && o.map("textDocument", out.textDocument) && o.map("position", out.position);
}

bool fromJSON(const json& v, GklintSettings& out, JsonPath path) {
  ObjectMapper o(v, path);
  if (!o || !o.mapOptional("ruleFolders", out.ruleFolders) || !o.mapOptional("ruleFiles", out.ruleFiles)) return false;
  auto year = v.find("year");
  if (year != v.end() && !year->is_null()) {
    int64_t value = 0;
    if (!fromJSON(*year, value, path.field("year"))) return false;
    if (value < 1990 || value > 2100) return path.field("year").fail("expected a year from 1990 to 2100");
    out.year = static_cast<int>(value);
  }
  auto configPath = v.find("configPath");
  if (configPath != v.end() && !configPath->is_null()) {
    if (!configPath->is_string()) return path.field("configPath").fail("expected a string");
    if (!configPath->get<std::string>().empty()) out.configPath = configPath->get<std::string>();
  }
  auto docsUrl = v.find("docsUrl");
  if (docsUrl != v.end() && !docsUrl->is_null()) {
    if (!docsUrl->is_string()) return path.field("docsUrl").fail("expected a string");
    std::string url = docsUrl->get<std::string>();
    if (!url.empty()) {
      if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0 && url.rfind("file://", 0) != 0) {
        return path.field("docsUrl").fail("expected an http://, https:// or file:// URL");
      }
      if (url.back() != '/') url += '/';
      out.docsUrl = url;
    }
  }
  auto severities = v.find("severities");
  if (severities != v.end() && !severities->is_null()) {
    if (!severities->is_object()) return path.field("severities").fail("expected an object of rule id → severity");
    for (auto it = severities->begin(); it != severities->end(); ++it) {
      const JsonPath field = path.field("severities").field(it.key());
      if (!it.value().is_string()) return field.fail("expected \"off\", \"info\", \"warning\" or \"error\"");
      const std::string level = it.value().get<std::string>();
      if (level != "off" && level != "info" && level != "warning" && level != "error") {
        return field.fail("expected \"off\", \"info\", \"warning\" or \"error\"");
      }
      out.severities.emplace_back(it.key(), level);
    }
    // "*" first, then category globs, then rule ids: the more specific setting wins.
    auto rank = [](const std::string& pattern) { return pattern == "*" ? 0 : pattern.ends_with("/*") ? 1 : 2; };
    std::stable_sort(out.severities.begin(), out.severities.end(),
                     [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
  }
  return true;
}

bool fromJSON(const json& v, ClientCapabilities& out, JsonPath) {
  // Read leniently: a capability the client spells oddly counts as absent, never as an error.
  if (const json* encodings = lookup(v, {"general", "positionEncodings"}); encodings && encodings->is_array()) {
    for (const json& e : *encodings) {
      if (e.is_string()) out.positionEncodings.push_back(e.get<std::string>());
    }
  }
  out.hierarchicalDocumentSymbol = flag(v, {"textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport"});
  const json* literals = lookup(v, {"textDocument", "codeAction", "codeActionLiteralSupport"});
  out.codeActionLiterals = literals != nullptr && literals->is_object();
  if (const json* formats = lookup(v, {"textDocument", "hover", "contentFormat"}); formats && formats->is_array()) {
    for (const json& f : *formats) {
      if (f.is_string() && f.get<std::string>() == "markdown") out.hoverMarkdown = true;
    }
  }
  out.relatedInformation = flag(v, {"textDocument", "publishDiagnostics", "relatedInformation"});
  out.diagnosticVersion = flag(v, {"textDocument", "publishDiagnostics", "versionSupport"});
  const json* pull = lookup(v, {"textDocument", "diagnostic"});
  out.pullDiagnostics = pull != nullptr && pull->is_object();
  out.diagnosticRefresh = flag(v, {"workspace", "diagnostics", "refreshSupport"});
  out.documentChanges = flag(v, {"workspace", "workspaceEdit", "documentChanges"});
  out.watchedFilesRegistration = flag(v, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
  return true;
}

static bool fromJSON(const json& v, WorkspaceFolder& out, JsonPath path) {
  ObjectMapper o(v, path);
  return o && o.map("uri", out.uri) && o.mapOptional("name", out.name);
}

bool fromJSON(const json& v, InitializeParams& out, JsonPath path) {
  ObjectMapper o(v, path);
  if (!o || !o.mapOptional("processId", out.processId) || !o.mapOptional("rootUri", out.rootUri) ||
      !o.mapOptional("rootPath", out.rootPath) || !o.mapOptional("workspaceFolders", out.workspaceFolders)) {
    return false;
  }
  if (auto caps = v.find("capabilities"); caps != v.end()) {
    if (!caps->is_object()) return path.field("capabilities").fail("expected an object");
    fromJSON(*caps, out.capabilities, path.field("capabilities"));
  }
  if (auto options = v.find("initializationOptions"); options != v.end() && !options->is_null()) {
    if (!options->is_object()) return path.field("initializationOptions").fail("expected an object");
    const json* settings = options->contains("gklint") ? &(*options)["gklint"] : &*options;
    GklintSettings parsed;
    if (!fromJSON(*settings, parsed, path.field("initializationOptions"))) return false;
    out.initializationOptions = std::move(parsed);
  }
  return true;
}

bool fromJSON(const json& v, DidOpenTextDocumentParams& out, JsonPath path) {
  ObjectMapper o(v, path);
  return o && o.map("textDocument", out.textDocument);
}

bool fromJSON(const json& v, TextDocumentContentChangeEvent& out, JsonPath path) {
  ObjectMapper o(v, path);
  return o && o.mapOptional("range", out.range) && o.mapOptional("rangeLength", out.rangeLength) &&
         o.map("text", out.text);
}

bool fromJSON(const json& v, DidChangeTextDocumentParams& out, JsonPath path) {
  ObjectMapper o(v, path);
  return o && o.map("textDocument", out.textDocument) && o.map("contentChanges", out.contentChanges);
}

bool fromJSON(const json& v, DidSaveTextDocumentParams& out, JsonPath path) {
  ObjectMapper o(v, path);
  return o && o.map("textDocument", out.textDocument) && o.mapOptional("text", out.text);
}

bool fromJSON(const json& v, DidCloseTextDocumentParams& out, JsonPath path) {
  ObjectMapper o(v, path);
  return o && o.map("textDocument", out.textDocument);
}

bool fromJSON(const json& v, DidChangeConfigurationParams& out, JsonPath path) {
  ObjectMapper o(v, path);
  if (!o) return false;
  auto settings = v.find("settings");
  if (settings == v.end() || !settings->is_object()) return true;  // VS Code may send null
  // Either {"gklint": {...}} (a client sending its whole configuration) or our keys directly.
  const json* ours = nullptr;
  if (auto section = settings->find("gklint"); section != settings->end() && section->is_object()) {
    ours = &*section;
  } else if (settings->contains("ruleFolders") || settings->contains("ruleFiles") || settings->contains("year") ||
             settings->contains("configPath") || settings->contains("severities") || settings->contains("docsUrl")) {
    ours = &*settings;
  }
  if (ours == nullptr) return true;
  GklintSettings parsed;
  if (!fromJSON(*ours, parsed, path.field("settings"))) return false;
  out.settings = std::move(parsed);
  return true;
}

static bool fromJSON(const json& v, FileEvent& out, JsonPath path) {
  ObjectMapper o(v, path);
  int64_t type = 0;
  if (!o || !o.map("uri", out.uri) || !o.map("type", type)) return false;
  if (type < 1 || type > 3) return path.field("type").fail("expected 1 (created), 2 (changed) or 3 (deleted)");
  out.type = static_cast<FileChangeType>(type);
  return true;
}

bool fromJSON(const json& v, DidChangeWatchedFilesParams& out, JsonPath path) {
  ObjectMapper o(v, path);
  return o && o.map("changes", out.changes);
}

bool fromJSON(const json& v, CancelParams& out, JsonPath path) {
  ObjectMapper o(v, path);
  return o && o.map("id", out.id);
}

static bool fromJSON(const json& v, DiagnosticRelatedInformation& out, JsonPath path) {
  ObjectMapper o(v, path);
  if (!o) return false;
  const json* uri = lookup(v, {"location", "uri"});
  const json* range = lookup(v, {"location", "range"});
  if (uri == nullptr || range == nullptr) return path.field("location").fail("expected {uri, range}");
  return fromJSON(*uri, out.location.uri, path.field("location").field("uri")) &&
         fromJSON(*range, out.location.range, path.field("location").field("range")) && o.map("message", out.message);
}

bool fromJSON(const json& v, Diagnostic& out, JsonPath path) {
  ObjectMapper o(v, path);
  if (!o || !o.map("range", out.range) || !o.map("message", out.message) || !o.mapOptional("source", out.source) ||
      !o.mapOptional("relatedInformation", out.relatedInformation)) {
    return false;
  }
  if (auto severity = v.find("severity"); severity != v.end() && !severity->is_null()) {
    int64_t s = 0;
    if (!fromJSON(*severity, s, path.field("severity"))) return false;
    if (s < 1 || s > 4) return path.field("severity").fail("expected 1 to 4");
    out.severity = static_cast<DiagnosticSeverity>(s);
  }
  if (auto code = v.find("code"); code != v.end()) {
    if (code->is_string()) out.code = code->get<std::string>();
    else if (code->is_number_integer()) out.code = std::to_string(code->get<int64_t>());
  }
  if (auto description = v.find("codeDescription"); description != v.end() && description->is_object()) {
    if (auto href = description->find("href"); href != description->end() && href->is_string()) {
      out.codeHref = href->get<std::string>();
    }
  }
  return true;
}

bool fromJSON(const json& v, DocumentDiagnosticParams& out, JsonPath path) {
  ObjectMapper o(v, path);
  return o && o.map("textDocument", out.textDocument) && o.mapOptional("identifier", out.identifier) &&
         o.mapOptional("previousResultId", out.previousResultId);
}

bool fromJSON(const json& v, CodeActionParams& out, JsonPath path) {
  ObjectMapper o(v, path);
  if (!o || !o.map("textDocument", out.textDocument) || !o.map("range", out.range)) return false;
  auto context = v.find("context");
  if (context == v.end()) return path.field("context").fail("required but missing");
  ObjectMapper c(*context, path.field("context"));
  // The diagnostics the client echoes back are parsed but not relied upon: gklint matches its
  // own findings by range, so a client that trims them still gets every fix.
  return c && c.mapOptional("diagnostics", out.context.diagnostics) && c.mapOptional("only", out.context.only);
}

bool fromJSON(const json& v, DocumentSymbolParams& out, JsonPath path) {
  ObjectMapper o(v, path);
  return o && o.map("textDocument", out.textDocument);
}

// ---------------------------------------------------------------------------------------------
// toJSON

std::string_view positionEncodingName(PositionEncoding encoding) {
  return encoding == PositionEncoding::Utf8 ? "utf-8" : "utf-16";
}

json toJSON(const Position& p) { return {{"line", p.line}, {"character", p.character}}; }

json toJSON(const Range& r) { return {{"start", toJSON(r.start)}, {"end", toJSON(r.end)}}; }

json toJSON(const Location& l) { return {{"uri", l.uri}, {"range", toJSON(l.range)}}; }

json toJSON(const TextEdit& e) { return {{"range", toJSON(e.range)}, {"newText", e.newText}}; }

json toJSON(const InitializeResult& r) {
  json codeActions = true;
  if (r.capabilities.codeActionLiterals) {
    codeActions = {{"codeActionKinds", {code_action_kind::kQuickFix, code_action_kind::kSourceFixAllGklint}},
                   {"resolveProvider", false}};
  }
  json caps = {
      {"positionEncoding", positionEncodingName(r.capabilities.positionEncoding)},
      {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"documentSymbolProvider", true},
      {"codeActionProvider", codeActions},
      {"diagnosticProvider", {{"identifier", "gklint"}, {"interFileDependencies", false}, {"workspaceDiagnostics", false}}},
  };
  return {{"capabilities", caps}, {"serverInfo", {{"name", r.serverName}, {"version", r.serverVersion}}}};
}

json toJSON(const Diagnostic& d) {
  json out = {{"range", toJSON(d.range)}, {"severity", static_cast<int>(d.severity)}, {"source", d.source},
              {"message", d.message}};
  if (!d.code.empty()) out["code"] = d.code;
  if (!d.codeHref.empty()) out["codeDescription"] = {{"href", d.codeHref}};
  if (!d.relatedInformation.empty()) {
    json related = json::array();
    for (const auto& r : d.relatedInformation) related.push_back({{"location", toJSON(r.location)}, {"message", r.message}});
    out["relatedInformation"] = std::move(related);
  }
  return out;
}

static json toJSON(const std::vector<Diagnostic>& diagnostics) {
  json out = json::array();
  for (const Diagnostic& d : diagnostics) out.push_back(toJSON(d));
  return out;
}

json toJSON(const PublishDiagnosticsParams& p) {
  json out = {{"uri", p.uri}, {"diagnostics", toJSON(p.diagnostics)}};
  if (p.version) out["version"] = *p.version;
  return out;
}

json toJSON(const DocumentDiagnosticReport& r) {
  if (r.unchanged) return {{"kind", "unchanged"}, {"resultId", r.resultId}};
  return {{"kind", "full"}, {"resultId", r.resultId}, {"items", toJSON(r.items)}};
}

namespace {

void appendString(std::string& out, std::string_view s) {
  if (utf8::validPrefixLength(s) != s.size()) {
    out += json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 15]);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
}

void appendPosition(std::string& out, const Position& p) {
  out += "{\"character\":";
  out += std::to_string(p.character);
  out += ",\"line\":";
  out += std::to_string(p.line);
  out += '}';
}

void appendRange(std::string& out, const Range& r) {
  out += "{\"end\":";
  appendPosition(out, r.end);
  out += ",\"start\":";
  appendPosition(out, r.start);
  out += '}';
}

}  // namespace

// Keys in the order nlohmann's std::map-backed objects dump them (sorted), so both writers
// produce the same bytes.
std::string toJSONText(const PublishDiagnosticsParams& p) {
  std::string out;
  out.reserve(64 + p.diagnostics.size() * 200);
  out += "{\"diagnostics\":[";
  for (size_t i = 0; i < p.diagnostics.size(); ++i) {
    const Diagnostic& d = p.diagnostics[i];
    if (i > 0) out.push_back(',');
    out += '{';
    if (!d.code.empty()) {
      out += "\"code\":";
      appendString(out, d.code);
      out.push_back(',');
    }
    if (!d.codeHref.empty()) {
      out += "\"codeDescription\":{\"href\":";
      appendString(out, d.codeHref);
      out += "},";
    }
    out += "\"message\":";
    appendString(out, d.message);
    out += ",\"range\":";
    appendRange(out, d.range);
    if (!d.relatedInformation.empty()) {
      out += ",\"relatedInformation\":[";
      for (size_t k = 0; k < d.relatedInformation.size(); ++k) {
        const DiagnosticRelatedInformation& r = d.relatedInformation[k];
        if (k > 0) out.push_back(',');
        out += "{\"location\":{\"range\":";
        appendRange(out, r.location.range);
        out += ",\"uri\":";
        appendString(out, r.location.uri);
        out += "},\"message\":";
        appendString(out, r.message);
        out += '}';
      }
      out += ']';
    }
    out += ",\"severity\":";
    out += std::to_string(static_cast<int>(d.severity));
    out += ",\"source\":";
    appendString(out, d.source);
    out += '}';
  }
  out += "],\"uri\":";
  appendString(out, p.uri);
  if (p.version) {
    out += ",\"version\":";
    out += std::to_string(*p.version);
  }
  out += '}';
  return out;
}

static json toJSON(const std::vector<TextEdit>& edits) {
  json out = json::array();
  for (const TextEdit& e : edits) out.push_back(toJSON(e));
  return out;
}

json toJSON(const WorkspaceEdit& e) {
  json out = json::object();
  if (e.changes) {
    json changes = json::object();
    for (const auto& [uri, edits] : *e.changes) changes[uri] = toJSON(edits);
    out["changes"] = std::move(changes);
  }
  if (e.documentChanges) {
    json docs = json::array();
    for (const TextDocumentEdit& d : *e.documentChanges) {
      json id = {{"uri", d.textDocument.uri}, {"version", nullptr}};
      if (d.textDocument.version) id["version"] = *d.textDocument.version;
      docs.push_back({{"textDocument", std::move(id)}, {"edits", toJSON(d.edits)}});
    }
    out["documentChanges"] = std::move(docs);
  }
  return out;
}

json toJSON(const CodeAction& a) {
  json out = {{"title", a.title}, {"kind", a.kind}, {"edit", toJSON(a.edit)}};
  if (!a.diagnostics.empty()) out["diagnostics"] = toJSON(a.diagnostics);
  if (a.isPreferred) out["isPreferred"] = true;
  return out;
}

json toJSON(const std::vector<CodeAction>& actions) {
  json out = json::array();
  for (const CodeAction& a : actions) out.push_back(toJSON(a));
  return out;
}

json toJSON(const Hover& h) {
  json out = {{"contents", {{"kind", h.contents.kind}, {"value", h.contents.value}}}};
  if (h.range) out["range"] = toJSON(*h.range);
  return out;
}

json toJSON(const std::optional<Hover>& h) { return h ? toJSON(*h) : json(nullptr); }

json toJSON(const DocumentSymbol& s) {
  json out = {{"name", s.name}, {"kind", static_cast<int>(s.kind)}, {"range", toJSON(s.range)},
              {"selectionRange", toJSON(s.selectionRange)}};
  if (!s.detail.empty()) out["detail"] = s.detail;
  if (!s.children.empty()) {
    json children = json::array();
    for (const DocumentSymbol& c : s.children) children.push_back(toJSON(c));
    out["children"] = std::move(children);
  }
  return out;
}

json toJSON(const SymbolInformation& s) {
  json out = {{"name", s.name}, {"kind", static_cast<int>(s.kind)}, {"location", toJSON(s.location)}};
  if (!s.containerName.empty()) out["containerName"] = s.containerName;
  return out;
}

json toJSON(const DocumentSymbolResult& r) {
  json out = json::array();
  if (const auto* tree = std::get_if<std::vector<DocumentSymbol>>(&r.symbols)) {
    for (const DocumentSymbol& s : *tree) out.push_back(toJSON(s));
  } else {
    for (const SymbolInformation& s : std::get<std::vector<SymbolInformation>>(r.symbols)) out.push_back(toJSON(s));
  }
  return out;
}

json toJSON(const RegistrationParams& p) {
  json registrations = json::array();
  for (const Registration& r : p.registrations) {
    json watchers = json::array();
    for (const FileSystemWatcher& w : r.watchers) watchers.push_back({{"globPattern", w.globPattern}});
    registrations.push_back({{"id", r.id}, {"method", r.method}, {"registerOptions", {{"watchers", watchers}}}});
  }
  return {{"registrations", registrations}};
}

json toJSON(const ShowMessageParams& p) { return {{"type", static_cast<int>(p.type)}, {"message", p.message}}; }

json toJSON(std::nullptr_t) { return nullptr; }

json toJSON(const LspError& e) { return {{"code", static_cast<int>(e.code)}, {"message", e.message}}; }

}  // namespace gklint::lsp
