#include "core/diagnostic_format.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/text.hpp"

namespace og {

namespace {

// A line longer than this is shown as this many characters around the column.
constexpr int kShownCharacters = 120;

// Byte offset `at` moved on one character.
void next_character(std::string_view text, std::size_t& at) {
  for (++at; at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;) ++at;
}

// `line` cut to kShownCharacters around `column` (with "..." where it is cut),
// and the column in what is shown: a line as long as a file is never printed whole.
std::pair<std::string, int> around(const std::string& line, int column) {
  if (utf8_length(line) <= kShownCharacters) return {line, column};
  const int first = std::max(1, column - kShownCharacters / 2);
  std::size_t begin = 0, end = 0;
  for (int c = 1; begin < line.size() && c < first; ++c) next_character(line, begin);
  end = begin;
  for (int n = 0; end < line.size() && n < kShownCharacters; ++n) next_character(line, end);
  const std::string before = begin > 0 ? "..." : "";
  return {before + line.substr(begin, end - begin) + (end < line.size() ? "..." : ""),
          column - first + 1 + static_cast<int>(before.size())};
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d, const SourceLineLookup& lookup) {
  std::string out = d.where.path;
  if (d.where.line > 0) {
    out += ':' + std::to_string(d.where.line);
    if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
  }
  out += ": ";
  out += severity_name(d.severity);
  out += ": ";
  out += d.message;
  if (!d.hint.empty()) out += " (" + d.hint + ")";
  out += '\n';
  if (d.where.line > 0 && d.where.column > 0 && lookup) {
    if (auto line = lookup(d.where.path, d.where.line)) {
      auto [shown, column] = around(*line, d.where.column);
      // Tabs would shift the caret, so show them as single spaces.
      for (char& c : shown)
        if (c == '\t') c = ' ';
      out += "  " + shown + '\n';
      out += "  " + std::string(static_cast<std::size_t>(column - 1), ' ') + "^\n";
    }
  }
  return out;
}

std::string format_summary(std::size_t errors, std::size_t warnings) {
  return std::to_string(errors) + (errors == 1 ? " error, " : " errors, ") + std::to_string(warnings) +
         (warnings == 1 ? " warning" : " warnings");
}

std::string format_json(const Diagnostics& diagnostics) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const auto& d : diagnostics.all()) {
    nlohmann::ordered_json item;
    item["file"] = d.where.path;
    item["line"] = d.where.line;
    item["column"] = d.where.column;
    item["severity"] = severity_name(d.severity);
    item["message"] = d.message;
    item["hint"] = d.hint;
    array.push_back(std::move(item));
  }
  return array.dump(2) + "\n";
}

}  // namespace og
