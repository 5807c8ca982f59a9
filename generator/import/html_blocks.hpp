// The Markdown that html_to_markdown() writes, built a block at a time:
// paragraphs with line breaks, headings numbered from '##' without skipping
// a level, nested lists, tables, and spans (links, bold, italic) wrapped
// around the text they hold once it is known not to be empty.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace og {

class MarkdownBlocks {
 public:
  // Text as the HTML has it: runs of spaces become one, dropped characters go,
  // Markdown's characters are escaped.
  void text(std::string_view s);
  void line_break();  // two in a row end the paragraph
  void end_paragraph();

  void begin_heading(int written_level);
  void end_heading();
  bool can_have_heading() const { return items_.empty() && cells_ == 0 && heading_ == 0; }
  // In a heading or a table cell, where blocks become spaces.
  bool inline_only() const { return cells_ > 0 || heading_ > 0; }

  void begin_list(bool ordered, int start = 1);
  void end_list();
  void begin_item();
  void end_item();

  struct Mark {
    std::size_t at;
    int paragraph;
  };
  Mark begin_span() const { return {line_.size(), paragraphs_}; }
  // Wraps what was written since `mark` in `open` and `close`, unless it is
  // empty or a paragraph ended in between (then the text stays, unwrapped).
  void end_span(Mark mark, std::string_view open, std::string_view close);

  // A table cell's text, on one line.
  void begin_cell();
  std::string end_cell();
  void table(const std::vector<std::vector<std::string>>& rows);

  std::string take() { return std::move(out_); }
  // Where the first block written ends in take()'s text (npos before one is).
  std::size_t first_block_end() const { return first_end_; }

  // The text of each block as plain text (no escapes, no markup), in order:
  // for a summary, and for fields that are not Markdown.
  enum class Kind { paragraph, heading, item, table };
  struct PlainBlock {
    Kind kind;
    std::string text;
  };
  const std::vector<PlainBlock>& plain_blocks() const { return plain_blocks_; }

 private:
  struct Item {
    std::string marker;  // "- ", "3. "
    bool started = false;
  };
  // Writes one block (its lines, already escaped) where the lists put it.
  void emit(const std::vector<std::string>& lines, std::string_view joint);
  std::string indent() const;

  std::string out_;
  std::string line_;   // the paragraph being written: escaped Markdown, '\n' at line breaks
  std::string plain_;  // the same as plain text, line breaks as spaces
  std::vector<PlainBlock> plain_blocks_;
  std::vector<std::string> saved_plain_;
  std::string row_plain_;  // the cells of the table being read
  bool space_ = false;
  int breaks_ = 0;                // line breaks since the last text
  int paragraphs_ = 0;            // paragraphs written, so that a span across one is not wrapped
  std::vector<int> list_counts_;  // one per open list: -1 for a bullet list, else the next number
  std::vector<Item> items_;
  int flat_items_ = 0;        // items nested too deep, read as paragraphs
  std::vector<int> outline_;  // the written levels of the headings above this point
  int heading_ = 0;           // the written level of the heading being read
  int cells_ = 0;
  std::vector<std::string> saved_lines_;  // the paragraphs around the cells being read
  bool last_in_list_ = false;
  std::size_t first_end_ = std::string::npos;
};

}  // namespace og
