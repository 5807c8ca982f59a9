#include "load/yaml_syntax.hpp"

#include <yaml-cpp/exceptions.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace og {

namespace {

const char* const kSpecial = "put text with : # [ ] { } & * ! | > ' \" % @ or ` in quotes";

std::size_t line_start_of(std::string_view text, std::size_t pos) {
  pos = std::min(pos, text.size());
  const std::size_t newline = pos == 0 ? std::string_view::npos : text.rfind('\n', pos - 1);
  return newline == std::string_view::npos ? 0 : newline + 1;
}

std::size_t indentation_at(std::string_view text, std::size_t line_start) {
  std::size_t i = line_start;
  while (i < text.size() && text[i] == ' ') ++i;
  return i - line_start;
}

// Where the quoted text opened at `pos` ends (the closing quote), or npos.
std::size_t closing_quote(std::string_view text, std::size_t pos, std::size_t end) {
  const char quote = text[pos];
  for (std::size_t i = pos + 1; i < end; ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < end && text[i + 1] == '\'')
        ++i;
      else
        return i;
    }
  }
  return std::string_view::npos;
}

// Walks YAML text just far enough to know where its flow lists and mappings
// ('[', '{') open and close: quoted text, comments and block scalars are
// stepped over, and '[' inside plain text is text.
class FlowScanner {
 public:
  explicit FlowScanner(std::string_view text) : text_(text) {}

  // Scans up to `end`; returns the position of a bracket that opens the
  // `max_depth`th level, if one does.
  std::optional<std::size_t> scan(std::size_t end, std::size_t max_depth);
  // The brackets still open where the scan stopped, outermost first.
  const std::vector<std::size_t>& open() const { return open_; }

 private:
  void skip_block_scalar();

  std::string_view text_;
  std::size_t i_ = 0;
  std::size_t indent_ = 0;
  bool line_start_ = true;
  bool token_start_ = true;
  std::vector<std::size_t> open_;
};

void FlowScanner::skip_block_scalar() {
  // The lines after 'key: |' that are blank or indented more than the key's line.
  std::size_t next = text_.find('\n', i_);
  while (next != std::string_view::npos) {
    const std::size_t start = next + 1;
    const std::size_t end = std::min(text_.find('\n', start), text_.size());
    const std::string_view line = text_.substr(start, end - start);
    if (line.find_first_not_of(' ') != std::string_view::npos && indentation_at(text_, start) <= indent_) break;
    next = end < text_.size() ? end : std::string_view::npos;
  }
  i_ = next == std::string_view::npos ? text_.size() : next;
}

std::optional<std::size_t> FlowScanner::scan(std::size_t end, std::size_t max_depth) {
  end = std::min(end, text_.size());
  while (i_ < end) {
    const char c = text_[i_];
    const char next = i_ + 1 < text_.size() ? text_[i_ + 1] : '\n';
    if (c == '\n') {
      line_start_ = token_start_ = true;
      ++i_;
    } else if (line_start_) {
      indent_ = indentation_at(text_, i_);
      i_ += indent_;
      line_start_ = false;
      token_start_ = true;
    } else if (c == '#' && (i_ == 0 || text_[i_ - 1] == ' ' || text_[i_ - 1] == '\t')) {
      i_ = std::min(text_.find('\n', i_), text_.size());
    } else if (token_start_ && (c == '"' || c == '\'')) {
      const std::size_t close = closing_quote(text_, i_, text_.size());
      i_ = close == std::string_view::npos ? text_.size() : close + 1;
      token_start_ = false;
    } else if ((c == '[' || c == '{') && (token_start_ || !open_.empty())) {
      open_.push_back(i_);
      if (open_.size() >= max_depth) return i_;
      ++i_;
      token_start_ = true;
    } else if ((c == ']' || c == '}') && !open_.empty()) {
      open_.pop_back();
      ++i_;
      token_start_ = false;
    } else if (c == ',' && !open_.empty()) {
      ++i_;
      token_start_ = true;
    } else if ((c == '|' || c == '>') && token_start_ && open_.empty()) {
      skip_block_scalar();
    } else if ((c == ':' || c == '-') && (next == ' ' || next == '\n' || next == '\t' ||
                                          (!open_.empty() && (next == ',' || next == ']' || next == '}')))) {
      ++i_;
      token_start_ = true;
    } else {
      if (c != ' ' && c != '\t') token_start_ = false;
      ++i_;
    }
  }
  return std::nullopt;
}

