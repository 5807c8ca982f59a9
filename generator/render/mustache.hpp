// offergen's own Mustache engine: templates compiled once into a flat list of
// nodes and rendered straight into one std::string, with data that moves
// instead of copying.
//
// Why not kainjow (which offergen used before): on a 10,000-service site its
// rendering and its data model were the largest cost after YAML parsing.
// Every basic_data is an unordered_map behind a unique_ptr, set() and
// push_back() deep-copy their argument, and rendering goes through a
// std::function per node and per output chunk (see bench/README.md).
//
// The semantics are kainjow's, byte for byte, because the templates and the
// page builders rely on them:
// - {{name}} is HTML-escaped (& < > " '), {{{name}}} and {{&name}} are not;
//   only strings print: true, false, lists and objects print nothing.
// - Names are looked up from the innermost context outwards; {{.}} is the
//   innermost context itself; {{a.b}} resolves 'a' in the innermost context
//   that has the whole path.
// - {{#x}} renders nothing when x is missing, false or an empty list, once
//   per item for a list, and once otherwise (with x as the innermost context).
//   An empty string is true: page builders use put() to set false instead.
// - {{^x}} renders when x is missing, false or an empty list.
// - A line that holds only a section tag (or only whitespace besides the
//   section tags that rendered) is left out, as kainjow does.
// - {{! comment}} and {{=<% %>=}} (set delimiters) are understood; partials
//   ({{> name}}) are inlined by TemplateSet before compiling.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace og::mustache {

// A value for templates: an object (keys in the order set), a list, a string
// or a boolean. The constructors and set()/push_back() mirror kainjow's, so
// page builders read the same; arguments are taken by value and moved.
class data {
 public:
  enum class type : std::uint8_t { object, string, list, bool_true, bool_false, reference };

  data() = default;  // an empty object
  data(type t) : type_(t) {}  // NOLINT: kainjow's data{data::type::list}
  data(std::string s) : type_(type::string), string_(std::move(s)) {}  // NOLINT
  data(const char* s) : type_(type::string), string_(s) {}              // NOLINT
  data(bool b) : type_(b ? type::bool_true : type::bool_false) {}      // NOLINT

  // A value that stands for `target` without copying it: a service's card,
  // built once, in every list that shows it. `target` must outlive it.
  static data ref(const data& target) {
    data d(type::reference);
    d.target_ = &target.resolved();
    return d;
  }

  // Objects: sets `key`, replacing a value set before.
  void set(std::string key, data value);
  // Lists: appends `value`.
  void push_back(data value);
  // Objects and lists: makes room for `n` values.
  void reserve(std::size_t n);

  // What the value is (a reference answers for its target).
  bool is_object() const { return resolved().type_ == type::object; }
  bool is_string() const { return resolved().type_ == type::string; }
  bool is_list() const { return resolved().type_ == type::list; }
  bool is_true() const { return resolved().type_ == type::bool_true; }
  bool is_false() const { return resolved().type_ == type::bool_false; }
  bool is_empty_list() const { return is_list() && resolved().children_.empty(); }

  // The value for `key` in an object, or nullptr (for other types too).
  const data* get(std::string_view key) const;
  const std::string& string_value() const { return resolved().string_; }
  const std::vector<data>& list_value() const { return resolved().children_; }
  const data& resolved() const { return type_ == type::reference && target_ ? *target_ : *this; }

 private:
  type type_ = type::object;
  const data* target_ = nullptr;  // references
  std::string string_;
  std::vector<std::string> keys_;  // objects: keys_[i] names children_[i]
  std::vector<data> children_;     // objects' values, lists' items
};

// Where a template could not be compiled, in kainjow's words: "unclosed
// section \"items\"" at byte `offset` of the template's text.
struct TemplateError {
  std::string message;
  std::size_t offset = 0;
};

class Template {
 public:
  // Compiles `text`, or returns nullopt and sets `error`.
  static std::optional<Template> compile(std::string_view text, TemplateError& error);

  // Appends the template rendered with `root` to `out`.
  void render(const data& root, std::string& out) const;
  std::string render(const data& root) const {
    std::string out;
    render(root, out);
    return out;
  }

 private:
  enum class Kind : std::uint8_t { text, newline, variable, unescaped, section, inverted };
  struct Node {
    Kind kind;
    bool dot = false;                // {{.}}
    std::uint32_t end = 0;           // sections: index of the first node after the section
    std::string text;                // text and newlines
    std::vector<std::string> path;   // names: "contact.phone" -> {"contact", "phone"}
  };
  struct State;
  void render_range(std::uint32_t begin, std::uint32_t end, State& state) const;

  std::vector<Node> nodes_;
};

// Appends `text` to `out`, escaping & < > " ' as kainjow does.
void append_escaped(std::string& out, std::string_view text);

}  // namespace og::mustache
