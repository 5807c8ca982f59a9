#include "render/mustache.hpp"

#include <algorithm>
#include <array>

namespace og::mustache {

// ---- data ----

void data::set(std::string key, data value) {
  if (type_ != type::object) return;
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == key) {
      children_[i] = std::move(value);
      return;
    }
  }
  keys_.push_back(std::move(key));
  children_.push_back(std::move(value));
}

void data::push_back(data value) {
  if (type_ == type::list) children_.push_back(std::move(value));
}

void data::reserve(std::size_t n) {
  if (type_ == type::object) keys_.reserve(n);
  if (type_ == type::object || type_ == type::list) children_.reserve(n);
}

const data* data::get(std::string_view key) const {
  const data& self = resolved();
  if (self.type_ != type::object) return nullptr;
  for (std::size_t i = 0; i < self.keys_.size(); ++i)
    if (self.keys_[i] == key) return &self.children_[i].resolved();
  return nullptr;
}

// ---- escaping ----

namespace {

// The entity of each byte that needs one (& < > " '), as kainjow wrote them;
// empty for the others.
constexpr auto kEntities = [] {
  std::array<std::string_view, 256> entities{};
  entities['&'] = "&amp;";
  entities['<'] = "&lt;";
  entities['>'] = "&gt;";
  entities['"'] = "&quot;";
  entities['\''] = "&apos;";
  return entities;
}();

// Appends `text` to `out`, escaped: runs without an entity are copied at once.
void append_escaped(std::string& out, std::string_view text) {
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const char* run = p;
    while (p < end && kEntities[static_cast<unsigned char>(*p)].empty()) ++p;
    out.append(run, static_cast<std::size_t>(p - run));
    if (p == end) break;
    out.append(kEntities[static_cast<unsigned char>(*p)]);
    ++p;
  }
}

}  // namespace

// ---- compiling ----

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

