#include "load/yaml_tree.hpp"

#include <yaml.h>

#include <algorithm>
#include <atomic>
#include <map>

#include "core/text.hpp"
#include "load/yaml_blocks.hpp"
#include "load/yaml_simple.hpp"

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

// libyaml (C, event-based) replaced yaml-cpp here: on 10,000 service files
// yaml-cpp's scanner was 64 % of a whole build's instructions, libyaml reads the
// same files about twelve times faster (see bench/README.md).
struct Parser {
  yaml_parser_t parser;
  explicit Parser(std::string_view text) {
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  ~Parser() { yaml_parser_delete(&parser); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

struct Event {
  yaml_event_t event{};
  bool valid = false;
  ~Event() {
    if (valid) yaml_event_delete(&event);
  }
};

struct Stop {  // parsing cannot go on; the diagnostic is already made
  std::string message;
  int line, column;
  std::string hint;
};

class TreeBuilder {
 public:
  // `cut`: the blocks cut_literal_blocks() took out of the text, whose values
  // go in where libyaml finds their (now empty) scalars.
  TreeBuilder(const SourceFile& source, int first_line, Diagnostics& diagnostics, std::vector<CutBlock>* cut)
      : source_(source), first_line_(first_line), diagnostics_(diagnostics), cut_(cut) {}

  // Whether libyaml found a literal block scalar at every cut block.
  bool claimed_every_cut() const { return !cut_ || claimed_ == cut_->size(); }

  std::optional<YamlNode> take_root() { return std::move(root_); }

  // The innermost list or mapping still open when parsing stopped, if any.
  const YamlNode* innermost_open(YamlNode::Kind kind) const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      if (it->node.kind == kind) return &it->node;
    return nullptr;
  }

  // libyaml's marks are 0-based and count characters, as our columns do.
  void place(YamlNode& node, const yaml_mark_t& mark) const {
    node.line = static_cast<int>(mark.line) + first_line_;
    node.column = static_cast<int>(mark.column) + 1;
  }

  void scalar(const yaml_event_t& e) {
    YamlNode node;
    place(node, e.start_mark);
    const auto style = e.data.scalar.style;
    const std::string_view value(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
    const bool untagged = e.data.scalar.tag == nullptr;
    // Plain "", "~" and "null" are YAML's null, as yaml-cpp read them.
    if (style == YAML_PLAIN_SCALAR_STYLE && untagged &&
        (value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL")) {
      finish(std::move(node), anchor_of(e.data.scalar.anchor), e.start_mark);
      return;
    }
    node.kind = YamlNode::Kind::scalar;
    // A cut block's lines are empty in the text libyaml reads, so its value is "".
    CutBlock* block = style == YAML_LITERAL_SCALAR_STYLE && value.empty() ? cut_block_at(e.start_mark) : nullptr;
    if (block) {
      node.value = std::move(block->value);
      block->line = kClaimed;
      ++claimed_;
    } else {
      node.value.assign(value);
    }
    node.plain = style == YAML_PLAIN_SCALAR_STYLE;
    node.block = style == YAML_LITERAL_SCALAR_STYLE || style == YAML_FOLDED_SCALAR_STYLE;
    finish(std::move(node), anchor_of(e.data.scalar.anchor), e.start_mark);
  }

  void alias(const yaml_event_t& e) {
    YamlNode node;
    auto it = anchors_.find(anchor_of(e.data.alias.anchor));
    if (it != anchors_.end()) {
      // Aliases copy their anchor's subtree; cap the total so that a "billion
      // laughs" file is reported instead of exhausting memory.
      nodes_ += it->second.size;
      if (nodes_ > kMaxNodes) too_large(e.start_mark);
      node = it->second.node;
    }
    place(node, e.start_mark);
    finish(std::move(node), {}, e.start_mark);
  }

  void open(YamlNode::Kind kind, const yaml_mark_t& mark, const yaml_char_t* anchor) {
    Open o;
    o.node.kind = kind;
    place(o.node, mark);
    o.anchor = anchor_of(anchor);
    stack_.push_back(std::move(o));
  }

  void close(const yaml_mark_t& mark) {
    Open o = std::move(stack_.back());
    stack_.pop_back();
    if (o.node.is_mapping()) drop_duplicate_keys(o.node);
    finish(std::move(o.node), o.anchor, mark);
  }

 private:
  struct Open {
    YamlNode node;
    std::string anchor;
    std::optional<YamlNode> pending_key;
  };

  static constexpr std::size_t kClaimed = ~std::size_t{0};

  CutBlock* cut_block_at(const yaml_mark_t& mark) {
    if (!cut_) return nullptr;
    for (auto& block : *cut_)
      if (block.line == mark.line && block.column == mark.column) return &block;
    return nullptr;
  }

  static std::string anchor_of(const yaml_char_t* anchor) {
    return anchor ? std::string(reinterpret_cast<const char*>(anchor)) : std::string();
  }

  [[noreturn]] void too_large(const yaml_mark_t& mark) const {
    YamlNode where;
    place(where, mark);
    throw Stop{"the document expands to more than 2,000,000 values", where.line, where.column, {}};
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

  void finish(YamlNode node, const std::string& anchor, const yaml_mark_t& mark) {
    if (++nodes_ > kMaxNodes) too_large(mark);
    if (!anchor.empty()) anchors_[anchor] = {node, count_nodes(node)};
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
  int first_line_;
  Diagnostics& diagnostics_;
  std::vector<CutBlock>* cut_;
  std::size_t claimed_ = 0;
  std::vector<Open> stack_;
  struct Anchored {
    YamlNode node;
    std::size_t size = 0;
  };
  std::map<std::string, Anchored, std::less<>> anchors_;
  std::size_t nodes_ = 0;
  std::optional<YamlNode> root_;
};

// libyaml's wording, in the words yaml-cpp used (which the README and the
// tests quote), with a hint where the usual cause is known.
Stop syntax_error(const yaml_parser_t& p, const TreeBuilder& builder, int first_line) {
  std::string problem = p.problem ? p.problem : "the file cannot be read";
  const std::string context = p.context ? p.context : "";
  yaml_mark_t mark = p.problem_mark;
  if (p.error == YAML_READER_ERROR) {
    mark.line = 0;
    mark.column = 0;
  }
  Stop stop{problem, static_cast<int>(mark.line) + first_line, static_cast<int>(mark.column) + 1, {}};
  if (problem == "mapping values are not allowed in this context") {
    stop.message = "illegal map value";
    stop.hint = "check the indentation, and put text that holds ': ' in quotes";
  } else if (context == "while parsing a flow sequence" || context == "while parsing a flow mapping") {
    const bool sequence = context == "while parsing a flow sequence";
    stop.message = sequence ? "end of sequence flow not found" : "end of map flow not found";
    // libyaml notices an unclosed '[' or '{' only where the next key starts;
    // point at the bracket that was never closed instead.
    if (const YamlNode* open = builder.innermost_open(sequence ? YamlNode::Kind::sequence : YamlNode::Kind::mapping)) {
      stop.line = open->line;
      stop.column = open->column;
    } else {
      stop.line = static_cast<int>(p.context_mark.line) + first_line;
      stop.column = static_cast<int>(p.context_mark.column) + 1;
    }
    stop.hint = sequence ? "close the list with ']'" : "close the mapping with '}'";
  } else if (problem.find("tab") != std::string::npos) {
    stop.hint = "indent with spaces, not tabs";
  }
  return stop;
}

// libyaml's events over `text` into a tree. `complete` is set when the
// stream ended as it should and every cut block was found.
std::optional<YamlNode> parse_events(const SourceFile& source, std::string_view text, int first_line,
                                     Diagnostics& diagnostics, std::vector<CutBlock>* cut, bool& complete) {
  complete = false;
  TreeBuilder builder(source, first_line, diagnostics, cut);
  Parser parser(text);
  int documents = 0;
  try {
    for (;;) {
      Event e;
      if (!yaml_parser_parse(&parser.parser, &e.event)) throw syntax_error(parser.parser, builder, first_line);
      e.valid = true;
      const yaml_event_t& ev = e.event;
      switch (ev.type) {
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
        case YAML_NO_EVENT: break;
        case YAML_STREAM_END_EVENT:
          complete = builder.claimed_every_cut();
          return builder.take_root();
        case YAML_DOCUMENT_START_EVENT:
          // A second document in one file is almost always a stray '---'.
          if (++documents > 1) {
            diagnostics.error(source.at(first_line, 1), "the file holds more than one YAML document",
                              "remove the extra '---' line");
            return builder.take_root();
          }
          break;
        case YAML_SCALAR_EVENT: builder.scalar(ev); break;
        case YAML_ALIAS_EVENT: builder.alias(ev); break;
        case YAML_SEQUENCE_START_EVENT:
          builder.open(YamlNode::Kind::sequence, ev.start_mark, ev.data.sequence_start.anchor);
          break;
        case YAML_MAPPING_START_EVENT:
          builder.open(YamlNode::Kind::mapping, ev.start_mark, ev.data.mapping_start.anchor);
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: builder.close(ev.start_mark); break;
      }
    }
  } catch (const Stop& stop) {
    diagnostics.error(source.at(stop.line, stop.column), "YAML syntax error: " + stop.message, stop.hint);
    return std::nullopt;
  }
}

}  // namespace

namespace {
std::atomic<std::size_t> blocks_read{0};
std::atomic<std::size_t> simple_read{0};
}  // namespace

std::size_t yaml_blocks_read() { return blocks_read.load(); }
std::size_t yaml_simple_read() { return simple_read.load(); }

std::optional<YamlNode> parse_yaml(const SourceFile& source, std::string_view text, int first_line,
                                   Diagnostics& diagnostics) {
  // The long block scalars first (load/yaml_blocks.hpp); whenever libyaml
  // reads what is left differently than expected, or finds any problem, the
  // whole text again, so that what it reports is about the file as written.
  // Then the rest: by the simple reader when the file is simple enough
  // (load/yaml_simple.hpp), else by libyaml.
  auto cut = cut_literal_blocks(text);
  if (auto simple = parse_simple_yaml(cut ? cut->text : text, first_line, cut ? &cut->blocks : nullptr)) {
    simple_read.fetch_add(1, std::memory_order_relaxed);
    if (cut) blocks_read.fetch_add(cut->blocks.size(), std::memory_order_relaxed);
    return simple;
  }
  if (cut) {
    Diagnostics found;
    bool complete = false;
    auto root = parse_events(source, cut->text, first_line, found, &cut->blocks, complete);
    if (complete && found.empty()) {
      blocks_read.fetch_add(cut->blocks.size(), std::memory_order_relaxed);
      return root;
    }
  }
  return parse_yaml_whole(source, text, first_line, diagnostics);
}

std::optional<YamlNode> parse_yaml_whole(const SourceFile& source, std::string_view text, int first_line,
                                         Diagnostics& diagnostics) {
  bool complete = false;
  return parse_events(source, text, first_line, diagnostics, nullptr, complete);
}

}  // namespace og
