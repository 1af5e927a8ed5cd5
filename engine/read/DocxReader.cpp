#include "engine/read/DocxReader.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "engine/read/DocxNumbering.h"
#include "engine/read/DocxStyles.h"
#include "engine/read/ZipPackage.h"
#include "engine/text/Utf8.h"

namespace gklint {
namespace {

constexpr std::string_view kSaveAgain = "open it in Word or WPS and save it again as .docx";

// ---- What the file is, before treating it as a zip ----------------------------------------------

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool containsUtf16Name(std::string_view bytes, std::string_view ascii) {
  std::string wide;
  for (char c : ascii) {
    wide += c;
    wide += '\0';
  }
  return bytes.find(wide) != std::string_view::npos;
}

// A file that is not a zip package at all: say what it is and what to do.
std::optional<std::string> sniffNotZip(std::string_view bytes) {
  static constexpr char kCfb[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  if (startsWith(bytes, std::string_view(kCfb, 8))) {
    // An OLE compound file: Word stores password-protected .docx files this way (an
    // EncryptedPackage stream), and binary .doc files (a WordDocument stream).
    if (containsUtf16Name(bytes, "EncryptedPackage") || containsUtf16Name(bytes, "EncryptionInfo")) {
      return "encrypted or password-protected Word document: remove the password (Word: File > Info > Protect "
             "Document > Encrypt with Password, clear it; WPS: 文件 > 文档加密) and save again";
    }
    if (containsUtf16Name(bytes, "WordDocument")) {
      return "binary Word document (.doc), not .docx: open it in Word or WPS and save as .docx (Word Document)";
    }
    return "an OLE compound file (old Office or WPS format), not a .docx: open it in Word or WPS and save as .docx";
  }
  if (startsWith(bytes, "{\\rtf")) return "an RTF document, not a .docx: open it in Word or WPS and save as .docx";
  if (startsWith(bytes, "%PDF")) return "a PDF file, not a .docx: export the report from Word or WPS as .docx";
  if (!startsWith(bytes, "PK")) {
    return "not a .docx: the file is not a zip package (a .docx is one); " + std::string(kSaveAgain);
  }
  return std::nullopt;
}

// ---- XML parts ----------------------------------------------------------------------------------

struct XmlPart {
  pugi::xml_document doc;
  std::string error;
};

// Parses one package part. A DTD is refused outright (Word never writes one; its entities are
// never expanded), as is anything that is not well-formed.
// `ascii` in the part as UTF-8, or as UTF-16 in either byte order (a part may declare either).
bool declares(std::string_view bytes, std::string_view ascii) {
  if (bytes.find(ascii) != std::string_view::npos) return true;
  std::string le, be;
  for (char c : ascii) {
    le += c;
    le += '\0';
    be += '\0';
    be += c;
  }
  return bytes.find(le) != std::string_view::npos || bytes.find(be) != std::string_view::npos;
}

void parsePart(std::string_view name, const std::string& bytes, XmlPart& part) {
  if (declares(bytes, "<!DOCTYPE") || declares(bytes, "<!ENTITY")) {
    part.error = std::string(name) + " declares a DTD or entities (<!DOCTYPE>/<!ENTITY>), which Word never writes "
                 "and gklint never expands: " + std::string(kSaveAgain);
    return;
  }
  const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single;
  const pugi::xml_parse_result r = part.doc.load_buffer(bytes.data(), bytes.size(), options, pugi::encoding_auto);
  if (!r) {
    part.error = std::string(name) + " is not well-formed XML (" + r.description() + " at byte " +
                 std::to_string(r.offset) + "): the document is damaged; " + std::string(kSaveAgain);
  }
}

// ---- Collecting the text of one paragraph or cell -----------------------------------------------

// Text with the places its pieces came from, relative to one paragraph or cell: `character` counts
// the code points of the Word text before the piece.
struct Collected {
  struct Segment {
    uint32_t at = 0;         // byte offset into text
    uint32_t character = 0;  // code points into the Word paragraph or cell
    bool verbatim = true;
  };
  std::string text;
  std::vector<Segment> segments;
  uint32_t characters = 0;
  bool segmentOpen = false;

  void verbatim(std::string_view s) {
    if (s.empty()) return;
    if (!segmentOpen) {
      segments.push_back({static_cast<uint32_t>(text.size()), characters, true});
      segmentOpen = true;
    }
    text += s;
    characters += static_cast<uint32_t>(utf8::codePointCount(s));
  }
  // Text Word shows but the document does not hold as characters (a list number).
  void generated(std::string_view s) {
    if (s.empty()) return;
    segments.push_back({static_cast<uint32_t>(text.size()), characters, false});
    text += s;
    segmentOpen = false;
  }
  // Characters of the Word text that the linted text leaves out or replaces.
  void skip(uint32_t n) {
    characters += n;
    segmentOpen = false;
  }
  bool blank() const {
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
  }
};

std::optional<int> intVal(const pugi::xml_node& node) {
  if (!node) return std::nullopt;
  const pugi::xml_attribute a = node.attribute("w:val");
  if (!a) return std::nullopt;
  return static_cast<int>(std::strtol(a.value(), nullptr, 10));
}

bool onOff(const pugi::xml_node& node) {
  if (!node) return false;
  const std::string_view v = node.attribute("w:val").value();
  return v.empty() || v == "1" || v == "true" || v == "on";
}

bool is(const pugi::xml_node& node, const char* name) { return std::strcmp(node.name(), name) == 0; }

// ---- The document walker ------------------------------------------------------------------------

class Walker {
 public:
  Walker(const DocxStyles& styles, DocxNumbering& numbering, DocxRead& out) : styles_(styles), numbering_(numbering), out_(out) {}

  void body(const pugi::xml_node& body) {
    blocks(body, 0);
    flushCarried();
  }
  const std::string& error() const { return error_; }

 private:
  bool tooDeep(int depth) {
    if (depth <= kMaxDocxNesting) return false;
    if (error_.empty()) {
      error_ = "word/document.xml nests tables or content controls deeper than " + std::to_string(kMaxDocxNesting) +
               " levels, which no report does: " + std::string(kSaveAgain);
    }
    return true;
  }

  // Block-level content: paragraphs and tables, possibly wrapped in content controls.
  void blocks(const pugi::xml_node& parent, int depth) {
    if (tooDeep(depth)) return;
    for (const pugi::xml_node& n : parent.children()) {
      if (!error_.empty()) return;
      if (is(n, "w:p")) {
        bodyParagraph(n, depth);
      } else if (is(n, "w:tbl")) {
        flushCarried();
        table(n, depth + 1);
      } else if (is(n, "w:sdt")) {
        blocks(n.child("w:sdtContent"), depth + 1);
      } else if (is(n, "w:customXml") || is(n, "w:ins") || is(n, "w:moveTo")) {
        blocks(n, depth + 1);
      } else if (is(n, "mc:AlternateContent")) {
        blocks(alternative(n), depth + 1);
      }
      // w:del, w:moveFrom, w:sectPr, w:altChunk, bookmarks: nothing a reader reads.
    }
  }

  // mc:AlternateContent: the fallback is what every consumer understands (the choice repeats it).
  static pugi::xml_node alternative(const pugi::xml_node& n) {
    if (pugi::xml_node f = n.child("mc:Fallback")) return f;
    return n.child("mc:Choice");
  }

  // The label Word puts in front of a numbered paragraph ("一、"), from its own w:numPr or its style's.
  std::string listLabel(const pugi::xml_node& pPr) {
    const pugi::xml_node numPr = pPr.child("w:numPr");
    const std::string_view styleId = pPr.child("w:pStyle").attribute("w:val").value();
    std::optional<int> numId = intVal(numPr.child("w:numId"));
    std::optional<int> ilvl = intVal(numPr.child("w:ilvl"));
    if (!numId || !ilvl) {
      const StyleNumbering inherited = styles_.numbering(styleId);
      if (!numId) numId = inherited.numId;
      if (!ilvl) ilvl = inherited.ilvl;
    }
    if (!numId || *numId == 0) return "";
    return numbering_.next(*numId, ilvl.value_or(0));
  }

  std::optional<int> outlineLevel(const pugi::xml_node& pPr) {
    if (std::optional<int> direct = intVal(pPr.child("w:outlineLvl"))) {
      if (*direct >= 0 && *direct <= 8) return direct;
      return std::nullopt;
    }
    return styles_.outlineLevel(pPr.child("w:pStyle").attribute("w:val").value());
  }

  void paragraph(const pugi::xml_node& p, Collected& into, int depth) {
    const pugi::xml_node pPr = p.child("w:pPr");
    into.generated(listLabel(pPr));
    inlines(p, into, depth + 1);
  }

  // A paragraph of the body. Its mark deleted with tracked changes (w:pPr/w:rPr/w:del), it joins the
  // next paragraph, whose properties (and list number) the joined paragraph has once accepted.
  void bodyParagraph(const pugi::xml_node& p, int depth) {
    const pugi::xml_node pPr = p.child("w:pPr");
    Collected text;
    if (carried_) {
      text = std::move(*carried_);
      carried_.reset();
    }
    inlines(p, text, depth + 1);
    if (pPr.child("w:rPr").child("w:del")) {
      carried_ = std::move(text);
      return;
    }
    Collected line;
    line.generated(listLabel(pPr));
    append(line, text);
    emitParagraph(line, outlineLevel(pPr));
  }

  // The text of a paragraph whose mark was deleted and no paragraph followed to join.
  void flushCarried() {
    if (!carried_) return;
    Collected line = std::move(*carried_);
    carried_.reset();
    emitParagraph(line, std::nullopt);
  }

  void emitParagraph(const Collected& line, std::optional<int> level) {
    if (line.blank()) {
      out_.text += '\n';
      return;
    }
    const uint32_t number = ++out_.paragraphs;
    const uint32_t start = static_cast<uint32_t>(out_.text.size());
    if (level) out_.headings.push_back({start, start + static_cast<uint32_t>(line.text.size()), *level});
    for (const Collected::Segment& s : line.segments) {
      OriginPlace place;
      place.kind = OriginPlace::Kind::Paragraph;
      place.paragraph = number;
      place.character = s.character;
      out_.origin->add(start + s.at, place, s.verbatim);
    }
    out_.text += line.text;
    out_.text += '\n';
  }

  // Appends `from` to `into`, its characters counted after those of `into`.
  static void append(Collected& into, const Collected& from) {
    const uint32_t base = static_cast<uint32_t>(into.text.size());
    for (Collected::Segment s : from.segments) {
      s.at += base;
      s.character += into.characters;
      into.segments.push_back(s);
    }
    into.text += from.text;
    into.characters += from.characters;
    into.segmentOpen = false;
  }

  // Inline content of a paragraph: runs, possibly inside hyperlinks, smart tags, fields, insertions.
  void inlines(const pugi::xml_node& parent, Collected& into, int depth) {
    if (tooDeep(depth)) return;
    for (const pugi::xml_node& n : parent.children()) {
      if (is(n, "w:r")) {
        run(n, into, depth + 1);
      } else if (is(n, "w:hyperlink") || is(n, "w:smartTag") || is(n, "w:customXml") || is(n, "w:ins") ||
                 is(n, "w:moveTo") || is(n, "w:fldSimple") || is(n, "w:dir") || is(n, "w:bdo") ||
                 is(n, "m:oMathPara") || is(n, "m:oMath") || is(n, "m:r")) {
        inlines(n, into, depth + 1);
      } else if (is(n, "w:sdt")) {
        inlines(n.child("w:sdtContent"), into, depth + 1);
      } else if (is(n, "mc:AlternateContent")) {
        inlines(alternative(n), into, depth + 1);
      } else if (is(n, "m:t")) {
        keep(n.text().get(), into);
      } else if (n.first_child() && std::string_view(n.name()).rfind("m:", 0) == 0) {
        inlines(n, into, depth + 1);  // the other math containers (fractions, scripts)
      }
      // w:del, w:moveFrom, w:pPr, bookmarks, comment ranges, proofing marks: nothing to read.
    }
  }

  bool inFieldInstruction() const {
    return std::any_of(fields_.begin(), fields_.end(), [](bool inResult) { return !inResult; });
  }

  void keep(std::string_view text, Collected& into) {
    if (inFieldInstruction()) return;
    into.verbatim(text);
  }

  void run(const pugi::xml_node& r, Collected& into, int depth) {
    if (tooDeep(depth)) return;
    if (onOff(r.child("w:rPr").child("w:vanish"))) return;  // hidden text is not part of the report
    for (const pugi::xml_node& n : r.children()) {
      if (is(n, "w:t")) {
        keep(n.text().get(), into);
      } else if (is(n, "w:tab") || is(n, "w:ptab")) {
        keep("\t", into);
      } else if (is(n, "w:br") || is(n, "w:cr")) {
        keep("\n", into);
      } else if (is(n, "w:noBreakHyphen")) {
        keep("-", into);
      } else if (is(n, "w:sym")) {
        const unsigned long cp = std::strtoul(n.attribute("w:char").value(), nullptr, 16);
        std::string s;
        if (cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) utf8::append(s, static_cast<char32_t>(cp));
        keep(s, into);
      } else if (is(n, "w:fldChar")) {
        const std::string_view type = n.attribute("w:fldCharType").value();
        if (type == "begin") {
          if (fields_.size() >= static_cast<size_t>(kMaxDocxNesting)) {
            tooDeep(kMaxDocxNesting + 1);
            return;
          }
          fields_.push_back(false);
        } else if (type == "separate" && !fields_.empty()) {
          fields_.back() = true;
        } else if (type == "end" && !fields_.empty()) {
          fields_.pop_back();
        }
      } else if (is(n, "mc:AlternateContent")) {
        run(alternative(n), into, depth + 1);
      }
      // w:delText, w:instrText, w:softHyphen, drawings, pictures and text boxes, note references: left out.
    }
  }

  // ---- Tables ----

  struct GridCell {
    pugi::xml_node tc;  // null: an empty grid position before the row's first cell (w:gridBefore)
    bool continuation = false;  // w:vMerge continue: the cell above holds the text
  };

  static void rowsOf(const pugi::xml_node& parent, std::vector<pugi::xml_node>& rows, int depth) {
    if (depth > kMaxDocxNesting) return;
    for (const pugi::xml_node& n : parent.children()) {
      if (is(n, "w:tr")) {
        // A row deleted with tracked changes is gone once the changes are accepted.
        if (!n.child("w:trPr").child("w:del")) rows.push_back(n);
      } else if (is(n, "w:sdt")) {
        rowsOf(n.child("w:sdtContent"), rows, depth + 1);
      } else if (is(n, "w:customXml")) {
        rowsOf(n, rows, depth + 1);
      }
    }
  }

  static void cellsOf(const pugi::xml_node& parent, std::vector<GridCell>& cells, int depth) {
    if (depth > kMaxDocxNesting) return;
    for (const pugi::xml_node& n : parent.children()) {
      if (is(n, "w:tc")) {
        const pugi::xml_node tcPr = n.child("w:tcPr");
        GridCell cell;
        cell.tc = n;
        const pugi::xml_node vMerge = tcPr.child("w:vMerge");
        const std::string_view v = vMerge.attribute("w:val").value();
        cell.continuation = (vMerge && v != "restart") ||
                            std::string_view(tcPr.child("w:hMerge").attribute("w:val").value()) == "continue";
        cells.push_back(cell);
      } else if (is(n, "w:sdt")) {
        cellsOf(n.child("w:sdtContent"), cells, depth + 1);
      } else if (is(n, "w:customXml")) {
        cellsOf(n, cells, depth + 1);
      }
    }
  }

  // The cells of a row as a text export gives them: one field per cell (w:tc) whatever its
  // w:gridSpan — Word, WPS and LibreOffice split the grid into as many columns as any row's
  // borders need, so spans say nothing about the table's logical columns — and an empty field
  // for each w:gridBefore position, so that a row starting further right keeps its place.
  std::vector<GridCell> gridRow(const pugi::xml_node& tr) {
    std::vector<GridCell> cells;
    const int before = std::clamp(intVal(tr.child("w:trPr").child("w:gridBefore")).value_or(0), 0, 64);
    for (int i = 0; i < before; ++i) cells.push_back({});
    cellsOf(tr, cells, 0);
    return cells;
  }

  static size_t cellCount(const std::vector<GridCell>& cells) {
    return static_cast<size_t>(std::count_if(cells.begin(), cells.end(), [](const GridCell& c) { return c.tc; }));
  }

  void table(const pugi::xml_node& tbl, int depth) {
    if (tooDeep(depth)) return;
    const uint32_t number = ++out_.tables;
    std::vector<pugi::xml_node> rows;
    rowsOf(tbl, rows, 0);
    std::vector<std::vector<GridCell>> grid;
    grid.reserve(rows.size());
    size_t widest = 0;
    for (const pugi::xml_node& tr : rows) {
      grid.push_back(gridRow(tr));
      widest = std::max(widest, cellCount(grid.back()));
    }
    // A table of one cell per row is a frame around content (a boxed note, a page laid out in a
    // table): its paragraphs and tables read as if they stood in the body.
    if (widest <= 1) {
      for (const auto& row : grid) {
        for (const GridCell& cell : row) {
          if (cell.tc && !cell.continuation) blocks(cell.tc, depth + 1);
        }
      }
      return;
    }
    for (size_t r = 0; r < grid.size(); ++r) {
      const uint32_t start = static_cast<uint32_t>(out_.text.size());
      std::string line;
      uint32_t column = 0;  // Word's cell number in the row; a w:gridBefore position is none
      bool first = true;
      for (const GridCell& cell : grid[r]) {
        OriginPlace place;
        place.kind = OriginPlace::Kind::TableCell;
        place.table = number;
        place.row = static_cast<uint32_t>(r + 1);
        place.column = cell.tc ? ++column : column + 1;  // a placeholder maps to the cell after it
        if (!first) {
          out_.origin->add(start + static_cast<uint32_t>(line.size()), place, false);  // the inserted tab
          line += '\t';
        }
        first = false;
        if (!cell.tc || cell.continuation) continue;
        Collected text;
        cellText(cell.tc, text, depth + 1);
        for (const Collected::Segment& s : text.segments) {
          OriginPlace at = place;
          at.character = s.character;
          out_.origin->add(start + static_cast<uint32_t>(line.size()) + s.at, at, s.verbatim);
        }
        line += text.text;
      }
      out_.text += line;
      out_.text += '\n';
    }
  }

  // All the text of a grid cell on one line: its paragraphs (and any table nested in it) joined,
  // tabs and line breaks as spaces so that the row stays one line of tab-separated cells.
  void cellText(const pugi::xml_node& parent, Collected& into, int depth) {
    if (tooDeep(depth)) return;
    for (const pugi::xml_node& n : parent.children()) {
      if (!error_.empty()) return;
      if (is(n, "w:p")) {
        Collected p;
        paragraph(n, p, depth + 1);
        for (char& c : p.text) {
          if (c == '\t' || c == '\n') c = ' ';
        }
        if (p.blank()) {
          into.skip(p.characters + 1);
          continue;
        }
        if (!into.blank() && needsSpace(into.text, p.text)) into.generated(" ");
        append(into, p);
        into.characters += 1;  // the paragraph mark
      } else if (is(n, "w:tbl")) {
        std::vector<pugi::xml_node> rows;
        rowsOf(n, rows, 0);
        for (const pugi::xml_node& tr : rows) {
          for (const GridCell& c : gridRow(tr)) {
            if (c.tc && !c.continuation) cellText(c.tc, into, depth + 2);
          }
        }
      } else if (is(n, "w:sdt")) {
        cellText(n.child("w:sdtContent"), into, depth + 1);
      } else if (is(n, "w:customXml") || is(n, "w:ins") || is(n, "w:moveTo")) {
        cellText(n, into, depth + 1);
      } else if (is(n, "mc:AlternateContent")) {
        cellText(alternative(n), into, depth + 1);
      }
    }
  }

  // Paragraphs of one cell join without a space between Chinese text ("行政" + "许可"), with one
  // between Latin letters or digits.
  static bool needsSpace(const std::string& before, const std::string& after) {
    const unsigned char last = static_cast<unsigned char>(before.back());
    const unsigned char first = static_cast<unsigned char>(after.front());
    return last < 0x80 && first < 0x80 && last != ' ' && first != ' ';
  }

  const DocxStyles& styles_;
  DocxNumbering& numbering_;
  DocxRead& out_;
  std::vector<bool> fields_;  // open complex fields: true once past their separator (the result)
  std::optional<Collected> carried_;  // a paragraph whose mark was deleted, waiting for the next
  std::string error_;
};

// The main document part: word/document.xml, else what _rels/.rels names as the office document.
std::string mainPartName(ZipPackage& zip) {
  if (zip.has("word/document.xml")) return "word/document.xml";
  ZipEntryRead rels = zip.read("_rels/.rels");
  if (!rels.found || !rels.error.empty()) return "";
  XmlPart part;
  parsePart("_rels/.rels", rels.bytes, part);
  if (!part.error.empty()) return "";
  for (const pugi::xml_node& r : part.doc.child("Relationships").children("Relationship")) {
    const std::string_view type = r.attribute("Type").value();
    if (type.size() >= 15 && type.substr(type.size() - 15) == "/officeDocument") {
      std::string target = r.attribute("Target").value();
      if (!target.empty() && target.front() == '/') target.erase(0, 1);
      if (zip.has(target)) return target;
    }
  }
  return "";
}

// The folder of a part ("word/" for word/document.xml), where its styles and numbering live.
std::string folderOf(const std::string& part) {
  const size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

}  // namespace

DocxRead readDocx(std::string_view bytes) {
  DocxRead out;
  if (auto what = sniffNotZip(bytes)) {
    out.error = *what;
    return out;
  }
  ZipPackage zip(bytes);
  if (!zip.ok()) {
    out.error = zip.backendMissing() ? zip.error() : "damaged .docx: " + zip.error() + "; " + std::string(kSaveAgain);
    return out;
  }
  const std::string main = mainPartName(zip);
  if (main.empty()) {
    ZipEntryRead mimetype = zip.read("mimetype");
    if (mimetype.found && mimetype.bytes.rfind("application/vnd.oasis.opendocument", 0) == 0) {
      out.error = "an OpenDocument file (.odt), not a .docx: open it in WPS, Word or LibreOffice and save as .docx";
    } else {
      out.error = "a zip archive, but not a Word document: it has no word/document.xml; save the report as .docx "
                  "from Word or WPS";
    }
    return out;
  }
  auto readPart = [&](const std::string& name, XmlPart& part, bool required) {
    ZipEntryRead entry = zip.read(name);
    if (!entry.error.empty()) {
      switch (entry.problem) {
        case ZipEntryRead::Problem::Damaged:
          part.error = "damaged .docx: " + entry.error + "; " + std::string(kSaveAgain);
          break;
        case ZipEntryRead::Problem::Encrypted:
          part.error = "refused .docx: " + entry.error + " (a password-protected zip): save the document again "
                       "from Word or WPS without a password";
          break;
        default:
          part.error = "refused .docx: " + entry.error;
      }
      return false;
    }
    if (!entry.found) {
      if (required) part.error = "a zip archive, but not a Word document: " + name + " is missing";
      return false;
    }
    parsePart(name, entry.bytes, part);
    return part.error.empty();
  };
  const std::string folder = folderOf(main);
  XmlPart stylesPart, numberingPart, documentPart;
  readPart(folder + "styles.xml", stylesPart, false);
  readPart(folder + "numbering.xml", numberingPart, false);
  for (const XmlPart* part : {&stylesPart, &numberingPart}) {
    if (!part->error.empty()) {
      out.error = part->error;
      return out;
    }
  }
  if (!readPart(main, documentPart, true)) {
    out.error = documentPart.error;
    return out;
  }
  const pugi::xml_node body = documentPart.doc.child("w:document").child("w:body");
  if (!body) {
    out.error = main + " has no w:document/w:body: not a WordprocessingML document; " + std::string(kSaveAgain);
    return out;
  }
  DocxStyles styles(stylesPart.doc.child("w:styles"));
  DocxNumbering numbering(numberingPart.doc.child("w:numbering"));
  out.origin = std::make_shared<OriginMap>();
  Walker walker(styles, numbering, out);
  walker.body(body);
  if (!walker.error().empty()) {
    out = DocxRead{};
    out.error = walker.error();
    return out;
  }
  if (utf8::validPrefixLength(out.text) != out.text.size()) {
    const size_t at = utf8::validPrefixLength(out.text);
    out = DocxRead{};
    out.error = main + " holds text that is not valid UTF-8 (at character " + std::to_string(at) + " of its text): " +
                std::string(kSaveAgain);
    return out;
  }
  return out;
}

void markDocxHeadings(ReadResult& read, const std::vector<DocxHeadingLine>& headings) {
  // Both lists ascend: a heading's first paragraph block is the first block that starts inside it.
  size_t h = 0;
  for (Block& block : read.blocks) {
    while (h < headings.size() && headings[h].end <= block.span.begin) ++h;
    if (h >= headings.size()) return;
    if (block.span.begin < headings[h].offset) continue;
    if (block.kind == BlockKind::Paragraph) {
      block.kind = BlockKind::Heading;
      block.markdownLevel = headings[h].level + 1;
    }
    ++h;
  }
}

}  // namespace gklint
