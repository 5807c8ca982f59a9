#include "render/mustache.hpp"

#include <algorithm>

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

// Which bytes need an entity: & < > " '.
constexpr bool needs_escape(unsigned char c) { return c == '&' || c == '<' || c == '>' || c == '"' || c == '\''; }

struct EscapeTable {
  bool escape[256] = {};
  constexpr EscapeTable() {
    for (int c = 0; c < 256; ++c) escape[c] = needs_escape(static_cast<unsigned char>(c));
  }
};
constexpr EscapeTable kEscape;

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const char* run = p;
    while (p < end && !kEscape.escape[static_cast<unsigned char>(*p)]) ++p;
    out.append(run, static_cast<std::size_t>(p - run));
    if (p == end) break;
    switch (*p) {
      case '&': out.append("&amp;", 5); break;
      case '<': out.append("&lt;", 4); break;
      case '>': out.append("&gt;", 4); break;
      case '"': out.append("&quot;", 6); break;
      default: out.append("&apos;", 6); break;
    }
    ++p;
  }
}

// ---- compiling ----

namespace {

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string> split_path(std::string_view name) {
  // As kainjow splits: "a.b" -> {"a", "b"}; a trailing '.' adds nothing.
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
  const std::size_t space = inner.find(' ');
  if (space == std::string_view::npos) return false;
  const std::size_t second = inner.find_first_not_of(' ', space + 1);
  if (second == std::string_view::npos) return false;
  const std::string_view a = inner.substr(0, space), b = inner.substr(second);
  const auto valid = [](std::string_view d) {
    return std::none_of(d.begin(), d.end(), [](char c) {
      return c == '=' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    });
  };
  if (!valid(a) || !valid(b)) return false;
  open = a;
  close = b;
  return true;
}

}  // namespace

std::optional<Template> Template::compile(std::string_view input, TemplateError& error) {
  Template t;
  std::string open = "{{", close = "}}";
  bool braces = true;
  struct OpenSection {
    std::uint32_t node;
    std::size_t position;
    std::string name;
    std::string closed_by;  // the name in the end tag that closed it
    bool closed = false;
  };
  std::vector<OpenSection> sections;      // every section, in the order opened
  std::vector<std::size_t> stack;         // indexes into `sections` still open
  std::string text;

  const auto flush_text = [&] {
    if (text.empty()) return;
    t.nodes_.push_back({Kind::text, false, 0, std::move(text), {}});
    text.clear();
  };

  std::size_t pos = 0;
  const std::size_t size = input.size();
  while (pos < size) {
    if (input.compare(pos, open.size(), open) != 0) {
      const char c = input[pos];
      if (c == '\n' || c == '\r') {
        flush_text();
        const std::size_t length = (c == '\r' && pos + 1 < size && input[pos + 1] == '\n') ? 2 : 1;
        t.nodes_.push_back({Kind::newline, false, 0, std::string(input.substr(pos, length)), {}});
        pos += length;
      } else {
        text += c;
        ++pos;
      }
      continue;
    }
    flush_text();
    const std::size_t tag_start = pos;
    std::size_t contents_start = pos + open.size();
    const bool triple = braces && tag_start != size - 2 && contents_start < size && input[contents_start] == '{';
    const std::string_view end_delimiter = triple ? std::string_view("}}}") : std::string_view(close);
    if (triple) ++contents_start;
    const std::size_t tag_end = input.find(end_delimiter, contents_start);
    if (tag_end == std::string_view::npos) {
      error = {"unclosed tag", tag_start};
      return std::nullopt;
    }
    pos = tag_end + end_delimiter.size();
    const std::string_view contents = trim(input.substr(contents_start, tag_end - contents_start));

    if (!contents.empty() && contents[0] == '=') {
      if (!parse_delimiters(contents, open, close)) {
        error = {"invalid set delimiter tag", tag_start};
        return std::nullopt;
      }
      braces = open == "{{" && close == "}}";
      continue;
    }
    Node node{Kind::variable, false, 0, {}, {}};
    std::string_view name = contents;
    if (triple) {
      node.kind = Kind::unescaped;
    } else if (!contents.empty()) {
      const char sigil = contents[0];
      if (std::string_view("#^/&!>").find(sigil) != std::string_view::npos) name = trim(contents.substr(1));
      if (sigil == '!' || sigil == '>') continue;  // comments; partials were inlined before compiling
      if (sigil == '#') node.kind = Kind::section;
      if (sigil == '^') node.kind = Kind::inverted;
      if (sigil == '&') node.kind = Kind::unescaped;
      if (sigil == '/') {
        if (stack.empty()) {
          error = {"unopened section \"" + std::string(name) + "\"", tag_start};
          return std::nullopt;
        }
        OpenSection& open_section = sections[stack.back()];
        open_section.closed = true;
        open_section.closed_by = name;
        t.nodes_[open_section.node].end = static_cast<std::uint32_t>(t.nodes_.size());
        stack.pop_back();
        continue;
      }
    }
    node.dot = name == ".";
    if (!node.dot) node.path = split_path(name);
    if (node.kind == Kind::section || node.kind == Kind::inverted) {
      stack.push_back(sections.size());
      sections.push_back({static_cast<std::uint32_t>(t.nodes_.size()), tag_start, std::string(name), {}, false});
    }
    t.nodes_.push_back(std::move(node));
  }
  flush_text();
  // Like kainjow, the first section (in the order opened) that was never
  // closed, or was closed under another name, is the error.
  for (const auto& s : sections) {
    if (!s.closed || s.closed_by != s.name) {
      error = {"unclosed section \"" + s.name + "\"", s.position};
      return std::nullopt;
    }
  }
  return t;
}

