// TableBinder: finds the official tables in their sections and binds them to templates.
#pragma once

#include "engine/model/Document.h"
#include "engine/tables/TableTemplate.h"

namespace gklint {

// For each table of the report's format (表二/三/四), collects the table regions (and, in
// Markdown, lines of space-separated numbers) of its section, builds logical rows and binds
// them to template rows by normalised label: a source label matches a template row when it
// ends with the row's label or a variant (so group labels in front do not matter), labels
// broken over two rows are joined, and the one unlabeled numeric row binds the data row of
// 表四. When the other format's template fits clearly better, the table is bound to that
// one and BoundTable::betterTemplate is set. Fills Document::boundTables; never fails.
void bindTables(Document& doc, const TemplateCatalog& catalog);

}  // namespace gklint
