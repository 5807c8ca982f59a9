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
// It passes the Mustache specification's core tests, all 136 of them
// (comments, delimiters, interpolation, inverted, partials, sections: see
// tests/unit/mustache_spec_test.cpp); the optional modules (lambdas,
// inheritance, dynamic names) are not supported. In short:
// - {{name}} is HTML-escaped (& < > " '), {{{name}}} and {{&name}} are not.
//   Only strings print: true, false, lists and objects print nothing, where
//   the spec's text (though no core test) would turn them into text. Page
//   builders store a missing value as false, so that {{#x}} skips it, and
//   {{x}} must then print nothing. The data has no numbers: page builders
//   write them as text (the spec test turns the spec's numbers into their
//   JSON text).
// - Names are looked up from the innermost context outwards; {{.}} is the
//   innermost context itself; in {{a.b}}, 'a' is looked up so and 'b' only
//   inside it.
// - {{#x}} renders nothing when x is missing, false or an empty list, once
//   per item for a list, and once otherwise (with x as the innermost context).
//   An empty string is true (the spec leaves that to the implementation):
//   page builders use put() to set false instead.
// - {{^x}} renders when x is missing, false or an empty list.
// - A line that holds only a section, inverted, end, comment, partial or
//   set-delimiter tag (and spaces or tabs) is left out of the output, whether
//   the section renders or not ("standalone" in the spec).
// - {{> name}} renders the partial `name` from the Partials given to
//   render(), with the delimiters {{ }} whatever the includer set, and a
//   delimiter change inside it stays inside it; a missing partial renders
//   nothing. A standalone partial takes its line's place, its indentation
//   before each of the partial's lines. A partial may include itself (a tree,
//   inside a section) when the section goes into the data (a tree: a name
//   of the innermost context); otherwise it would only repeat itself, and is
//   not included. Past 64 nested partials nothing more is included.
// - Rendering stops, and render() says so, past RenderLimits: partials that
//   include each other many times over, or sections that go through a list
//   from inside its own items, multiply beyond any page (found by
//   fuzz/mustache_fuzz.cpp: 2.2 million partials, 289 MB from 500 bytes).
//
// Where kainjow departed from the spec, this follows the spec (see
// docs/templates.md, "From kainjow to offergen's own engine").
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
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

  data() = default;                                                    // an empty object
  data(type t) : type_(t) {}                                           // NOLINT: kainjow's data{data::type::list}
  data(std::string s) : type_(type::string), string_(std::move(s)) {}  // NOLINT
  data(const char* s) : type_(type::string), string_(s) {}             // NOLINT
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
  bool is_string() const { return resolved().type_ == type::string; }
  bool is_list() const { return resolved().type_ == type::list; }
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

class Template;

// How much one render() may do: tags, text and list items visited, and
// bytes written. offergen's own templates make the longest page of a
// 10,000-service site (the list of services) in 20,705 steps and 4.5 MB: the
// limits leave room for 100,000 services and wordier templates, and stop a
// runaway page in under a second.
struct RenderLimits {
  std::uint64_t steps = 10'000'000;
  std::size_t bytes = std::size_t{128} << 20;
};

// Templates by name, for {{> name}}. They are looked up as the template
// renders, so a partial may include itself.
using Partials = std::map<std::string, Template, std::less<>>;

class Template {
 public:
  // Compiles `text`, or returns nullopt and sets `error`.
  static std::optional<Template> compile(std::string_view text, TemplateError& error);

  // Appends the template rendered with `root` to `out`, taking {{> name}}
  // from `partials` (none when null). False when it stopped at `limits`
  // (what was written so far stays in `out`).
  bool render(const data& root, std::string& out, const Partials* partials = nullptr,
              const RenderLimits& limits = {}) const;
  std::string render(const data& root, const Partials* partials = nullptr) const {
    std::string out;
    render(root, out, partials);
    return out;
  }

  // A tag that names something, as written: TemplateSet checks the partials
  // with them and reports where they are.
  enum class TagKind : std::uint8_t { variable, unescaped, section, inverted, partial };
  struct Tag {
    TagKind kind;
    std::string name;            // "contact.phone", ".", a partial's name
    std::size_t offset = 0;      // of the tag's first byte in the text
    std::uint32_t sections = 0;  // how many sections (and inverted) it is inside
  };
  const std::vector<Tag>& tags() const { return tags_; }

 private:
  enum class Kind : std::uint8_t { text, variable, unescaped, section, inverted, partial };
  struct Node {
    Kind kind;
    bool dot = false;               // {{.}}
    bool line_start = false;        // begins a non-empty line: a partial's indentation goes first
    bool standalone = false;        // partials alone on their line: the partial is indented
    std::uint32_t end = 0;          // sections: index of the first node after the section
    std::string text;               // text; partials: the name
    std::string indent;             // standalone partials: the whitespace before the tag
    std::vector<std::string> path;  // names: "contact.phone" -> {"contact", "phone"}
  };
  struct State;
  friend class Compiler;
  void render_range(std::uint32_t begin, std::uint32_t end, State& state) const;
  void render_section(const Node& node, std::uint32_t index, State& state) const;
  void render_partial(const Node& node, State& state) const;

  std::vector<Node> nodes_;
  std::vector<Tag> tags_;
};

}  // namespace og::mustache