// A quoted value that does not end where it should: never closed before the
// next key, or followed by more text after its closing quote.
std::optional<YamlProblem> quote_problem(std::string_view text) {
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    std::size_t v = line.find_first_not_of(' ');
    while (v != std::string_view::npos && line.compare(v, 2, "- ") == 0) v = line.find_first_not_of(' ', v + 2);
    if (v != std::string_view::npos && line[v] != '"' && line[v] != '\'') {
      const std::size_t colon = line.find(": ", v);
      v = colon == std::string_view::npos ? std::string_view::npos : line.find_first_not_of(' ', colon + 2);
    }
    if (v != std::string_view::npos && (line[v] == '"' || line[v] == '\'')) {
      const char quote = line[v];
      const std::size_t close = closing_quote(text, start + v, end);
      if (close == std::string_view::npos) {
        // Text in quotes may go on over lines, but not past a line that is
        // indented no more than this one.
        std::size_t next = end + 1;
        while (next < text.size() && text[next] == '\n') ++next;
        if (next >= text.size() || indentation_at(text, next) <= indentation_at(text, start))
          return YamlProblem{std::string("the quote ") + quote + " is never closed", start + v,
                             std::string("end the text with ") + quote + " on the same line, or leave the quotes out"};
      } else {
        const std::string_view after = line.substr(close - start + 1);
        const std::size_t more = after.find_first_not_of(' ');
        if (more != std::string_view::npos && after[more] != '#' && after[more] != ',' && after[more] != ']' &&
            after[more] != '}')
          return YamlProblem{"text after the closing quote", start + v,
                             quote == '\'' ? "write '' for an apostrophe inside single quotes, or use double quotes"
                                           : "put all of the text inside the quotes"};
      }
    }
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace

bool yaml_quote_closes(std::string_view text, std::size_t pos) {
  return closing_quote(text, pos, text.size()) != std::string_view::npos;
}

std::optional<YamlProblem> check_yaml_text(std::string_view text, std::size_t max_depth) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", c);
      return YamlProblem{std::string("a control character (") + code + ") that YAML does not allow", i,
                         "delete it: most editors do not show it"};
    }
    if (c == 0xEF && text.compare(i, 3, "\xEF\xBB\xBF") == 0)
      return YamlProblem{"a byte-order mark (U+FEFF) inside the text", i, "delete it: most editors do not show it"};
  }
  FlowScanner scanner(text);
  if (auto deep = scanner.scan(text.size(), max_depth))
    return YamlProblem{"the lists and mappings are nested more than " + std::to_string(max_depth) + " levels deep",
                       *deep, "content needs only a few levels; check the brackets", true};
  return std::nullopt;
}

YamlProblem explain_yaml_error(const std::string& message, std::size_t pos, std::string_view text) {
  namespace msg = YAML::ErrorMsg;
  YamlProblem p{message, std::min(pos, text.size()), {}};
  // Past the end: on the last line, not on the line after the text.
  if (p.pos == text.size() && p.pos > 0) p.pos = line_start_of(text, p.pos - 1);
  if (auto quote = quote_problem(text)) return *quote;
  FlowScanner flow(text);
  flow.scan(p.pos, ~std::size_t{0});
  const std::size_t line = line_start_of(text, p.pos);
  const std::size_t tab = text.substr(line, indentation_at(text, line) + 1).find('\t');
  const bool block_error = message == msg::TAB_IN_INDENTATION || message == msg::MAP_VALUE ||
                           message == msg::BLOCK_ENTRY || message == msg::END_OF_MAP;
  if (block_error && flow.open().empty() && tab != std::string_view::npos) {
    return {"a tab in the indentation", line + tab, "indent with spaces, not tabs"};
  }
  if (message == msg::END_OF_SEQ_FLOW || message == msg::END_OF_MAP_FLOW) {
    const bool list = message == msg::END_OF_SEQ_FLOW;
    for (auto it = flow.open().rbegin(); it != flow.open().rend(); ++it) {
      if (text[*it] == (list ? '[' : '{')) {
        p.pos = *it;
        p.hint = list ? "close the list with ']'" : "close the mapping with '}'";
        return p;
      }
    }
    p.hint = list ? "separate the items with ', '" : "separate the entries with ', '";
  } else if (message == msg::MAP_VALUE) {
    p.hint = "check the indentation, and put text that holds ': ' in quotes";
  } else if (message == msg::END_OF_MAP) {
    p.hint = "check the indentation of this line and the one above";
  } else if (message == msg::BLOCK_ENTRY) {
    p.hint = "check the indentation of the lines starting with '- '";
  } else if (message == msg::UNKNOWN_ANCHOR || message == msg::ALIAS_NOT_FOUND || message == msg::ANCHOR_NOT_FOUND) {
    p.message = "anchors (&name) and aliases (*name) are not used in content files";
    p.hint = "write the value out in full; put text that starts with '&' or '*' in quotes";
  } else if (message.starts_with(msg::INVALID_ESCAPE) || message.starts_with(msg::INVALID_HEX) ||
             message.starts_with(msg::INVALID_UNICODE)) {
    // yaml-cpp stops after the escape, often at the end of the text.
    const std::size_t backslash = text.rfind('\\', std::min(pos, text.size()));
    if (backslash != std::string_view::npos) p.pos = backslash;
    p.hint = "write \\\\ for a backslash, or put the text in single quotes";
  } else if (message == msg::UNKNOWN_TOKEN) {
    p.hint = "text that starts with @, ` or % goes in quotes";
  } else if (message == msg::FLOW_END) {
    p.hint = "a ']' or '}' without its '[' or '{': remove it, or put the text in quotes";
  } else if (message == msg::CHAR_IN_BLOCK) {
    p.hint = "the lines of a '|' or '>' block are indented more than its key";
  } else {
    p.hint = kSpecial;
  }
  return p;
}

}  // namespace og
