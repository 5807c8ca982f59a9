// JSON written straight into a string, laid out as nlohmann::json's dump(2)
// lays it out (two spaces a level, "key": value, [] and {} when empty) or as
// its dump() does (compact: no spaces or line breaks), so that a large export
// or a page's JSON-LD is not first built as a tree of json objects.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace og {

// An object key written in the source, checked when compiled to need no
// escaping, even in HTML-safe JSON, so that it is copied as it is.
class JsonKey {
 public:
  consteval JsonKey(const char* text) : text_(text) {  // NOLINT: j.member("name", ...)
    for (const char c : text_)
      if (static_cast<unsigned char>(c) < 0x20 || std::string_view("\"\\<>&").find(c) != std::string_view::npos)
        throw "a JSON key that needs escaping";
  }
  constexpr std::string_view text() const { return text_; }

 private:
  std::string_view text_;
};

class JsonWriter {
 public:
  enum class Layout { pretty, compact };
  // html_safe: '<', '>' and '&' in strings written as JSON escapes too, so
  // that "</script>" cannot end a script element early and a browser shown
  // the JSON as HTML finds no markup in it.
  enum class Escaping { json, html_safe };
  // Appends to `out`, as if the value started `level` levels in.
  explicit JsonWriter(std::string& out, int level = 0, Layout layout = Layout::pretty,
                      Escaping escaping = Escaping::json)
      : out_(out), level_(level), compact_(layout == Layout::compact), html_safe_(escaping == Escaping::html_safe) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // The key of the next value in an object.
  void key(JsonKey k);

  void value(std::string_view s);
  void value(const char* s) { value(std::string_view(s)); }
  // One string made of `parts` written one after the other, with no copy of
  // them joined first.
  void value(std::initializer_list<std::string_view> parts);
  void value(long long n);
  void value(int n) { value(static_cast<long long>(n)); }
  // A value written as it is: true, false, null.
  void raw(std::string_view literal);

  // "key": value in an object.
  template <typename T>
  void member(JsonKey k, const T& v) {
    key(k);
    value(v);
  }

 private:
  void before_value();
  void open(char bracket);
  void close(char bracket);
  void newline(int level);
  void escaped(std::string_view s);  // s's characters, escaped, without the quotes

  std::string& out_;
  int level_;
  bool compact_;
  bool html_safe_;
  std::vector<bool> empty_;  // per open object or array: nothing in it yet
  bool after_key_ = false;
};

}  // namespace og
