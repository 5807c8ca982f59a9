#include "load/yaml_tree.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <map>
#include <streambuf>

#include "load/limits.hpp"
#include "load/yaml_syntax.hpp"

namespace og {

const YamlNode* YamlNode::find(std::string_view key) const {
  for (const auto& e : entries) {
    if (e.key.is_scalar() && e.key.value == key) return &e.value;
  }
  return nullptr;
}

const char* describe_kind(const YamlNode& node) {
  static constexpr const char* kNames[] = {"nothing", "text", "a list", "a mapping"};  // in Kind's order
  return kNames[static_cast<int>(node.kind)];
}

namespace {

std::size_t offset(const YAML::Mark& mark) {
  return static_cast<std::size_t>(std::max(mark.pos, 0));
}

// yaml-cpp reads from a std::istream; this one reads the text in place.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // only ever read
    setg(begin, begin, begin + text.size());
  }
};

// Where a byte offset of the parsed text is, as a 1-based line of the file
// and a 1-based column in characters (yaml-cpp counts bytes). yaml-cpp's
// marks mostly increase, so each is counted on from the one before: a file
// costs time in proportion to its size, not to its size squared.
class Positions {
 public:
  Positions(std::string_view text, int first_line) : text_(text), first_line_(first_line), line_(first_line) {}

  void place(YamlNode& node, std::size_t pos) const {
    pos = std::min(pos, text_.size());
    if (pos < pos_) {  // back to the start of the text
      pos_ = 0;
      line_ = first_line_;
      column_ = 1;
    }
    for (; pos_ < pos; ++pos_) {
      if (text_[pos_] == '\n') {
        ++line_;
        column_ = 1;
      } else if ((static_cast<unsigned char>(text_[pos_]) & 0xC0) != 0x80) {
        ++column_;
      }
    }
    node.line = line_;
    node.column = column_;
  }

  char at(std::size_t pos) const { return pos < text_.size() ? text_[pos] : '\0'; }
  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
  int first_line_;
  mutable std::size_t pos_ = 0;
  mutable int line_;
  mutable int column_ = 1;
};

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const SourceFile& source, const Positions& positions, Diagnostics& diagnostics)
      : source_(source), positions_(positions), diagnostics_(diagnostics) {}

  std::optional<YamlNode> take_root() { return std::move(root_); }
  // Where the document started, once it has.
  std::optional<std::size_t> start() const { return start_; }

  void OnDocumentStart(const YAML::Mark& mark) override { start_ = offset(mark); }
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
    if ((first == '"' || first == '\'') && !plain && !yaml_quote_closes(positions_.text(), pos))
      throw YamlProblem{std::string("the quote ") + first + " is never closed", pos,
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
    std::size_t pos = 0;  // where it starts
  };

  void place(YamlNode& node, const YAML::Mark& mark) const { positions_.place(node, offset(mark)); }

  // Anchors and aliases copy parts of a file into others: content files do
  // not need them, and an alias can make a small file expand without limit.
  static void refuse_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor == YAML::NullAnchor) return;
    throw YamlProblem{"anchors (&name) and aliases (*name) are not used in content files", offset(mark),
                      "write the value out in full; put text that starts with '&' or '*' in quotes"};
  }

  void open(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    refuse_anchor(mark, anchor);
    if (stack_.size() >= kMaxYamlDepth)
      throw YamlProblem{"the lists and mappings are nested more than " + std::to_string(kMaxYamlDepth) + " levels deep",
                        offset(mark), "content needs only a few levels; check the brackets", true};
    Open o;
    o.node.kind = kind;
    o.pos = offset(mark);
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
    if (parent.node.items.size() + parent.node.entries.size() == kMaxYamlItems && !parent.pending_key)
      throw YamlProblem{
          std::string(parent.node.is_sequence() ? "the list has more than " : "the mapping has more than ") +
              with_commas(kMaxYamlItems) + (parent.node.is_sequence() ? " items" : " entries") +
              ", the most offergen reads in one",
          parent.pos, "content needs far fewer: check that the file is the one you meant", true};
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
  std::optional<std::size_t> start_;
};

}  // namespace

std::optional<YamlNode> parse_yaml(const SourceFile& source, std::string_view text, int first_line,
                                   Diagnostics& diagnostics) {
  const Positions positions(text, first_line);
  const auto report = [&](const YamlProblem& p) {
    YamlNode where;
    positions.place(where, p.pos);
    diagnostics.error(source.at(where.line, where.column), (p.limit ? "" : "YAML syntax error: ") + p.message, p.hint);
  };
  if (auto problem = check_yaml_text(text, kMaxYamlDepth)) {
    report(*problem);
    return std::nullopt;
  }
  TreeBuilder builder(source, positions, diagnostics);
  ViewBuffer buffer(text);
  std::istream in(&buffer);
  std::optional<YamlProblem> problem;
  bool first_read = false;
  std::optional<std::size_t> second;  // where a second document starts
  // A second document is read only to learn that it is there.
  Diagnostics ignored;
  TreeBuilder rest(source, positions, ignored);
  try {
    YAML::Parser parser(in);
    first_read = parser.HandleNextDocument(builder);
    if (first_read && parser.HandleNextDocument(rest)) second = rest.start();
  } catch (const YamlProblem& p) {  // thrown by the tree builder: parsing cannot go on
    problem = p;
  } catch (const YAML::ParserException& e) {
    problem = explain_yaml_error(e.msg, offset(e.mark), text);
  } catch (const std::bad_alloc&) {
    problem = YamlProblem{"the file is too large to read", 0, {}};
  }
  if (problem && first_read) {  // the problem is in what follows the first document
    second = rest.start().value_or(problem->pos);
    problem.reset();
  }
  if (problem) {
    report(*problem);
    return std::nullopt;
  }
  if (second) {
    // A second document is almost always a stray '---'; yaml-cpp also
    // starts one at text it cannot place, such as a ',' at the start of a line.
    if (text.compare(*second, 3, "---") == 0) {
      diagnostics.error(source.at(first_line, 1), "the file holds more than one YAML document",
                        "remove the extra '---' line");
    } else {
      report(
          {std::string("unexpected '") + positions.at(*second) + "'", *second, "remove it, or put the text in quotes"});
      return std::nullopt;
    }
  }
  if (!first_read) {  // only comments: nothing, as an empty value is
    YamlNode empty;
    empty.line = first_line;
    empty.column = 1;
    return empty;
  }
  return builder.take_root();
}

}  // namespace og
