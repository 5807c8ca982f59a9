// What yaml-cpp leaves unsaid about a YAML text: checks made before it reads
// the text (characters YAML forbids; brackets nested so deep that yaml-cpp
// would queue the whole nest in memory first), and its messages in a
// reader's words, placed where the mistake is.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace og {

struct YamlProblem {
  std::string message;
  std::size_t pos = 0;  // byte offset into the text
  std::string hint;
  bool limit = false;  // a limit passed, not a mistake of syntax
};

// A control character, a byte-order mark inside the text, or flow brackets
// ('[', '{') nested `max_depth` deep, before yaml-cpp reads anything.
std::optional<YamlProblem> check_yaml_text(std::string_view text, std::size_t max_depth);

// Whether the quoted scalar whose opening quote is at `pos` is closed
// before the text ends (yaml-cpp reads an unclosed quote to the end).
bool yaml_quote_closes(std::string_view text, std::size_t pos);

// yaml-cpp's `message`, thrown at byte `pos`, as a problem a reader can act on.
YamlProblem explain_yaml_error(const std::string& message, std::size_t pos, std::string_view text);

}  // namespace og
