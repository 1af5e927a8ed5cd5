// DocumentStore: the open documents — their text, version and format — and incremental edits.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/Block.h"
#include "engine/text/Source.h"
#include "lsp/Protocol.h"

namespace gklint::lsp {

// One version of one document. Immutable and cheap to copy: the Source is shared with the
// analyses built from it.
struct DocumentSnapshot {
  DocumentUri uri;
  int64_t version = 0;
  DocumentFormat format = DocumentFormat::Text;
  std::shared_ptr<const Source> source;
};

// Thread-safe. Texts are the client's, kept as UTF-8 exactly as sent (line terminators too).
class DocumentStore {
 public:
  // Adds a document, or replaces one that is already open.
  DocumentSnapshot open(const DocumentUri& uri, int64_t version, DocumentFormat format, std::string text);

  // Applies `changes` in order, each to the text the previous one produced (a change without
  // a range replaces everything), and records `version`. Ranges are in `encoding`; see
  // lsp/Convert.h toSpan for ranges that split a character. Fails with InvalidParams — and
  // leaves the document unchanged — when it is not open or a range's start is after its end.
  Expected<DocumentSnapshot> change(const DocumentUri& uri, int64_t version,
                                    const std::vector<TextDocumentContentChangeEvent>& changes,
                                    PositionEncoding encoding);

  // False when it was not open.
  bool close(const DocumentUri& uri);

  std::optional<DocumentSnapshot> get(const DocumentUri& uri) const;
  std::vector<DocumentSnapshot> all() const;

 private:
  mutable std::mutex mutex_;
  std::map<DocumentUri, DocumentSnapshot> documents_;
};

}  // namespace gklint::lsp
