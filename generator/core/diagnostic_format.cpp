#include "core/diagnostic_format.hpp"

#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace og {

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
      // Tabs would shift the caret, so show them as single spaces.
      std::string shown = *line;
      for (char& c : shown)
        if (c == '\t') c = ' ';
      out += "  " + shown + '\n';
      out += "  " + std::string(static_cast<std::size_t>(d.where.column - 1), ' ') + "^\n";
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
