#include "import/html_blocks.hpp"

#include <algorithm>

#include "import/text_clean.hpp"

namespace og {

namespace {

constexpr std::size_t kMaxListDepth = 8;

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim_spaces(text.substr(start, end - start));
    if (!line.empty()) lines.emplace_back(line);
    start = end + 1;
  }
  return lines;
}

}  // namespace

void MarkdownBlocks::text(std::string_view s) {
  for (std::size_t at = 0; at < s.size();) {
    const std::size_t start = at;
    const char32_t c = next_code_point(s, at);
    if (is_dropped_code_point(c)) continue;
    if (is_space_code_point(c)) {
      space_ = true;
      continue;
    }
    if (space_ && !line_.empty() && line_.back() != '\n') line_ += ' ';
    if ((space_ || (!line_.empty() && line_.back() == '\n')) && !plain_.empty()) plain_ += ' ';
    space_ = false;
    breaks_ = 0;
    const std::string_view ch = s.substr(start, at - start);
    plain_.append(ch);
    if (c < 0x80)
      append_markdown_escaped(line_, ch);
    else
      line_.append(ch);
  }
}

void MarkdownBlocks::line_break() {
  if (cells_ > 0 || heading_ > 0) {
    space_ = true;
    return;
  }
  if (++breaks_ >= 2) return end_paragraph();
  if (line_.empty()) return;
  line_ += '\n';
  space_ = false;
}

void MarkdownBlocks::end_paragraph() {
  if (cells_ > 0 || heading_ > 0) {
    space_ = true;
    return;
  }
  std::vector<std::string> lines = split_lines(line_);
  line_.clear();
  space_ = false;
  breaks_ = 0;
  std::string plain = std::move(plain_);
  plain_.clear();
  if (lines.empty()) return;
  if (!plain.empty()) plain_blocks_.push_back({items_.empty() ? Kind::paragraph : Kind::item, std::move(plain)});
  for (auto& line : lines) line = escape_line_start(line);
  emit(lines, "\\\n");
}

std::string MarkdownBlocks::indent() const {
  std::size_t n = 0;
  for (const Item& item : items_)
    if (item.started) n += item.marker.size();
  return std::string(n, ' ');
}

void MarkdownBlocks::emit(const std::vector<std::string>& lines, std::string_view joint) {
  Item* item = items_.empty() ? nullptr : &items_.back();
  const bool starts_item = item && !item->started;
  std::string first = indent();
  if (starts_item) {
    first += item->marker;
    item->started = true;
  }
  const std::string rest = indent();
  if (!out_.empty()) out_ += starts_item && last_in_list_ ? "\n" : "\n\n";
  out_ += first;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) {
      out_ += joint;
      out_ += rest;
    }
    out_ += lines[i];
  }
  last_in_list_ = !items_.empty();
  ++paragraphs_;
  if (first_end_ == std::string::npos) first_end_ = out_.size();
}

void MarkdownBlocks::begin_heading(int written_level) {
  end_paragraph();
  heading_ = written_level;
}

void MarkdownBlocks::end_heading() {
  const int written = heading_;
  heading_ = 0;
  std::string text(trim_spaces(line_));
  line_.clear();
  space_ = false;
  if (text.empty()) return;
  plain_blocks_.push_back({Kind::heading, std::move(plain_)});
  plain_.clear();
  // The outline: a heading is one level below the nearest heading before it
  // that was written at a higher level, so the first is '##' and none skips.
  while (!outline_.empty() && outline_.back() >= written) outline_.pop_back();
  const std::size_t level = std::min<std::size_t>(2 + outline_.size(), 6);
  outline_.push_back(written);
  emit({std::string(level, '#') + " " + text}, "");
}

void MarkdownBlocks::begin_list(bool ordered, int start) {
  end_paragraph();
  list_counts_.push_back(ordered ? start : -1);
}

void MarkdownBlocks::end_list() {
  end_paragraph();
  if (!list_counts_.empty()) list_counts_.pop_back();
  if (list_counts_.empty()) last_in_list_ = false;  // the next list is another list
}

void MarkdownBlocks::begin_item() {
  end_paragraph();
  if (items_.size() >= kMaxListDepth || list_counts_.empty()) {
    ++flat_items_;
    return;
  }
  int& count = list_counts_.back();
  items_.push_back({count < 0 ? "- " : std::to_string(count++) + ". ", false});
}

void MarkdownBlocks::end_item() {
  end_paragraph();
  if (flat_items_ > 0)
    --flat_items_;
  else if (!items_.empty())
    items_.pop_back();
}

void MarkdownBlocks::end_span(Mark mark, std::string_view open, std::string_view close) {
  if (mark.paragraph != paragraphs_ || mark.at > line_.size()) return;
  std::string_view inner = std::string_view(line_).substr(mark.at);
  std::size_t lead = 0;
  while (lead < inner.size() && (inner[lead] == ' ' || inner[lead] == '\n')) ++lead;
  std::size_t end = inner.size();
  while (end > lead && inner[end - 1] == '\n') --end;
  if (end == lead) return;
  std::string wrapped(inner.substr(0, lead));
  wrapped += open;
  wrapped += inner.substr(lead, end - lead);
  wrapped += close;
  wrapped += inner.substr(end);
  line_.replace(mark.at, std::string::npos, wrapped);
}

void MarkdownBlocks::begin_cell() {
  saved_lines_.push_back(std::move(line_));
  saved_plain_.push_back(std::move(plain_));
  line_.clear();
  plain_.clear();
  space_ = false;
  ++cells_;
}

std::string MarkdownBlocks::end_cell() {
  std::string text(trim_spaces(line_));
  std::replace(text.begin(), text.end(), '\n', ' ');
  line_ = std::move(saved_lines_.back());
  saved_lines_.pop_back();
  if (!plain_.empty()) row_plain_ += (row_plain_.empty() ? "" : "; ") + plain_;
  plain_ = std::move(saved_plain_.back());
  saved_plain_.pop_back();
  --cells_;
  space_ = false;
  return text;
}

void MarkdownBlocks::table(const std::vector<std::vector<std::string>>& rows) {
  std::size_t columns = 0;
  for (const auto& row : rows) columns = std::max(columns, row.size());
  std::string plain = std::move(row_plain_);
  row_plain_.clear();
  if (columns == 0) return;
  plain_blocks_.push_back({Kind::table, std::move(plain)});
  if (columns == 1) {
    begin_list(false);
    for (const auto& row : rows) {
      begin_item();
      line_ = row[0];
      end_item();
    }
    return end_list();
  }
  std::vector<std::string> lines;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line = "|";
    for (std::size_t c = 0; c < columns; ++c) line += " " + (c < rows[r].size() ? rows[r][c] : std::string()) + " |";
    lines.push_back(line);
    if (r == 0) {
      line = "|";
      for (std::size_t c = 0; c < columns; ++c) line += " --- |";
      lines.push_back(line);
    }
  }
  emit(lines, "\n");
}

}  // namespace og
