#include "load/yaml_tree.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <map>
#include <streambuf>

namespace og {

const YamlNode* YamlNode::find(std::string_view key) const {
  for (const auto& e : entries) {
    if (e.key.is_scalar() && e.key.value == key) return &e.value;
  }
  return nullptr;
}

const char* describe_kind(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::null: return "nothing";
    case YamlNode::Kind::scalar: return "text";
    case YamlNode::Kind::sequence: return "a list";
    case YamlNode::Kind::mapping: return "a mapping";
  }
  return "nothing";
}

namespace {

// Content never needs more; yaml-cpp's own limit (2,000) comes with the
// message "bad file".
constexpr std::size_t kMaxDepth = 64;

// yaml-cpp reads from a std::istream; this one reads the text in place.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // only ever read
    setg(begin, begin, begin + text.size());
  }
};

struct Stop {  // parsing cannot go on
  std::string message;
  std::size_t pos;  // byte offset into the text
  std::string hint;
};

// Where a byte offset of the parsed text is, as a 1-based line of the file
// and a 1-based column in characters (yaml-cpp counts bytes).
class Positions {
 public:
  Positions(std::string_view text, int first_line) : text_(text), first_line_(first_line) {}

  void place(YamlNode& node, std::size_t pos) const {
    pos = std::min(pos, text_.size());
    const std::size_t newline = pos == 0 ? std::string_view::npos : text_.rfind('\n', pos - 1);
    const std::size_t start = newline == std::string_view::npos ? 0 : newline + 1;
    int line = first_line_;
    for (std::size_t i = 0; i < start; ++i) line += text_[i] == '\n';
    int column = 1;
    for (std::size_t i = start; i < pos; ++i) column += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
    node.line = line;
    node.column = column;
  }

  char at(std::size_t pos) const { return pos < text_.size() ? text_[pos] : '\0'; }
  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
  int first_line_;
};

// Whether the quoted scalar whose opening quote is at `pos` is closed
// before the text ends. yaml-cpp reads an unclosed quote to the end of the
// file and takes everything after it as its value.
bool quote_closes(std::string_view text, std::size_t pos) {
  const char quote = text[pos];
  for (std::size_t i = pos + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') ++i;
      else return true;
    }
  }
  return false;
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const SourceFile& source, const Positions& positions, Diagnostics& diagnostics)
      : source_(source), positions_(positions), diagnostics_(diagnostics) {}

  std::optional<YamlNode> take_root() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    refuse_anchor(mark, anchor);
    YamlNode node;
    place(node, mark);
    finish(std::move(node));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { refuse_anchor(mark, 1); }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    refuse_anchor(mark, anchor);
    YamlNode node;
    place(node, mark);
    const std::size_t pos = static_cast<std::size_t>(mark.pos);
    // yaml-cpp tags untagged plain scalars "?" and the others "!".
    const bool plain = tag == "?";
    // Plain "", "~" and "null" are YAML's null.
    if (plain && (value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL")) {
      finish(std::move(node));
      return;
    }
    const char first = positions_.at(pos);
    if ((first == '"' || first == '\'') && !plain && !quote_closes(positions_.text(), pos))
      throw Stop{std::string("the quote ") + first + " is never closed", pos,
                 std::string("end the text with ") + first + " on the same line, or leave the quotes out"};
    node.kind = YamlNode::Kind::scalar;
    node.value = value;
    node.plain = plain;
    node.block = !plain && (first == '|' || first == '>');
    finish(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::mapping, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YamlNode node;
    std::optional<YamlNode> pending_key;
  };

  void place(YamlNode& node, const YAML::Mark& mark) const {
    positions_.place(node, static_cast<std::size_t>(std::max(mark.pos, 0)));
  }

  // Anchors and aliases copy parts of a file into others: content files do
  // not need them, and an alias can make a small file expand without limit.
  static void refuse_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor == YAML::NullAnchor) return;
    throw Stop{"anchors (&name) and aliases (*name) are not used in content files",
               static_cast<std::size_t>(std::max(mark.pos, 0)),
               "write the value out in full; put text that starts with '&' or '*' in quotes"};
  }

  void open(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    refuse_anchor(mark, anchor);
    if (stack_.size() >= kMaxDepth)
      throw Stop{"the lists and mappings are nested more than " + std::to_string(kMaxDepth) + " levels deep",
                 static_cast<std::size_t>(std::max(mark.pos, 0)), "content needs only a few levels; check the brackets"};
    Open o;
    o.node.kind = kind;
    place(o.node, mark);
    stack_.push_back(std::move(o));
  }

  void close() {
    Open o = std::move(stack_.back());
    stack_.pop_back();
    if (o.node.is_mapping()) drop_duplicate_keys(o.node);
    finish(std::move(o.node));
  }

  void drop_duplicate_keys(YamlNode& map) {
    std::map<std::string, int, std::less<>> first_line;
    std::vector<YamlEntry> kept;
    kept.reserve(map.entries.size());
    for (auto& e : map.entries) {
      if (!e.key.is_scalar()) {
        kept.push_back(std::move(e));
        continue;
      }
      auto [it, inserted] = first_line.emplace(e.key.value, e.key.line);
      if (!inserted) {
        diagnostics_.error(source_.at(e.key.line, e.key.column), "duplicate key '" + e.key.value + "'",
                           "it is already set on line " + std::to_string(it->second));
        continue;
      }
      kept.push_back(std::move(e));
    }
    map.entries = std::move(kept);
  }

  void finish(YamlNode node) {
    if (stack_.empty()) {
      if (!root_) root_ = std::move(node);
      return;
    }
    Open& parent = stack_.back();
    if (parent.node.is_sequence()) {
      parent.node.items.push_back(std::move(node));
    } else if (!parent.pending_key) {
      if (!node.is_scalar()) {
        diagnostics_.error(source_.at(node.line, node.column),
                           "a key must be plain text, not " + std::string(describe_kind(node)));
      }
      parent.pending_key = std::move(node);
    } else {
      parent.node.entries.push_back({std::move(*parent.pending_key), std::move(node)});
      parent.pending_key.reset();
    }
  }

  const SourceFile& source_;
  const Positions& positions_;
  Diagnostics& diagnostics_;
  std::vector<Open> stack_;
  std::optional<YamlNode> root_;
};

