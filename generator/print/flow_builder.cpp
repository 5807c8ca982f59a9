#include "print/flow_builder.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>

#include "core/text.hpp"
#include "derive/markdown.hpp"

namespace og {

FlowBuilder::FlowBuilder(const DocumentTheme& theme, LinkResolver links, FlowSizes sizes)
    : theme_(theme), links_(std::move(links)), sizes_(sizes) {}

TextStyle FlowBuilder::body_style() const {
  return TextStyle{.size = sizes_.body, .colour = theme_.text, .link_colour = theme_.brand};
}

FlowBlock& FlowBuilder::add(FlowBlock block) {
  block.open.insert(block.open.begin(), pending_open_.begin(), pending_open_.end());
  pending_open_.clear();
  block.space_before += extra_space_;
  extra_space_ = 0;
  if (block.group < 0) block.group = group_;
  if (block.step < 0) block.step = step_;
  blocks_.push_back(std::move(block));
  return blocks_.back();
}

void FlowBuilder::heading(int level, RichText text, std::string mark) {
  FlowBlock b;
  b.tag = "H" + std::to_string(std::clamp(level, 1, 6));
  b.text = std::move(text);
  b.style = body_style();
  b.style.bold = true;
  b.style.leading = 0.9;
  const double sizes[] = {sizes_.h1, sizes_.h2, sizes_.h3, sizes_.h4, sizes_.h4, sizes_.h4};
  b.style.size = sizes[std::clamp(level, 1, 6) - 1];
  if (level == 1) b.style.colour = theme_.brand;
  b.space_before = level == 1 ? 0 : b.style.size * (level == 2 ? 1.1 : 0.9);
  b.space_after = level == 1 ? 8 : 4;
  b.keep_with_next = true;
  b.indent = indent_;
  b.mark = std::move(mark);
  add(std::move(b));
}

void FlowBuilder::text_block(RichText text, double size, const Rgb& colour) {
  FlowBlock b;
  b.tag = "P";
  b.text = std::move(text);
  b.style = body_style();
  b.style.size = size;
  b.style.colour = colour;
  b.space_after = size * 0.6;
  b.indent = indent_;
  add(std::move(b));
}

FlowBlock FlowBuilder::list_item(std::string label, double indent) const {
  FlowBlock b;
  b.open = {"LI"};
  b.label = std::move(label);
  b.open_after_label = {"LBody"};
  b.style = body_style();
  b.indent = indent;
  b.space_after = sizes_.body * 0.3;
  return b;
}

void FlowBuilder::bullets(const std::vector<RichText>& items) {
  if (items.empty()) return;
  open("L");
  for (const auto& item : items) {
    FlowBlock b = list_item("\u2022", indent_ + sizes_.body * 1.2);
    b.text = item;
    b.close = 2;
    add(std::move(b));
  }
  close();
  if (!blocks_.empty()) blocks_.back().space_after = sizes_.body * 0.6;
}

void FlowBuilder::open(std::string tag) {
  pending_open_.push_back(std::move(tag));
  ++open_depth_;
}

void FlowBuilder::close() {
  if (open_depth_ == 0) return;
  --open_depth_;
  if (!pending_open_.empty()) {
    pending_open_.pop_back();  // nothing was added inside it
    return;
  }
  blocks_.back().close += 1;
}

// Walks cmark-gfm's tree into blocks.
struct MarkdownFlow {
  FlowBuilder& out;
  int heading_base;

  void inlines(cmark_node* node, RichText& runs, bool bold, bool italic, const std::string& link) {
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
      const char* literal = cmark_node_get_literal(c);
      switch (cmark_node_get_type(c)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
          if (literal) runs.push_back({literal, bold, italic, link});
          break;
        case CMARK_NODE_SOFTBREAK:
          runs.push_back({" ", bold, italic, link});
          break;
        case CMARK_NODE_LINEBREAK:
          runs.push_back({"\n", bold, italic, link});
          break;
        case CMARK_NODE_EMPH:
          inlines(c, runs, bold, true, link);
          break;
        case CMARK_NODE_STRONG:
          inlines(c, runs, true, italic, link);
          break;
        case CMARK_NODE_LINK: {
          const char* url = cmark_node_get_url(c);
          inlines(c, runs, bold, italic, url && *url ? out.resolve(url) : link);
          break;
        }
        default:  // an image's alt text, strikethrough and the like
          inlines(c, runs, bold, italic, link);
          break;
      }
    }
  }

  RichText inline_text(cmark_node* node) {
    RichText runs;
    inlines(node, runs, false, false, {});
    return runs;
  }

  void item(cmark_node* item, const std::string& label) {
    const double indent = out.indent();
    const double item_indent = indent + out.sizes().body * 1.4;
    cmark_node* first = cmark_node_first_child(item);
    FlowBlock b = out.list_item(label, item_indent);
    if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
      b.text = inline_text(first);
      first = cmark_node_next(first);
    }
    out.add(std::move(b));
    out.set_indent(item_indent);
    for (cmark_node* c = first; c; c = cmark_node_next(c)) block(c);
    out.set_indent(indent);
    out.blocks().back().close += 2;  // LBody, LI
  }

  void block(cmark_node* node) {
    const char* literal = cmark_node_get_literal(node);
    const char* type = cmark_node_get_type_string(node);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH:
        out.paragraph(inline_text(node));
        return;
      case CMARK_NODE_HEADING:
        out.heading(cmark_node_get_heading_level(node) - 2 + heading_base, inline_text(node));
        return;
      case CMARK_NODE_LIST: {
        const bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        int number = cmark_node_get_list_start(node);
        out.open("L");
        for (cmark_node* i = cmark_node_first_child(node); i; i = cmark_node_next(i))
          item(i, ordered ? std::to_string(number++) + "." : "\u2022");
        out.close();
        out.blocks().back().space_after = out.sizes().body * 0.6;
        return;
      }
      case CMARK_NODE_BLOCK_QUOTE: {
        const double indent = out.indent();
        out.open("BlockQuote");
        out.set_indent(indent + out.sizes().body * 1.2);
        children(node);
        out.set_indent(indent);
        out.close();
        return;
      }
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_HTML_BLOCK: {
        std::string text = literal ? literal : "";
        while (!text.empty() && text.back() == '\n') text.pop_back();
        if (!text.empty()) out.paragraph(plain(text));
        return;
      }
      case CMARK_NODE_THEMATIC_BREAK:
        return;
      default:
        break;
    }
    if (type && std::strcmp(type, "table") == 0) {
      // A table becomes one paragraph a row, its cells joined: readable in
      // print and in reading order, if not as a grid.
      for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
        RichText runs;
        bool header = std::strcmp(cmark_node_get_type_string(row), "table_header") == 0;
        for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
          if (!runs.empty()) runs.push_back({" \u2013 ", header, false, {}});
          inlines(cell, runs, header, false, {});
        }
        out.paragraph(std::move(runs));
      }
      return;
    }
    children(node);
  }

  void children(cmark_node* node) {
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) block(c);
  }
};

void FlowBuilder::markdown(const Markdown& md, int heading_base) {
  if (trim(md.text).empty()) return;
  const ParsedMarkdown parsed = parse_markdown(md.text, CMARK_OPT_SMART);
  MarkdownFlow{*this, heading_base}.children(parsed.doc.get());
}

}  // namespace og
