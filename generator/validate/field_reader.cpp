#include "validate/field_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "core/text.hpp"
#include "load/content_files.hpp"
#include "load/limits.hpp"
#include "validate/formats.hpp"

namespace og {

// Markdown nested past kMaxMarkdownDepth is reported, and left out so that
// cmark-gfm never builds the nest.
static Markdown within_limits(Markdown md, Diagnostics& diagnostics) {
  const auto deep = check_markdown_depth(md.text);
  if (!deep) return md;
  const auto [line, column] = line_and_column(md.text, deep->pos);
  Location where = md.origin;
  where.line += line - 1;
  where.column = line == 1 ? md.origin.column + column - 1 : column + md.column_shift;
  diagnostics.error(where, deep->message, deep->hint);
  return {};
}

FieldReader::FieldReader(const YamlNode* node, const SourceFile& source, Diagnostics& diagnostics,
                         std::string_view what)
    : source_(source), diagnostics_(diagnostics), what_(what) {
  if (node && node->is_mapping()) {
    map_ = node;
    return;
  }
  const Location where = node ? at(*node) : source.at(1, 1);
  diagnostics_.error(where,
                     what_ + " must be a mapping of keys to values, not " + (node ? describe_kind(*node) : "nothing"),
                     "write it as lines of 'key: value'");
}

FieldReader FieldReader::document(const YamlNode* node, const SourceFile& source, Diagnostics& diagnostics,
                                  std::string_view what) {
  FieldReader r(node, source, diagnostics, what);
  r.document_ = true;
  return r;
}

Location FieldReader::here() const {
  return map_ ? at(*map_) : source_.at(1, 1);
}

Location FieldReader::at(const YamlNode& node) const {
  return source_.at(node.line, node.column);
}

void FieldReader::allow(std::string_view key) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.push_back(key);
}

void FieldReader::missing(std::string_view key) {
  diagnostics_.error(document_ ? source_.at(0, 0) : here(), what_ + " has no '" + std::string(key) + "'",
                     "add a line '" + std::string(key) + ": ...'");
}

const YamlNode* FieldReader::key_node(std::string_view key) const {
  if (!map_) return nullptr;
  for (const auto& e : map_->entries)
    if (e.key.is_scalar() && e.key.value == key) return &e.key;
  return nullptr;
}

const YamlNode* FieldReader::node(std::string_view key, Need need) {
  allow(key);
  if (!map_) return nullptr;
  const YamlNode* value = map_->find(key);
  if (value && value->is_null()) value = nullptr;
  if (!value && need == Need::required) {
    if (const YamlNode* k = key_node(key)) {
      diagnostics_.error(at(*k), "'" + std::string(key) + "' is empty", "give it a value");
    } else {
      missing(key);
    }
  }
  return value;
}

std::optional<std::string> FieldReader::scalar_text(const YamlNode& value, std::string_view key) {
  if (!value.is_scalar()) {
    diagnostics_.error(at(value), "'" + std::string(key) + "' must be text, not " + describe_kind(value));
    return std::nullopt;
  }
  return std::string(trim(value.value));
}

const YamlNode* FieldReader::scalar(std::string_view key, Need need, std::string& text) {
  const YamlNode* value = node(key, need);
  if (!value) return nullptr;
  auto s = scalar_text(*value, key);
  if (!s) return nullptr;
  text = std::move(*s);
  return value;
}

std::string FieldReader::text(std::string_view key, Need need) {
  std::string s;
  const YamlNode* value = scalar(key, need, s);
  if (value && s.empty() && need == Need::required)
    diagnostics_.error(at(*value), "'" + std::string(key) + "' is empty", "give it a value");
  return s;
}

std::optional<long> FieldReader::integer(std::string_view key, long min, long max, Need need) {
  std::string s;
  const YamlNode* value = scalar(key, need, s);
  if (!value) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long n = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || errno != 0 || !value->plain) {
    diagnostics_.error(at(*value), "'" + std::string(key) + "' must be a whole number, not '" + s + "'");
    return std::nullopt;
  }
  if (n < min || n > max) {
    diagnostics_.error(at(*value), "'" + std::string(key) + "' must be from " + std::to_string(min) + " to " +
                                       std::to_string(max) + ", not " + std::to_string(n));
    return std::nullopt;
  }
  return n;
}