// ---- rendering ----

struct Template::State {
  std::string& out;
  std::vector<const data*> stack;  // innermost last
  std::size_t line_start = 0;      // where the current output line began
  bool section_on_line = false;    // a section tag rendered on the current line

  const data* lookup(const Node& node) const {
    if (node.dot) return stack.back();
    if (node.path.empty()) return nullptr;  // {{}}
    if (node.path.size() == 1) {
      for (auto it = stack.rbegin(); it != stack.rend(); ++it)
        if (const data* v = (*it)->get(node.path[0])) return v;
      return nullptr;
    }
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
      const data* v = *it;
      for (const auto& part : node.path) {
        v = v->get(part);
        if (!v) break;
      }
      if (v) return v;
    }
    return nullptr;
  }

  bool line_is_blank() const {
    for (std::size_t i = line_start; i < out.size(); ++i)
      if (out[i] != ' ' && out[i] != '\t') return false;
    return true;
  }

  // A line that held only section tags and whitespace is left out.
  void end_line(std::string_view newline) {
    if (section_on_line && line_is_blank()) out.resize(line_start);
    else out.append(newline);
    line_start = out.size();
    section_on_line = false;
  }
};

void Template::render_range(std::uint32_t i, std::uint32_t end, State& s) const {
  while (i < end) {
    const Node& node = nodes_[i];
    switch (node.kind) {
      case Kind::text: s.out.append(node.text); break;
      case Kind::newline: s.end_line(node.text); break;
      case Kind::variable:
      case Kind::unescaped:
        if (const data* v = s.lookup(node); v && v->is_string()) {
          if (node.kind == Kind::variable) append_escaped(s.out, v->string_value());
          else s.out.append(v->string_value());
        }
        break;
      case Kind::section: {
        const data* v = s.lookup(node);
        if (v && !v->is_false() && !v->is_empty_list()) {
          if (v->is_list()) {
            for (const data& item : v->list_value()) {
              s.section_on_line = true;
              s.stack.push_back(&item.resolved());
              render_range(i + 1, node.end, s);
              s.stack.pop_back();
              s.section_on_line = true;
            }
          } else {
            s.section_on_line = true;
            s.stack.push_back(v);
            render_range(i + 1, node.end, s);
            s.stack.pop_back();
            s.section_on_line = true;
          }
        }
        i = node.end;
        continue;
      }
      case Kind::inverted: {
        const data* v = s.lookup(node);
        if (!v || v->is_false() || v->is_empty_list()) {
          s.section_on_line = true;
          if (v) s.stack.push_back(v);
          render_range(i + 1, node.end, s);
          if (v) s.stack.pop_back();
          s.section_on_line = true;
        }
        i = node.end;
        continue;
      }
    }
    ++i;
  }
}

void Template::render(const data& root, std::string& out) const {
  State state{out, {&root.resolved()}, out.size(), false};
  state.stack.reserve(8);
  render_range(0, static_cast<std::uint32_t>(nodes_.size()), state);
  // The last line, if it has no newline, follows the same rule.
  if (state.section_on_line && state.line_is_blank()) out.resize(state.line_start);
}

}  // namespace og::mustache
