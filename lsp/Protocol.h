// Protocol: the LSP 3.17 wire structs gklint uses, spelled as the spec spells them, each with
// paired toJSON/fromJSON. Nothing outside Protocol.cpp and the transport touches raw JSON.
//
// Deliberately incomplete: a struct (or a field) is added when a feature needs it. Unknown
// fields from the client are ignored; missing required fields and wrong types are reported by
// fromJSON with the JSON path ("params.textDocument.uri: expected a string").
//
// Positions (line, character) are in the negotiated position encoding (utf-8 or utf-16 code
// units); lsp/Convert.h is the one place that converts them to and from byte offsets.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace gklint::lsp {

// ---------------------------------------------------------------------------------------------
// JSON-RPC errors and results

enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  UnknownErrorCode = -32001,
  RequestFailed = -32803,
  ServerCancelled = -32802,
  ContentModified = -32801,
  RequestCancelled = -32800,
};

struct LspError {
  ErrorCode code = ErrorCode::InternalError;
  std::string message;
};

// A value or an LspError (std::expected arrives with C++23).
template <typename T>
class Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}  // NOLINT: implicit like std::expected
  Expected(LspError error) : state_(std::move(error)) {}  // NOLINT
  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& operator*() { return std::get<0>(state_); }
  const T& operator*() const { return std::get<0>(state_); }
  T* operator->() { return &std::get<0>(state_); }
  const T* operator->() const { return &std::get<0>(state_); }
  const LspError& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, LspError> state_;
};

// Where fromJSON is in the message, for InvalidParams messages. Keeps the first error.
class JsonPath {
 public:
  JsonPath(std::string* error, std::string path) : error_(error), path_(std::move(path)) {}
  JsonPath field(std::string_view name) const { return {error_, path_ + "." + std::string(name)}; }
  JsonPath index(size_t i) const { return {error_, path_ + "[" + std::to_string(i) + "]"}; }
  // Records "path: message" (if no error was recorded yet) and returns false.
  bool fail(std::string_view message) const;

 private:
  std::string* error_;
  std::string path_;
};

// A request id: JSON-RPC allows integers and strings.
using RequestId = std::variant<int64_t, std::string>;
bool fromJSON(const nlohmann::json& v, RequestId& out, JsonPath path);
nlohmann::json toJSON(const RequestId& id);
std::string idToString(const RequestId& id);


// ---------------------------------------------------------------------------------------------
// Basic structures

using DocumentUri = std::string;