// The line where a flow list or mapping that yaml-cpp found unclosed was
// opened: the last '[' or '{' before `pos` that is not closed before it.
std::size_t unclosed_bracket(std::string_view text, std::size_t pos, char open, char close) {
  int depth = 0;
  for (std::size_t i = std::min(pos, text.size()); i-- > 0;) {
    if (text[i] == close) ++depth;
    else if (text[i] == open && depth-- == 0) return i;
  }
  return pos;
}

// yaml-cpp's message in a reader's words, with a hint where the usual cause is known.
Stop syntax_error(const YAML::ParserException& e, std::string_view text) {
  Stop stop{e.msg, static_cast<std::size_t>(std::max(e.mark.pos, 0)), {}};
  // A tab in the indentation of the line yaml-cpp stopped on is the cause,
  // whatever yaml-cpp makes of it ("illegal map value", often).
  const std::size_t newline = stop.pos == 0 ? std::string_view::npos : text.rfind('\n', std::min(stop.pos, text.size()) - 1);
  const std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
  const std::size_t indent_end = text.find_first_not_of(" \t", line_start);
  const std::size_t tab = text.substr(0, indent_end).find('\t', line_start);
  if (e.msg == YAML::ErrorMsg::TAB_IN_INDENTATION || tab != std::string_view::npos) {
    if (tab != std::string_view::npos) stop.pos = tab;
    stop.message = "a tab in the indentation";
    stop.hint = "indent with spaces, not tabs";
  } else if (e.msg == YAML::ErrorMsg::MAP_VALUE) {
    stop.hint = "check the indentation, and put text that holds ': ' in quotes";
  } else if (e.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW) {
    stop.pos = unclosed_bracket(text, stop.pos, '[', ']');
    stop.hint = "close the list with ']'";
  } else if (e.msg == YAML::ErrorMsg::END_OF_MAP_FLOW) {
    stop.pos = unclosed_bracket(text, stop.pos, '{', '}');
    stop.hint = "close the mapping with '}'";
  } else if (e.msg == YAML::ErrorMsg::UNKNOWN_ANCHOR || e.msg == YAML::ErrorMsg::ALIAS_NOT_FOUND ||
             e.msg == YAML::ErrorMsg::ANCHOR_NOT_FOUND) {
    stop.message = "anchors (&name) and aliases (*name) are not used in content files";
    stop.hint = "write the value out in full; put text that starts with '&' or '*' in quotes";
  } else if (e.msg == YAML::ErrorMsg::BLOCK_ENTRY) {
    stop.hint = "check the indentation of the lines starting with '- '";
  }
  return stop;
}

// Reads a second document only to learn that it is there.
struct Ignore : YAML::EventHandler {
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

}  // namespace

std::optional<YamlNode> parse_yaml(const SourceFile& source, std::string_view text, int first_line,
                                   Diagnostics& diagnostics) {
  const Positions positions(text, first_line);
  TreeBuilder builder(source, positions, diagnostics);
  ViewBuffer buffer(text);
  std::istream in(&buffer);
  std::optional<Stop> stop;
  bool first_read = false, second_document = false;
  try {
    YAML::Parser parser(in);
    first_read = parser.HandleNextDocument(builder);
    if (first_read) {
      Ignore rest;
      second_document = parser.HandleNextDocument(rest);
    }
  } catch (const Stop& s) {
    stop = s;
  } catch (const YAML::ParserException& e) {
    stop = syntax_error(e, text);
  } catch (const std::exception& e) {
    stop = Stop{e.what(), 0, {}};
  }
  if (stop && first_read) {  // a problem in a second document
    stop.reset();
    second_document = true;
  }
  if (stop) {
    YamlNode where;
    positions.place(where, stop->pos);
    diagnostics.error(source.at(where.line, where.column), "YAML syntax error: " + stop->message, stop->hint);
    return std::nullopt;
  }
  if (second_document)
    diagnostics.error(source.at(first_line, 1), "the file holds more than one YAML document",
                      "remove the extra '---' line");
  return builder.take_root();
}

}  // namespace og
