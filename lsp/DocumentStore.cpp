#include "lsp/DocumentStore.h"

#include "lsp/Convert.h"

namespace gklint::lsp {

DocumentSnapshot DocumentStore::open(const DocumentUri& uri, int64_t version, DocumentFormat format, std::string text) {
  DocumentSnapshot snapshot{uri, version, format, std::make_shared<const Source>(uri, std::move(text))};
  std::lock_guard<std::mutex> lock(mutex_);
  documents_[uri] = snapshot;
  return snapshot;
}

Expected<DocumentSnapshot> DocumentStore::change(const DocumentUri& uri, int64_t version,
                                                 const std::vector<TextDocumentContentChangeEvent>& changes,
                                                 PositionEncoding encoding) {
  std::optional<DocumentSnapshot> current = get(uri);
  if (!current) return LspError{ErrorCode::InvalidParams, "document is not open: " + uri};
  std::shared_ptr<const Source> source = current->source;
  for (size_t i = 0; i < changes.size(); ++i) {
    const TextDocumentContentChangeEvent& change = changes[i];
    std::string text;
    if (!change.range) {
      text = change.text;
    } else {
      const std::optional<ByteSpan> span = toSpan(*source, *change.range, encoding);
      if (!span) {
        return LspError{ErrorCode::InvalidParams,
                        "params.contentChanges[" + std::to_string(i) + "].range: start is after end"};
      }
      const std::string_view old = source->text();
      text.reserve(old.size() - span->size() + change.text.size());
      text.append(old.substr(0, span->begin));
      text.append(change.text);
      text.append(old.substr(span->end));
    }
    source = std::make_shared<const Source>(uri, std::move(text));
  }
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = documents_.find(uri);
  if (it == documents_.end()) return LspError{ErrorCode::InvalidParams, "document is not open: " + uri};
  it->second.version = version;
  it->second.source = std::move(source);
  return it->second;
}

bool DocumentStore::close(const DocumentUri& uri) {
  std::lock_guard<std::mutex> lock(mutex_);
  return documents_.erase(uri) > 0;
}

std::optional<DocumentSnapshot> DocumentStore::get(const DocumentUri& uri) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = documents_.find(uri);
  if (it == documents_.end()) return std::nullopt;
  return it->second;
}

std::vector<DocumentSnapshot> DocumentStore::all() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<DocumentSnapshot> out;
  for (const auto& [uri, snapshot] : documents_) out.push_back(snapshot);
  return out;
}

}  // namespace gklint::lsp
