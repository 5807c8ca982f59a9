// Reads the keys of one YAML mapping into typed values, reporting every
// problem at the line it is on. The keys asked for are the keys allowed:
// finish() reports any other key as unknown, with a did-you-mean hint.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "load/source_file.hpp"
#include "load/yaml_tree.hpp"
#include "model/common.hpp"

namespace og {

enum class Need { optional, required };

struct MarkdownDocument;

class FieldReader {
 public:
  // `node` may be null or not a mapping: that is reported once, and every
  // getter then returns nothing. `what` names the thing for messages ("the service").
  FieldReader(const YamlNode* node, const SourceFile& source, Diagnostics& diagnostics, std::string_view what);
  // For the top mapping of a file: a missing key is a problem of the whole file,
  // reported without a line.
  static FieldReader document(const YamlNode* node, const SourceFile& source, Diagnostics& diagnostics,
                              std::string_view what);

  bool ok() const { return map_ != nullptr; }
  Diagnostics& diagnostics() const { return diagnostics_; }
  Location here() const;                    // the mapping itself
  Location at(const YamlNode& node) const;  // any node in the same file

  // The raw value of `key` (and marks `key` as allowed); nullptr when absent or null.
  const YamlNode* node(std::string_view key, Need need = Need::optional);
  // The key node of `key`, for messages about the key itself.
  const YamlNode* key_node(std::string_view key) const;

  std::string text(std::string_view key, Need need = Need::optional);
  std::optional<long> integer(std::string_view key, long min, long max, Need need = Need::optional);
  std::optional<bool> boolean(std::string_view key);
  std::optional<Date> date(std::string_view key, Need need = Need::optional);
  Markdown markdown(std::string_view key, Need need = Need::optional);
  // A list of text items; a single text value is taken as a list of one.
  std::vector<std::string> text_list(std::string_view key, Need need = Need::optional);
  std::vector<Ref> ref_list(std::string_view key, Need need = Need::optional);
  // The text of `key` when `valid` accepts it; otherwise "'text' is not <what>"
  // (and ": why" when `valid` says why) is reported with `hint`.
  std::optional<std::string> checked_text(std::string_view key, bool (*valid)(std::string_view, std::string& why),
                                          std::string_view what, std::string_view hint = {});
  // The items of the list `key`; a value that is not a list is reported with `hint`.
  const std::vector<YamlNode>* list(std::string_view key, Need need = Need::optional, std::string_view hint = {});
  // One of `allowed`, reported with a hint when it is not.
  std::string choice(std::string_view key, const std::vector<std::string_view>& allowed, Need need = Need::optional);

  // Reports keys that no getter asked for.
  void finish();

  // Whether the mapping has `key` (without allowing it).
  bool has(std::string_view key) const { return key_node(key) != nullptr; }

  // Helpers usable on any node of the file.
  std::optional<std::string> scalar_text(const YamlNode& value, std::string_view key);
  Markdown markdown_of(const YamlNode& value) const;

 private:
  void allow(std::string_view key);
  // The node of `key` when it is there and is text (reported when it is not), with its text.
  const YamlNode* scalar(std::string_view key, Need need, std::string& text);
  void missing(std::string_view key);

  const YamlNode* map_ = nullptr;
  const SourceFile& source_;
  Diagnostics& diagnostics_;
  std::string what_;
  std::vector<std::string_view> known_;
  bool document_ = false;
};

// Reports `id` (of the item at `where`) when it cannot be an id: "'x' is not a valid <what>".
bool check_id(Diagnostics& diagnostics, const Location& where, const std::string& id, std::string_view what);

// The 'extra:' mapping of the item `r` reads, free-form data for templates;
// empty when absent.
Extra read_extra(FieldReader& r);

// Whether a Markdown file has front matter; "the <what> has no front matter"
// is reported with `hint` when not (unless it was broken, and so reported).
bool front_matter_present(const MarkdownDocument& doc, Diagnostics& diagnostics, std::string_view what,
                          std::string_view hint = "start the file with '---', a line 'title: ...', and '---'");

// The body of a Markdown file whose front matter `r` reads, as its
// description; a 'description' key in the front matter is reported.
Markdown markdown_body(const MarkdownDocument& doc, FieldReader& r);

}  // namespace og
