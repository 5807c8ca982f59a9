#include "load/yaml_tree.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "core/text.hpp"

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

constexpr std::size_t kMaxNodes = 2'000'000;

struct TooLarge : YAML::Exception {
  explicit TooLarge(const YAML::Mark& mark)
      : YAML::Exception(mark, "the document expands to more than 2,000,000 values") {}
};

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const SourceFile& source, std::string_view text, int first_line,
              Diagnostics& diagnostics)
      : source_(source), text_(text), first_line_(first_line), diagnostics_(diagnostics) {}

  std::optional<YamlNode> take_root() { return std::move(root_); }

  // The innermost list or mapping still open when parsing stopped, if any.
  const YamlNode* innermost_open(YamlNode::Kind kind) const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      if (it->node.kind == kind) return &it->node;
    return nullptr;
  }
  int documents() const { return documents_; }

  // Converts a yaml-cpp mark (0-based, columns in bytes) into our position.
  void place(YamlNode& node, const YAML::Mark& mark) const {
    node.line = mark.line + first_line_;
    node.column = column_of(mark);
  }

  int column_of(const YAML::Mark& mark) const {
    if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) > text_.size()) return mark.column + 1;
    const std::size_t pos = static_cast<std::size_t>(mark.pos);
    const std::size_t line_start = text_.rfind('\n', pos == 0 ? 0 : pos - 1);
    const std::size_t start = (line_start == std::string_view::npos || pos == 0) ? 0 : line_start + 1;
    return utf8_length(text_.substr(start, pos - start)) + 1;
  }

  void OnDocumentStart(const YAML::Mark&) override { ++documents_; }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode node;
    place(node, mark);
    finish(std::move(node), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    YamlNode node;
    if (it != anchors_.end()) {
      // Aliases copy their anchor's subtree; cap the total so that a "billion
      // laughs" file is reported instead of exhausting memory.
      nodes_ += it->second.size;
      if (nodes_ > kMaxNodes) throw TooLarge(mark);
      node = it->second.node;
    }
    place(node, mark);
    finish(std::move(node), 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode node;
    node.kind = YamlNode::Kind::scalar;
    place(node, mark);
    node.value = value;
    node.plain = tag != "!";
    if (mark.pos >= 0 && static_cast<std::size_t>(mark.pos) < text_.size()) {
      const char c = text_[static_cast<std::size_t>(mark.pos)];
      node.block = !node.plain && (c == '|' || c == '>');
    }
    finish(std::move(node), anchor);
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
    YAML::anchor_t anchor = 0;
    std::optional<YamlNode> pending_key;
  };

  void open(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    Open o;
    o.node.kind = kind;
    place(o.node, mark);
    o.anchor = anchor;
    stack_.push_back(std::move(o));
  }

  void close() {
    Open o = std::move(stack_.back());
    stack_.pop_back();
    if (o.node.is_mapping()) drop_duplicate_keys(o.node);
    finish(std::move(o.node), o.anchor);
  }

  void drop_duplicate_keys(YamlNode& map) {
    std::map<std::string, int> first_line;
    std::vector<YamlEntry> kept;
    kept.reserve(map.entries.size());
    for (auto& e : map.entries) {
      if (!e.key.is_scalar()) {
        kept.push_back(std::move(e));
        continue;
      }
      auto [it, inserted] = first_line.emplace(e.key.value, e.key.line);
      if (!inserted) {
        diagnostics_.error(source_.at(e.key.line, e.key.column),
                           "duplicate key '" + e.key.value + "'",
                           "it is already set on line " + std::to_string(it->second));
        continue;
      }
      kept.push_back(std::move(e));
    }
    map.entries = std::move(kept);
  }

  static std::size_t count_nodes(const YamlNode& node) {
    std::size_t n = 1;
    for (const auto& item : node.items) n += count_nodes(item);
    for (const auto& e : node.entries) n += 1 + count_nodes(e.value);
    return n;
  }

  void finish(YamlNode node, YAML::anchor_t anchor) {
    if (++nodes_ > kMaxNodes) throw TooLarge(YAML::Mark::null_mark());
    if (anchor != 0) anchors_[anchor] = {node, count_nodes(node)};
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
  std::string_view text_;
  int first_line_;
  Diagnostics& diagnostics_;
  std::vector<Open> stack_;
  struct Anchored {
    YamlNode node;
    std::size_t size = 0;
  };
  std::map<YAML::anchor_t, Anchored> anchors_;
  std::size_t nodes_ = 0;
  std::optional<YamlNode> root_;
  int documents_ = 0;
};

}  // namespace

std::optional<YamlNode> parse_yaml(const SourceFile& source, std::string_view text, int first_line,
                                   Diagnostics& diagnostics) {
  TreeBuilder builder(source, text, first_line, diagnostics);
  std::istringstream stream{std::string(text)};
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(builder)) return std::nullopt;
    // A second document in one file is almost always a stray '---'.
    Diagnostics ignored;
    TreeBuilder second(source, text, first_line, ignored);
    if (parser.HandleNextDocument(second)) {
      diagnostics.error(source.at(first_line, 1),
                        "the file holds more than one YAML document",
                        "remove the extra '---' line");
    }
  } catch (const YAML::Exception& e) {
    YamlNode where;
    builder.place(where, e.mark);
    std::string message = e.msg;
    if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    int line = e.mark.is_null() ? first_line : where.line;
    int column = e.mark.is_null() ? 1 : where.column;
    std::string hint;
    // yaml-cpp notices an unclosed '[' or '{' only where the file ends; point
    // at the bracket that was never closed instead.
    const bool sequence = message.find("end of sequence flow not found") != std::string::npos;
    const bool map = message.find("end of map flow not found") != std::string::npos;
    if (sequence || map) {
      if (const YamlNode* open = builder.innermost_open(sequence ? YamlNode::Kind::sequence : YamlNode::Kind::mapping)) {
        line = open->line;
        column = open->column;
        hint = sequence ? "close the list with ']'" : "close the mapping with '}'";
      }
    }
    if (message == "illegal map value")
      hint = "check the indentation, and put text that holds ': ' in quotes";
    diagnostics.error(source.at(line, column), "YAML syntax error: " + message, hint);
    return std::nullopt;
  } catch (const std::exception& e) {
    diagnostics.error(source.at(first_line, 1), std::string("cannot read YAML: ") + e.what());
    return std::nullopt;
  }
  return builder.take_root();
}

}  // namespace og
