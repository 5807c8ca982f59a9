// Builds the blocks of a flowing document: headings, paragraphs, lists,
// Markdown (walked from cmark's tree, never from HTML), kept-together groups,
// and the structure containers around them.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/common.hpp"
#include "print/flow.hpp"
#include "print/theme.hpp"

namespace og {

// Turns a link written in content ("/services/x/", "https://...") into the
// address a PDF can use.
using LinkResolver = std::function<std::string(std::string_view)>;

struct FlowSizes {
  double body = 10.5;
  double h1 = 24, h2 = 16, h3 = 12.5, h4 = 11;
  double small = 9;
};

class FlowBuilder {
 public:
  FlowBuilder(const DocumentTheme& theme, LinkResolver links, FlowSizes sizes = {});

  // Headings are levels 1 to 6; `mark` draws GOV.UK's step circle.
  void heading(int level, RichText text, std::string mark = {});
  void paragraph(RichText text) { text_block(std::move(text), sizes_.body, theme_.text); }
  // Smaller, in the secondary colour.
  void note(RichText text) { text_block(std::move(text), sizes_.small, theme_.secondary); }
  void bullets(const std::vector<RichText>& items);
  // Markdown whose '##' becomes heading level `heading_base`.
  void markdown(const Markdown& md, int heading_base);

  // A container ("Sect", "L", "Div") around the blocks added until close().
  void open(std::string tag);
  void close();
  // Blocks added between these stay on one page when they can.
  void begin_group() { group_ = next_group_++; }
  void end_group() { group_ = -1; }

  void set_indent(double indent) { indent_ = indent; }
  double indent() const { return indent_; }
  void set_step(int step) { step_ = step; }
  // Space added before the next block.
  void space(double points) { extra_space_ += points; }

  const FlowSizes& sizes() const { return sizes_; }
  std::vector<FlowBlock>& blocks() { return blocks_; }
  std::string resolve(std::string_view link) const { return links_ ? links_(link) : std::string(link); }

  // Adds a block as it is, after applying pending containers and spacing.
  FlowBlock& add(FlowBlock block);
  TextStyle body_style() const;
  // A list item's block (LI, its label, LBody), without its text.
  FlowBlock list_item(std::string label, double indent) const;

 private:
  friend struct MarkdownFlow;
  void text_block(RichText text, double size, const Rgb& colour);
  const DocumentTheme& theme_;
  LinkResolver links_;
  FlowSizes sizes_;
  std::vector<FlowBlock> blocks_;
  std::vector<std::string> pending_open_;
  int open_depth_ = 0;
  int group_ = -1, next_group_ = 0;
  int step_ = -1;
  double indent_ = 0;
  double extra_space_ = 0;
};

}  // namespace og