struct Position {
  uint32_t line = 0;       // 0-based
  uint32_t character = 0;  // 0-based, in the negotiated encoding's code units
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

struct Range {
  Position start;
  Position end;
  friend bool operator==(const Range&, const Range&) = default;
};

struct Location {
  DocumentUri uri;
  Range range;
  friend bool operator==(const Location&, const Location&) = default;
};

struct TextEdit {
  Range range;
  std::string newText;
  friend bool operator==(const TextEdit&, const TextEdit&) = default;
};

struct TextDocumentIdentifier {
  DocumentUri uri;
};

struct VersionedTextDocumentIdentifier {
  DocumentUri uri;
  int64_t version = 0;
};

// version null: the edit applies to whatever the client has.
struct OptionalVersionedTextDocumentIdentifier {
  DocumentUri uri;
  std::optional<int64_t> version;
};

struct TextDocumentItem {
  DocumentUri uri;
  std::string languageId;
  int64_t version = 0;
  std::string text;
};

struct TextDocumentPositionParams {
  TextDocumentIdentifier textDocument;
  Position position;
};

// Parameters of requests and notifications that carry nothing gklint reads (shutdown, exit,
// initialized): absent, null, an object or an array are all accepted.
struct NoParams {};

// ---------------------------------------------------------------------------------------------
// Lifecycle

// gklint's own settings: initializationOptions, and workspace/didChangeConfiguration's
// `settings` (either the object itself or under a "gklint" key).
// Layered over the nearest .gklint.yaml (docs/editors.md, "Configuration"): rule files after
// the config's rule_paths, severities after its `rules:`, year instead of its `year`.
struct GklintSettings {
  std::vector<std::string> ruleFolders;  // every *.yaml / *.yml below each, loaded after the built-in packs
  std::vector<std::string> ruleFiles;    // single rule files, loaded after the folders
  std::optional<int> year;               // reporting year override (like `gklint check --year`)
  // A .gklint.yaml used for every document instead of the nearest one (like `--config`); "" or
  // absent: discovery.
  std::optional<std::string> configPath;
  // Rule id, "category/*" or "*" → "off", "info", "warning" or "error". Applied after the
  // config's `rules:` in this order: "*", then category globs, then ids (the more specific
  // wins, whatever order the client's JSON object has).
  std::vector<std::pair<std::string, std::string>> severities;
  // Where the documentation is published (an http(s) or file URL; a '/' is added when
  // missing): each built-in rule's diagnostics link to DOCS_URL + "docs/rules/<id>.md"
  // (codeDescription). Absent: the URL gklint was built with (-DGKLINT_DOCS_URL), if any.
  std::optional<std::string> docsUrl;
};

enum class PositionEncoding { Utf8, Utf16 };
std::string_view positionEncodingName(PositionEncoding encoding);  // "utf-8", "utf-16"

// The client capabilities gklint acts on; everything else is ignored.
struct ClientCapabilities {
  std::vector<std::string> positionEncodings;     // general.positionEncodings
  bool hierarchicalDocumentSymbol = false;        // textDocument.documentSymbol.hierarchicalDocumentSymbolSupport
  bool codeActionLiterals = false;                // textDocument.codeAction.codeActionLiteralSupport
  bool hoverMarkdown = false;                     // textDocument.hover.contentFormat contains "markdown"
  bool relatedInformation = false;                // textDocument.publishDiagnostics.relatedInformation
  bool diagnosticVersion = false;                 // textDocument.publishDiagnostics.versionSupport
  bool pullDiagnostics = false;                   // textDocument.diagnostic present
  bool diagnosticRefresh = false;                 // workspace.diagnostics.refreshSupport
  bool documentChanges = false;                   // workspace.workspaceEdit.documentChanges
  bool watchedFilesRegistration = false;          // workspace.didChangeWatchedFiles.dynamicRegistration
};

struct WorkspaceFolder {
  DocumentUri uri;
  std::string name;
};

struct InitializeParams {
  std::optional<int64_t> processId;
  std::optional<DocumentUri> rootUri;
  std::optional<std::string> rootPath;
  std::vector<WorkspaceFolder> workspaceFolders;
  ClientCapabilities capabilities;
  std::optional<GklintSettings> initializationOptions;
};

// What the server advertises; toJSON spells out the fixed parts (sync kind, code action
// kinds, diagnostic provider).
struct ServerCapabilities {
  PositionEncoding positionEncoding = PositionEncoding::Utf16;
  bool codeActionLiterals = true;  // advertise codeActionKinds (needs client literal support)
};

struct InitializeResult {
  ServerCapabilities capabilities;
  std::string serverName = "gklint";
  std::string serverVersion;
};

// ---------------------------------------------------------------------------------------------
// Document synchronisation

struct DidOpenTextDocumentParams {
  TextDocumentItem textDocument;
};

// A change without `range` replaces the whole text.
struct TextDocumentContentChangeEvent {
  std::optional<Range> range;
  std::optional<uint32_t> rangeLength;  // deprecated by the spec; ignored
  std::string text;
};

struct DidChangeTextDocumentParams {
  VersionedTextDocumentIdentifier textDocument;
  std::vector<TextDocumentContentChangeEvent> contentChanges;
};

struct DidSaveTextDocumentParams {
  TextDocumentIdentifier textDocument;
  std::optional<std::string> text;
};

struct DidCloseTextDocumentParams {
  TextDocumentIdentifier textDocument;
};

struct DidChangeConfigurationParams {
  std::optional<GklintSettings> settings;  // null or no gklint keys: keep the current settings
};

enum class FileChangeType : int { Created = 1, Changed = 2, Deleted = 3 };

struct FileEvent {
  DocumentUri uri;
  FileChangeType type = FileChangeType::Changed;
};

struct DidChangeWatchedFilesParams {
  std::vector<FileEvent> changes;
};

struct CancelParams {
  RequestId id;
};

// client/registerCapability for workspace/didChangeWatchedFiles.
struct FileSystemWatcher {
  std::string globPattern;
};

struct Registration {
  std::string id;
  std::string method;
  std::vector<FileSystemWatcher> watchers;  // registerOptions of didChangeWatchedFiles
};

struct RegistrationParams {
  std::vector<Registration> registrations;
};

// ---------------------------------------------------------------------------------------------
// Diagnostics

enum class DiagnosticSeverity : int { Error = 1, Warning = 2, Information = 3, Hint = 4 };

struct DiagnosticRelatedInformation {
  Location location;
  std::string message;
  friend bool operator==(const DiagnosticRelatedInformation&, const DiagnosticRelatedInformation&) = default;
};

struct Diagnostic {
  Range range;
  DiagnosticSeverity severity = DiagnosticSeverity::Warning;
  std::string code;  // the rule id; empty for problems that are not findings (unreadable text)
  std::string codeHref;  // codeDescription.href: the rule's documentation page; empty for none
  std::string source = "gklint";
  std::string message;
  std::vector<DiagnosticRelatedInformation> relatedInformation;
  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

struct PublishDiagnosticsParams {
  DocumentUri uri;
  std::optional<int64_t> version;
  std::vector<Diagnostic> diagnostics;
};

struct DocumentDiagnosticParams {
  TextDocumentIdentifier textDocument;
  std::optional<std::string> identifier;
  std::optional<std::string> previousResultId;
};

// kind "full" with items, or "unchanged" (items empty) when previousResultId still holds.
struct DocumentDiagnosticReport {
  bool unchanged = false;
  std::string resultId;
  std::vector<Diagnostic> items;
};

// ---------------------------------------------------------------------------------------------
// Code actions

// Either `changes` (uri → edits) or, when the client supports it, versioned `documentChanges`.
struct TextDocumentEdit {
  OptionalVersionedTextDocumentIdentifier textDocument;
  std::vector<TextEdit> edits;
};

struct WorkspaceEdit {
  std::optional<std::map<DocumentUri, std::vector<TextEdit>>> changes;
  std::optional<std::vector<TextDocumentEdit>> documentChanges;
};

namespace code_action_kind {
inline constexpr const char* kQuickFix = "quickfix";
inline constexpr const char* kSourceFixAll = "source.fixAll";
inline constexpr const char* kSourceFixAllGklint = "source.fixAll.gklint";
}  // namespace code_action_kind

struct CodeActionContext {
  std::vector<Diagnostic> diagnostics;   // parsed leniently: gklint matches findings by range
  std::optional<std::vector<std::string>> only;
};

struct CodeActionParams {
  TextDocumentIdentifier textDocument;
  Range range;
  CodeActionContext context;
};

struct CodeAction {
  std::string title;
  std::string kind;
  std::vector<Diagnostic> diagnostics;
  bool isPreferred = false;
  WorkspaceEdit edit;
};

// ---------------------------------------------------------------------------------------------
// Hover

struct MarkupContent {
  std::string kind = "markdown";  // "markdown" or "plaintext"
  std::string value;
};

struct Hover {
  MarkupContent contents;
  std::optional<Range> range;
};

// ---------------------------------------------------------------------------------------------
// Document symbols

enum class SymbolKind : int { Module = 2, Namespace = 3, Class = 5, String = 15, Array = 18, Struct = 23 };

struct DocumentSymbol {
  std::string name;
  std::string detail;
  SymbolKind kind = SymbolKind::Namespace;
  Range range;
  Range selectionRange;
  std::vector<DocumentSymbol> children;
};

struct SymbolInformation {
  std::string name;
  SymbolKind kind = SymbolKind::Namespace;
  Location location;
  std::string containerName;
};

struct DocumentSymbolParams {
  TextDocumentIdentifier textDocument;
};

// DocumentSymbol[] for clients with hierarchical support, else SymbolInformation[].
struct DocumentSymbolResult {
  std::variant<std::vector<DocumentSymbol>, std::vector<SymbolInformation>> symbols;
};

// ---------------------------------------------------------------------------------------------
// Window

enum class MessageType : int { Error = 1, Warning = 2, Info = 3, Log = 4 };

struct ShowMessageParams {
  MessageType type = MessageType::Info;
  std::string message;
};

// ---------------------------------------------------------------------------------------------
// toJSON / fromJSON

bool fromJSON(const nlohmann::json& v, NoParams& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, Position& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, Range& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, TextDocumentIdentifier& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, VersionedTextDocumentIdentifier& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, TextDocumentItem& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, TextDocumentPositionParams& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, GklintSettings& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, ClientCapabilities& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, InitializeParams& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, DidOpenTextDocumentParams& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, TextDocumentContentChangeEvent& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, DidChangeTextDocumentParams& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, DidSaveTextDocumentParams& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, DidCloseTextDocumentParams& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, DidChangeConfigurationParams& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, DidChangeWatchedFilesParams& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, CancelParams& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, Diagnostic& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, DocumentDiagnosticParams& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, CodeActionParams& out, JsonPath path);
bool fromJSON(const nlohmann::json& v, DocumentSymbolParams& out, JsonPath path);

nlohmann::json toJSON(const Position& p);
nlohmann::json toJSON(const Range& r);
nlohmann::json toJSON(const Location& l);
nlohmann::json toJSON(const TextEdit& e);
nlohmann::json toJSON(const InitializeResult& r);
nlohmann::json toJSON(const Diagnostic& d);
nlohmann::json toJSON(const PublishDiagnosticsParams& p);
// The same JSON as toJSON(p).dump(), written directly: a report can carry thousands of
// diagnostics, and building a JSON tree for them costs more than linting (bench/LspBench.cpp).
// Invalid UTF-8 in a string is replaced by U+FFFD, as the transport's dump does.
std::string toJSONText(const PublishDiagnosticsParams& p);
nlohmann::json toJSON(const DocumentDiagnosticReport& r);
nlohmann::json toJSON(const WorkspaceEdit& e);
nlohmann::json toJSON(const CodeAction& a);
nlohmann::json toJSON(const std::vector<CodeAction>& actions);
nlohmann::json toJSON(const Hover& h);
nlohmann::json toJSON(const std::optional<Hover>& h);
nlohmann::json toJSON(const DocumentSymbol& s);
nlohmann::json toJSON(const SymbolInformation& s);
nlohmann::json toJSON(const DocumentSymbolResult& r);
nlohmann::json toJSON(const RegistrationParams& p);
nlohmann::json toJSON(const ShowMessageParams& p);
nlohmann::json toJSON(std::nullptr_t);
nlohmann::json toJSON(const LspError& e);

// Parses a message's params as T, or returns InvalidParams naming the bad field.
template <typename T>
Expected<T> parseParams(const nlohmann::json& params) {
  T out{};
  std::string error;
  if (fromJSON(params, out, JsonPath(&error, "params"))) return out;
  return LspError{ErrorCode::InvalidParams, error.empty() ? "invalid params" : error};
}

}  // namespace gklint::lsp