std::optional<bool> FieldReader::boolean(std::string_view key) {
  const YamlNode* value = node(key, Need::optional);
  if (!value) return std::nullopt;
  const std::string must = "'" + std::string(key) + "' must be true or false, not ";
  if (!value->is_scalar()) {
    diagnostics_.error(at(*value), must + describe_kind(*value));
    return std::nullopt;
  }
  const std::string s(trim(value->value)), lower = to_lower_ascii(s);
  if (value->plain && lower == "true") return true;
  if (value->plain && lower == "false") return false;
  // "true" in quotes is text to YAML, and says nothing of why it is refused.
  const bool quoted = lower == "true" || lower == "false";
  diagnostics_.error(at(*value), must + "'" + s + "'", quoted ? "write it without quotes" : "");
  return std::nullopt;
}

std::optional<Date> FieldReader::date(std::string_view key, Need need) {
  std::string s;
  const YamlNode* value = scalar(key, need, s);
  if (!value) return std::nullopt;
  auto d = parse_iso_date(s);
  if (!d)
    diagnostics_.error(at(*value), "'" + s + "' is not a date", "write dates as YYYY-MM-DD, for example 2018-10-01");
  return d;
}

Markdown FieldReader::markdown_of(const YamlNode& value) const {
  Markdown md;
  md.text = value.value;
  md.origin = at(value);
  if (value.block) {
    // The text starts on the line after the '|' or '>'; find its indentation.
    md.origin.line = value.line + 1;
    if (auto line = source_.line_text(md.origin.line)) {
      const std::size_t indent = line->find_first_not_of(' ');
      md.origin.column = static_cast<int>(indent == std::string_view::npos ? 0 : indent) + 1;
    }
    md.column_shift = md.origin.column - 1;
  } else if (!value.plain) {
    md.origin.column += 1;  // skip the opening quote
  }
  return md;
}

Markdown FieldReader::markdown(std::string_view key, Need need) {
  const YamlNode* value = node(key, need);
  if (!value) return {};
  if (!value->is_scalar()) {
    diagnostics_.error(at(*value), "'" + std::string(key) + "' must be text, not " + describe_kind(*value),
                       "write Markdown after '" + std::string(key) + ": |' on the lines below");
    return {};
  }
  Markdown md = markdown_of(*value);
  if (trim(md.text).empty() && need == Need::required)
    diagnostics_.error(at(*value), "'" + std::string(key) + "' is empty", "give it a value");
  return within_limits(std::move(md), diagnostics_);
}

std::vector<std::string> FieldReader::text_list(std::string_view key, Need need) {
  std::vector<std::string> out;
  for (auto& r : ref_list(key, need)) out.push_back(std::move(r.id));
  return out;
}

std::vector<Ref> FieldReader::ref_list(std::string_view key, Need need) {
  std::vector<Ref> out;
  const YamlNode* value = node(key, need);
  if (!value) return out;
  if (value->is_scalar()) {
    out.push_back({std::string(trim(value->value)), at(*value)});
    return out;
  }
  if (!value->is_sequence()) {
    diagnostics_.error(at(*value), "'" + std::string(key) + "' must be a list, not " + describe_kind(*value),
                       "write it as [first, second] or as lines starting with '- '");
    return out;
  }
  for (const auto& item : value->items) {
    if (auto s = scalar_text(item, key)) out.push_back({*s, at(item)});
  }
  if (out.empty() && need == Need::required)
    diagnostics_.error(at(*value), "'" + std::string(key) + "' is empty", "list at least one");
  return out;
}

std::optional<std::string> FieldReader::checked_text(std::string_view key,
                                                     bool (*valid)(std::string_view, std::string&),
                                                     std::string_view what, std::string_view hint) {
  std::string s, why;
  const YamlNode* value = scalar(key, Need::optional, s);
  if (!value) return std::nullopt;
  if (valid(s, why)) return s;
  diagnostics_.error(at(*value), "'" + s + "' is not " + std::string(what) + (why.empty() ? "" : ": " + why),
                     std::string(hint));
  return std::nullopt;
}

