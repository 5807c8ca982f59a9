#include "import/text_clean.hpp"

#include <cstdint>

namespace og {

bool is_dropped_code_point(char32_t c) {
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\r' && c != '\f';  // spaces, handled as such
  if (c == 0x7f || (c >= 0x80 && c <= 0x9f)) return true;                 // DEL and C1 controls
  if (c == 0xad) return true;                                             // soft hyphen
  if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064)) return true;
  if (c == 0xfeff || c == 0xfffd) return true;  // a stray BOM; what a broken character became
  if (c >= 0xe000 && c <= 0xf8ff) return true;  // private use
  if (c >= 0xf0000) return true;                // supplementary private use
  if ((c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe) return true;  // non-characters
  return false;
}

bool is_space_code_point(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xa0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

char32_t next_code_point(std::string_view text, std::size_t& at) {
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
  const std::uint8_t b = byte(at);
  int length = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xe ? 3 : (b >> 3) == 0x1e ? 4 : 0;
  if (length == 0 || at + length > text.size()) {
    ++at;
    return 0xfffd;
  }
  char32_t c = length == 1 ? b : b & (0x7f >> length);
  for (int i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xc0) != 0x80) {
      ++at;
      return 0xfffd;
    }
    c = (c << 6) | (byte(at + i) & 0x3f);
  }
  at += length;
  return c;
}

std::string clean_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t start = at;
    const char32_t c = next_code_point(text, at);
    if (is_dropped_code_point(c)) continue;
    if (is_space_code_point(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out.append(text.substr(start, at - start));
  }
  return out;
}

void append_markdown_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '#':
      case '|':
      case '~':
      case '&':
      case '!':
        out += '\\';
        break;
      default:
        break;
    }
    out += c;
  }
}

std::string escape_line_start(std::string_view line) {
  std::string out;
  if (!line.empty() && (line[0] == '-' || line[0] == '+' || line[0] == '=')) {
    out = "\\";
    out += line;
    return out;
  }
  std::size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')')) {
    out.append(line.substr(0, digits));
    out += '\\';
    out.append(line.substr(digits));
    return out;
  }
  return std::string(line);
}

}  // namespace og
