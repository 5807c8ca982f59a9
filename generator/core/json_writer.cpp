#include "core/json_writer.hpp"

#include <array>
#include <charconv>

namespace og {

void JsonWriter::newline(int level) {
  if (compact_) return;
  out_ += '\n';
  out_.append(static_cast<std::size_t>(2 * level), ' ');
}

// Inside an array, each value starts a line of its own; after a key it
// follows the key on the same line.
void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;
  if (!empty_.back()) out_ += ',';
  empty_.back() = false;
  newline(level_ + static_cast<int>(empty_.size()));
}

void JsonWriter::key(JsonKey k) {
  before_value();  // a key is placed as an array's value is
  out_ += '"';
  out_ += k.text();
  out_ += compact_ ? "\":" : "\": ";
  after_key_ = true;
}

void JsonWriter::open(char bracket) {
  before_value();
  out_ += bracket;
  empty_.push_back(true);
}

void JsonWriter::close(char bracket) {
  const bool was_empty = empty_.back();
  empty_.pop_back();
  if (!was_empty) newline(level_ + static_cast<int>(empty_.size()));
  out_ += bracket;
}

void JsonWriter::value(std::string_view s) {
  value(std::initializer_list<std::string_view>{s});
}

void JsonWriter::value(std::initializer_list<std::string_view> parts) {
  before_value();
  out_ += '"';
  for (const std::string_view part : parts) escaped(part);
  out_ += '"';
}

void JsonWriter::raw(std::string_view literal) {
  before_value();
  out_.append(literal);
}

void JsonWriter::value(long long n) {
  before_value();
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
  out_.append(buf, end);
}

// As nlohmann::json escapes with ensure_ascii off: quotes, backslashes and
// control characters (and, html_safe, '<', '>' and '&'); everything else
// (UTF-8 included) as it is.
void JsonWriter::escaped(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  static constexpr std::string_view kNamed = "\"\\\b\f\n\r\t", kLetters = "\"\\bfnrt";
  static constexpr auto kTable = [](bool html) {
    std::array<bool, 256> table{};
    for (int c = 0; c < 0x20; ++c) table[static_cast<std::size_t>(c)] = true;
    table['"'] = table['\\'] = true;
    table['<'] = table['>'] = table['&'] = html;
    return table;
  };
  static constexpr auto kJson = kTable(false), kHtml = kTable(true);
  const auto& kEscape = html_safe_ ? kHtml : kJson;
  const char* p = s.data();
  const char* const end = p + s.size();
  for (;;) {
    // The characters that need nothing, appended at once.
    const char* run = p;
    while (p < end && !kEscape[static_cast<unsigned char>(*p)]) ++p;
    out_.append(run, static_cast<std::size_t>(p - run));
    if (p == end) return;
    const auto c = static_cast<unsigned char>(*p++);
    if (const std::size_t named = kNamed.find(static_cast<char>(c)); named != std::string_view::npos) {
      out_ += '\\';
      out_ += kLetters[named];
    } else {
      out_ += "\\u00";
      out_ += kHex[c >> 4];
      out_ += kHex[c & 0xF];
    }
  }
}

}  // namespace og