const std::vector<YamlNode>* FieldReader::list(std::string_view key, Need need, std::string_view hint) {
  const YamlNode* value = node(key, need);
  if (!value) return nullptr;
  if (value->is_sequence()) return &value->items;
  diagnostics_.error(at(*value), "'" + std::string(key) + "' must be a list, not " + describe_kind(*value),
                     std::string(hint));
  return nullptr;
}

std::string FieldReader::choice(std::string_view key, const std::vector<std::string_view>& allowed, Need need) {
  std::string s;
  const YamlNode* value = scalar(key, need, s);
  if (!value) return {};
  if (std::find(allowed.begin(), allowed.end(), s) != allowed.end()) return s;
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  std::string hint = did_you_mean(s, allowed);
  diagnostics_.error(at(*value), "'" + s + "' is not allowed for '" + std::string(key) + "'",
                     hint.empty() ? "use one of: " + list : hint);
  return {};
}

void FieldReader::finish() {
  if (!map_) return;
  for (const auto& e : map_->entries) {
    if (!e.key.is_scalar()) continue;
    if (std::find(known_.begin(), known_.end(), e.key.value) != known_.end()) continue;
    diagnostics_.error(at(e.key), "unknown key '" + e.key.value + "'", did_you_mean(e.key.value, known_));
  }
}

bool check_id(Diagnostics& diagnostics, const Location& where, const std::string& id, std::string_view what) {
  if (is_slug(id)) return true;
  diagnostics.error(where, "'" + id + "' is not a valid " + std::string(what),
                    "use lower-case letters, digits and hyphens, like '" + slugify(id) + "'");
  return false;
}

namespace {

Extra extra_of(const YamlNode& node) {
  Extra e;
  switch (node.kind) {
    case YamlNode::Kind::null:
      e.kind = Extra::Kind::text;
      break;
    case YamlNode::Kind::scalar:
      e.kind = Extra::Kind::text;
      e.text = node.value;
      break;
    case YamlNode::Kind::sequence:
      e.kind = Extra::Kind::list;
      for (const auto& item : node.items) e.values.push_back(extra_of(item));
      break;
    case YamlNode::Kind::mapping:
      for (const auto& entry : node.entries) {
        e.keys.push_back(entry.key.value);
        e.values.push_back(extra_of(entry.value));
      }
      break;
  }
  return e;
}

}  // namespace

Extra read_extra(FieldReader& r) {
  const YamlNode* node = r.node("extra");
  if (!node) return {};
  if (!node->is_mapping()) {
    r.diagnostics().error(r.at(*node), "'extra' must be a mapping, not " + std::string(describe_kind(*node)),
                          "write it as lines 'name: value' indented under 'extra:'");
    return {};
  }
  return extra_of(*node);
}

bool front_matter_present(const MarkdownDocument& doc, Diagnostics& diagnostics, std::string_view what,
                          std::string_view hint) {
  if (doc.front_matter) return true;
  if (!doc.broken_front_matter)
    diagnostics.error(doc.source->at(1, 1), "the " + std::string(what) + " has no front matter", std::string(hint));
  return false;
}

Markdown markdown_body(const MarkdownDocument& doc, FieldReader& r) {
  if (const YamlNode* key = r.key_node("description")) {
    r.node("description");  // reported here, not again as unknown
    r.diagnostics().error(r.at(*key), "the description is the text after the front matter, not a field",
                          "move it below the closing '---', without its indentation");
  }
  // The text starts at its first line that is not blank, as a 'description: |' block did.
  std::string_view body = doc.body;
  int line = doc.body_line;
  for (std::size_t end; (end = body.find('\n')) != std::string_view::npos && trim(body.substr(0, end)).empty();) {
    body.remove_prefix(end + 1);
    ++line;
  }
  Markdown md;
  md.text = std::string(body);
  md.origin = doc.source->at(line, 1);
  return within_limits(std::move(md), r.diagnostics());
}

}  // namespace og
