// Turning diagnostics into text for a terminal or JSON for tools.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/diagnostic.hpp"

namespace og {

// Looks up line `line` (1-based) of the file at `path`, for the source excerpt.
using SourceLineLookup = std::function<std::optional<std::string>(const std::string& path, int line)>;

// path:line:col: error: message (hint)
// followed, when the source line is known, by the line and a caret under the column.
std::string format_diagnostic(const Diagnostic& d, const SourceLineLookup& lookup);

// "3 errors, 1 warning"
std::string format_summary(std::size_t errors, std::size_t warnings);

// A JSON array of {file, line, column, severity, message, hint}.
std::string format_json(const Diagnostics& diagnostics);

}  // namespace og
