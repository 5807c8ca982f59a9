#include "load/yaml_blocks.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/text.hpp"

namespace og {

namespace {

bool key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// "key: |" or "key: |-" at column 0, nothing after but spaces: the column
// of the '|' and whether the block is stripped ('-'), or nullopt.
struct Header {
  std::size_t bar;
  bool strip;
};
std::optional<Header> literal_header(std::string_view line) {
  if (line.empty() || !((line[0] >= 'a' && line[0] <= 'z') || (line[0] >= 'A' && line[0] <= 'Z') || line[0] == '_'))
    return std::nullopt;
  std::size_t i = 1;
  while (i < line.size() && key_char(line[i])) ++i;
  if (i + 1 >= line.size() || line[i] != ':' || line[i + 1] != ' ') return std::nullopt;
  i += 1;
  while (i < line.size() && line[i] == ' ') ++i;
  if (i >= line.size() || line[i] != '|') return std::nullopt;
  Header h{i, false};
  ++i;
  if (i < line.size() && line[i] == '-') {
    h.strip = true;
    ++i;
  }
  while (i < line.size() && line[i] == ' ') ++i;
  if (i != line.size()) return std::nullopt;  // '+', a digit, a comment or more
  return h;
}

std::size_t leading_spaces(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

}  // namespace

// Whether libyaml would take `text` as it is inside a block scalar: valid
// UTF-8 (core/text.hpp's check) of characters YAML allows, with no tab: not
// a control character (below U+0020, DEL, or U+0080 to U+009F, which are
// C2 80 to C2 9F), not U+FFFE or U+FFFF (EF BF BE, EF BF BF), and no line
// break but the line's own (LS and PS, E2 80 A8 and E2 80 A9).
bool plain_block_text(std::string_view text) {
  if (find_invalid_utf8(text)) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    // Eight bytes at a step while all are printable ASCII (0x20 to 0x7E):
    // none has its top bit; then, with no carry between bytes, each is at
    // least 0x20 (adding 0x60 sets its top bit) and none is 0x7F (adding 1
    // would set it).
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    while (end - p >= 8) {
      std::uint64_t v;
      std::memcpy(&v, p, 8);
      if ((v & kHigh) != 0 || ((v + 0x60 * kOnes) & kHigh) != kHigh || ((v + kOnes) & kHigh) != 0) break;
      p += 8;
    }
    if (p >= end) break;
    const unsigned char c = *p;
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7F) return false;
    } else if (c == 0xC2) {
      if (p[1] < 0xA0) return false;  // valid UTF-8: p[1] is there
    } else if (c == 0xE2) {
      if (p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) return false;
    } else if (c == 0xEF) {
      if (p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) return false;
    }
    ++p;  // a continuation byte is never one of the bytes tested above
  }
  return true;
}

std::optional<CutText> cut_literal_blocks(std::string_view text) {
  // Lines are counted at '\n' here; libyaml also breaks lines at CR, NEL,
  // LS and PS anywhere in the file (comments, quoted text), and its line
  // numbers would then no longer match these.
  if (text.find('\r') != std::string_view::npos || text.find("\xC2\x85") != std::string_view::npos ||
      text.find("\xE2\x80\xA8") != std::string_view::npos || text.find("\xE2\x80\xA9") != std::string_view::npos)
    return std::nullopt;
  // The text's lines, each without its '\n'; `ends` says whether it had one.
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) {
      lines.push_back(text.substr(pos));
      break;
    }
    lines.push_back(text.substr(pos, eol - pos));
    pos = eol + 1;
  }
  const bool last_ends = !text.empty() && text.back() == '\n';

  CutText out;
  std::vector<bool> emptied(lines.size(), false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto header = literal_header(lines[i]);
    if (!header) continue;
    // The lines under the header, up to the first that is not blank and
    // starts at column 0 (which must be there, and have its '\n').
    std::size_t indent = 0, most_leading_blank = 0, end = i + 1;
    bool usable = true;
    for (; end < lines.size(); ++end) {
      const std::string_view line = lines[end];
      const std::size_t spaces = leading_spaces(line);
      const bool blank = spaces == line.size();
      if (indent == 0) {
        if (blank) {
          most_leading_blank = std::max(most_leading_blank, spaces);
          continue;
        }
        if (spaces == 0) break;  // an empty block
        indent = spaces;
        if (most_leading_blank > indent) usable = false;  // libyaml takes the blank line's indentation
        continue;
      }
      if (blank || spaces >= indent) continue;
      if (spaces > 0 || line[0] == '\t') usable = false;  // less indented, but not a new key
      break;
    }
    if (!usable || indent == 0 || end >= lines.size()) {
      i = end - 1;
      continue;
    }
    // The value: each line without the indentation (a blank line within it
    // is empty), joined by '\n', up to the last line with text; then '\n'
    // unless stripped.
    std::size_t last_text = i;
    for (std::size_t k = i + 1; k < end; ++k)
      if (lines[k].size() > indent) last_text = k;
    CutBlock block{i, header->bar, {}};
    std::size_t size = 0;
    for (std::size_t k = i + 1; k <= last_text; ++k) size += lines[k].size() + 1;
    block.value.reserve(size);
    for (std::size_t k = i + 1; k <= last_text; ++k) {
      if (k > i + 1) block.value += '\n';
      if (lines[k].size() > indent) {
        const std::string_view rest = lines[k].substr(indent);
        if (!plain_block_text(rest)) {
          usable = false;
          break;
        }
        block.value.append(rest);
      }
    }
    if (usable && !header->strip) block.value += '\n';
    if (usable) {
      for (std::size_t k = i + 1; k < end; ++k) emptied[k] = true;
      out.blocks.push_back(std::move(block));
    }
    i = end - 1;
  }
  if (out.blocks.empty()) return std::nullopt;
  out.text.reserve(text.size());
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (!emptied[k]) out.text.append(lines[k]);
    if (k + 1 < lines.size() || last_ends) out.text += '\n';
  }
  return out;
}

}  // namespace og
