// A style sheet's braces: a '{' that is never closed silently puts every rule
// after it inside its block (a lost '}' after '@media print {' makes the rest
// of the theme apply only in print), and browsers report nothing.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace og {

// Reports each '{' of `css` that is never closed and each '}' that closes
// nothing, at its line and column in `path`. Comments and quoted strings are
// skipped.
void check_css_blocks(std::string_view css, const std::string& path, Diagnostics& diagnostics);

}  // namespace og