std::vector<std::string> split_path(std::string_view name) {
  // "a.b" -> {"a", "b"}; a trailing '.' adds nothing.
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start < name.size()) {
    const std::size_t dot = name.find('.', start);
    const std::size_t end = dot == std::string_view::npos ? name.size() : dot;
    parts.emplace_back(name.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// "=<% %>=": the new delimiters, or false when the tag is malformed.
bool parse_delimiters(std::string_view contents, std::string& open, std::string& close) {
  if (contents.size() < 5 || contents.back() != '=') return false;
  const std::string_view inner = trim(contents.substr(1, contents.size() - 2));
  const std::size_t space = inner.find_first_of(" \t");
  if (space == std::string_view::npos) return false;
  const std::size_t second = inner.find_first_not_of(" \t", space + 1);
  if (second == std::string_view::npos) return false;
  const std::string_view a = inner.substr(0, space), b = inner.substr(second);
  const auto valid = [](std::string_view d) {
    return std::none_of(d.begin(), d.end(), [](char c) { return c == '=' || is_space(c); });
  };
  if (!valid(a) || !valid(b)) return false;
  open = a;
  close = b;
  return true;
}

}  // namespace

// Reads a template into nodes. Text is cut at line ends, so that each line's
// first node can be marked for a partial's indentation; a tag alone on its
// line (a "standalone" tag) takes the whole line with it.
class Compiler {
 public:
  Compiler(std::string_view input, Template& t, TemplateError& error) : in_(input), t_(t), error_(error) {}

  bool run() {
    while (pos_ < in_.size()) {
      const std::size_t next = in_.find(open_, pos_);
      add_text(next == std::string_view::npos ? in_.size() : next);
      if (next != std::string_view::npos && !tag()) return false;
    }
    flush_text();
    // Like kainjow, the first section (in the order opened) that was never
    // closed, or was closed under another name, is the error.
    for (const auto& s : sections_) {
      if (!s.closed || s.closed_by != s.name) return fail("unclosed section \"" + s.name + "\"", s.position);
    }
    return true;
  }

 private:
  using Kind = Template::Kind;
  using TagKind = Template::TagKind;
  struct OpenSection {
    std::uint32_t node;
    std::size_t position;
    std::string name;
    std::string closed_by;  // the name in the end tag that closed it
    bool closed = false;
  };

  bool fail(std::string message, std::size_t offset) {
    error_ = {std::move(message), offset};
    return false;
  }

  // Text up to `end`, one node per line.
  void add_text(std::size_t end) {
    while (pos_ < end) {
      const std::size_t newline = in_.find('\n', pos_);
      const std::size_t stop = newline == std::string_view::npos || newline >= end ? end : newline + 1;
      text_.append(in_.substr(pos_, stop - pos_));
      pos_ = stop;
      if (in_[stop - 1] == '\n') {
        flush_text();
        line_begin_ = pos_;
        at_line_start_ = true;
      }
    }
  }

  void flush_text() {
    if (text_.empty()) return;
    push({Kind::text, false, false, false, 0, std::move(text_), {}, {}});
    text_.clear();
  }

  void push(Template::Node node) {
    // A line's first node; lines with nothing on them get no indentation.
    node.line_start = at_line_start_ && line_begin_ < in_.size() && in_[line_begin_] != '\n' &&
                      in_.compare(line_begin_, 2, "\r\n") != 0;
    at_line_start_ = false;
    t_.nodes_.push_back(std::move(node));
  }

  // Whether the tag that ends at `after` is alone on its line; if so, where
  // the line ends (after its newline).
  std::optional<std::size_t> standalone_end(std::size_t tag_start, std::size_t after) const {
    if (!is_blank(in_.substr(line_begin_, tag_start - line_begin_))) return std::nullopt;
    while (after < in_.size() && (in_[after] == ' ' || in_[after] == '\t')) ++after;
    if (after == in_.size()) return after;
    if (in_[after] == '\n') return after + 1;
    if (in_.compare(after, 2, "\r\n") == 0) return after + 2;
    return std::nullopt;
  }

  bool tag();
  void add_tag(Kind kind, std::string_view name, std::size_t offset);
  bool close_section(std::string_view name, std::size_t tag_start);

  std::string_view in_;
  Template& t_;
  TemplateError& error_;
  std::string open_ = "{{", close_ = "}}";
  std::size_t pos_ = 0;
  std::size_t line_begin_ = 0;         // where the current line of the input began
  bool at_line_start_ = true;          // no node yet on the current line
  std::string text_;                   // text of the current line not yet in a node
  std::vector<OpenSection> sections_;  // every section, in the order opened
  std::vector<std::size_t> stack_;     // indexes into `sections_` still open
};

bool Compiler::tag() {
  const std::size_t tag_start = pos_;
  std::size_t contents_start = pos_ + open_.size();
  const bool triple = open_ == "{{" && close_ == "}}" && contents_start < in_.size() && in_[contents_start] == '{';
  const std::string_view end_delimiter = triple ? std::string_view("}}}") : std::string_view(close_);
  if (triple) ++contents_start;
  const std::size_t tag_end = in_.find(end_delimiter, contents_start);
  if (tag_end == std::string_view::npos) return fail("unclosed tag", tag_start);
  const std::size_t after = tag_end + end_delimiter.size();
  const std::string_view contents = trim(in_.substr(contents_start, tag_end - contents_start));
  const char sigil = triple || contents.empty() ? '\0' : contents[0];
  const bool may_stand_alone = sigil && std::string_view("#^/!>=").find(sigil) != std::string_view::npos;
  const std::optional<std::size_t> line_end = may_stand_alone ? standalone_end(tag_start, after) : std::nullopt;
  std::string indent;
  if (line_end) {
    indent = std::move(text_);  // only spaces and tabs: the line is the tag's
    text_.clear();
    pos_ = *line_end;
    line_begin_ = pos_;
    at_line_start_ = true;
  } else {
    pos_ = after;
    if (sigil != '!' && sigil != '=') flush_text();
  }
  if (sigil == '!') return true;
  if (sigil == '=') return parse_delimiters(contents, open_, close_) || fail("invalid set delimiter tag", tag_start);
  const bool has_sigil = sigil && std::string_view("#^/&>").find(sigil) != std::string_view::npos;
  const std::string_view name = has_sigil ? trim(contents.substr(1)) : contents;
  if (sigil == '/') return close_section(name, tag_start);

  Template::Node node{Kind::variable, name == ".", false, false, 0, {}, {}, {}};
  switch (sigil) {
    case '#':
      node.kind = Kind::section;
      break;
    case '^':
      node.kind = Kind::inverted;
      break;
    case '>':
      node.kind = Kind::partial;
      break;
    case '&':
      node.kind = Kind::unescaped;
      break;
    default:
      node.kind = triple ? Kind::unescaped : Kind::variable;
      break;
  }
  if (node.kind == Kind::partial) {
    node.text = name;
    node.standalone = line_end.has_value();
    node.indent = std::move(indent);
  } else if (!node.dot) {
    node.path = split_path(name);
  }
  add_tag(node.kind, name, tag_start);
  if (node.kind == Kind::section || node.kind == Kind::inverted) {
    stack_.push_back(sections_.size());
    sections_.push_back({static_cast<std::uint32_t>(t_.nodes_.size()), tag_start, std::string(name), {}, false});
  }
  // A standalone tag is not the first thing on a line: its line is gone.
  if (line_end)
    t_.nodes_.push_back(std::move(node));
  else
    push(std::move(node));
  return true;
}

void Compiler::add_tag(Kind kind, std::string_view name, std::size_t offset) {
  TagKind tag_kind = TagKind::variable;
  if (kind == Kind::unescaped) tag_kind = TagKind::unescaped;
  if (kind == Kind::section) tag_kind = TagKind::section;
  if (kind == Kind::inverted) tag_kind = TagKind::inverted;
  if (kind == Kind::partial) tag_kind = TagKind::partial;
  t_.tags_.push_back({tag_kind, std::string(name), offset, static_cast<std::uint32_t>(stack_.size())});
}

bool Compiler::close_section(std::string_view name, std::size_t tag_start) {
  if (stack_.empty()) return fail("unopened section \"" + std::string(name) + "\"", tag_start);
  OpenSection& open_section = sections_[stack_.back()];
  open_section.closed = true;
  open_section.closed_by = name;
  t_.nodes_[open_section.node].end = static_cast<std::uint32_t>(t_.nodes_.size());
  stack_.pop_back();
  return true;
}

std::optional<Template> Template::compile(std::string_view input, TemplateError& error) {
  Template t;
  if (!Compiler(input, t, error).run()) return std::nullopt;
  return t;
}

// ---- rendering ----

namespace {
constexpr unsigned kMaxPartialDepth = 64;  // partials inside partials, as deep as rendering goes
}  // namespace

struct Template::State {
  std::string& out;
  std::vector<const data*> stack;  // innermost last
  const Partials* partials;
  std::string indent;  // a standalone partial's indentation, for each of its lines
  // Beside `stack`: whether each context was found inside the one before it
  // (a section over a name of the innermost context), not further out.
  std::vector<bool> deeper;
  // The partials being rendered, each with the stack's size where it was included.
  std::vector<std::pair<const Template*, std::size_t>> active;
  RenderLimits limits;
  std::size_t start = out.size();  // what the caller had written before
  std::uint64_t steps = 0;
  bool stopped = false;

  // Counts a step (a tag, a piece of text, a list item); false (for good)
  // once past the limits.
  bool step() {
    if (++steps > limits.steps || out.size() - start > limits.bytes) stopped = true;
    return !stopped;
  }

  // Sets `inner` when the value is inside the innermost context.
  const data* lookup(const Node& node, bool* inner = nullptr) const {
    if (inner) *inner = false;
    if (node.dot) return stack.back();
    if (node.path.empty()) return nullptr;  // {{}}
    const data* v = nullptr;
    for (auto it = stack.rbegin(); it != stack.rend() && !v; ++it) {
      v = (*it)->get(node.path[0]);
      if (v && inner) *inner = it == stack.rbegin();
    }
    for (std::size_t i = 1; v && i < node.path.size(); ++i) v = v->get(node.path[i]);
    return v;
  }
  void push(const data* v, bool inner) {
    stack.push_back(v);
    deeper.push_back(inner);
  }
  void pop() {
    stack.pop_back();
    deeper.pop_back();
  }
  // Whether the partial `t` may be rendered here: when it is being rendered
  // already, only deeper in the data than there. A partial inside itself
  // that does not go into the data could only repeat itself down to the
  // depth limit, and twice in a section that is 2^64 times (found by
  // fuzz/mustache_fuzz.cpp); a tree's recursion always goes into the data.
  bool may_render(const Template* t) const {
    const auto it = std::find_if(active.rbegin(), active.rend(), [&](const auto& a) { return a.first == t; });
    if (it == active.rend()) return true;
    return stack.size() > it->second && std::all_of(deeper.begin() + static_cast<std::ptrdiff_t>(it->second),
                                                    deeper.end(), [](bool d) { return d; });
  }
};

void Template::render_range(std::uint32_t i, std::uint32_t end, State& s) const {
  while (i < end && s.step()) {
    const Node& node = nodes_[i];
    if (node.line_start && !s.indent.empty()) s.out.append(s.indent);
    switch (node.kind) {
      case Kind::text:
        s.out.append(node.text);
        break;
      case Kind::variable:
      case Kind::unescaped:
        if (const data* v = s.lookup(node); v && v->is_string()) {
          if (node.kind == Kind::variable)
            append_escaped(s.out, v->string_value());
          else
            s.out.append(v->string_value());
        }
        break;
      case Kind::section:
      case Kind::inverted:
        render_section(node, i, s);
        i = node.end;
        continue;
      case Kind::partial:
        render_partial(node, s);
        break;
    }
    ++i;
  }
}

void Template::render_section(const Node& node, std::uint32_t index, State& s) const {
  bool inner = false;
  const data* v = s.lookup(node, &inner);
  const bool falsy = !v || v->is_false() || v->is_empty_list();
  if (node.kind == Kind::inverted) {
    if (!falsy) return;
    if (v) s.push(v, inner);
    render_range(index + 1, node.end, s);
    if (v) s.pop();
    return;
  }
  if (falsy) return;
  if (v->is_list()) {
    for (const data& item : v->list_value()) {
      if (!s.step()) return;  // a section with nothing in it still goes through its list
      s.push(&item.resolved(), inner);
      render_range(index + 1, node.end, s);
      s.pop();
    }
    return;
  }
  s.push(v, inner);
  render_range(index + 1, node.end, s);
  s.pop();
}

void Template::render_partial(const Node& node, State& s) const {
  if (!s.partials || s.active.size() >= kMaxPartialDepth) return;
  const auto it = s.partials->find(node.text);
  if (it == s.partials->end()) return;
  if (!s.may_render(&it->second)) return;
  // A standalone partial is indented as its tag was (inside a partial that
  // was itself indented, by both); one inside a line is not.
  std::string outer = std::move(s.indent);
  s.indent = node.standalone ? outer + node.indent : std::string();
  s.active.emplace_back(&it->second, s.stack.size());
  it->second.render_range(0, static_cast<std::uint32_t>(it->second.nodes_.size()), s);
  s.active.pop_back();
  s.indent = std::move(outer);
}

bool Template::render(const data& root, std::string& out, const Partials* partials, const RenderLimits& limits) const {
  State state{out, {&root.resolved()}, partials, {}, {false}, {}, limits};
  state.stack.reserve(8);
  render_range(0, static_cast<std::uint32_t>(nodes_.size()), state);
  return !state.stopped && out.size() - state.start <= limits.bytes;
}

}  // namespace og::mustache
