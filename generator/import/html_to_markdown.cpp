#include "import/html_to_markdown.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <memory>

#include "core/text.hpp"
#include "import/html_blocks.hpp"
#include "import/text_clean.hpp"
#include "validate/formats.hpp"

namespace og {

namespace {

// Deeper than this, a description's elements are read as their text alone:
// nothing written by a person nests so deep, and the walk stays bounded.
constexpr int kMaxDepth = 48;

struct GumboDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

// Whether `text` has an HTML tag: '<' before a name HTML knows ("<p>",
// "</b>", "<br/>"), or "<!" (a comment). "<team>" and "<5s" are text.
bool has_tag(std::string_view text) {
  for (std::size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    std::size_t start = at + 1 < text.size() && text[at + 1] == '/' ? at + 2 : at + 1, end = start;
    if (start < text.size() && text[start] == '!') return true;
    while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
    if (end > start && gumbo_tagn_enum(text.data() + start, static_cast<unsigned>(end - start)) != GUMBO_TAG_UNKNOWN)
      return true;
  }
  return false;
}

// The number an <ol start="3"> starts at: 1 unless it is one Markdown can
// write (0 to 999,999,999), as a browser shows a start it cannot read.
int list_start(const GumboNode& node) {
  const GumboAttribute* start = gumbo_get_attribute(&node.v.element.attributes, "start");
  if (!start) return 1;
  const std::string_view text = trim(start->value);
  int n = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  return error == std::errc() && end == text.data() + text.size() && n >= 0 && n <= 999'999'999 ? n : 1;
}

// What an element is to the conversion.
enum class Role { inline_, block, dropped, heading, list, item, table, line_break, link, strong, emphasis, pre };

// The tags of each role, by name; any other element is inline and only its
// content counts.
struct TagsOfRole {
  Role role;
  std::string_view tags;
};
constexpr TagsOfRole kRoles[] = {
    {Role::dropped,
     "script style noscript template iframe object embed svg math canvas audio video source track head title meta "
     "link base img image area map input select textarea button applet frameset frame noframes noembed param option "
     "datalist keygen output progress meter"},
    {Role::heading, "h1 h2 h3 h4 h5 h6"},
    {Role::list, "ul ol menu dir"},
    {Role::item, "li"},
    {Role::table, "table"},
    {Role::line_break, "br"},
    {Role::link, "a"},
    {Role::strong, "strong b"},
    {Role::emphasis, "em i"},
    {Role::pre, "pre listing xmp plaintext"},
    {Role::block,
     "p div section article header footer main aside nav address blockquote figure figcaption center dl dt dd form "
     "fieldset legend details summary hr body html caption hgroup tr td th thead tbody tfoot"},
};

// What the reviewer is told was left out, by the dropped element's name.
constexpr std::pair<std::string_view, std::string_view> kDroppedNames[] = {
    {"script", "script noscript template"},
    {"style", "style"},
    {"image", "img image svg canvas map area"},
    {"form control", "input select textarea button option datalist keygen output progress meter"},
    {"page header", "head title meta link base"},
};

bool has_word(std::string_view words, std::string_view word) {
  for (std::size_t at = 0; at <= words.size();) {
    std::size_t end = words.find(' ', at);
    if (end == std::string_view::npos) end = words.size();
    if (words.substr(at, end - at) == word) return true;
    at = end + 1;
  }
  return false;
}

Role role_of(GumboTag tag) {
  static const std::vector<Role> roles = [] {
    std::vector<Role> table(GUMBO_TAG_LAST + 1, Role::inline_);
    for (int t = 0; t < GUMBO_TAG_LAST; ++t)
      for (const TagsOfRole& r : kRoles)
        if (has_word(r.tags, gumbo_normalized_tagname(static_cast<GumboTag>(t)))) table[t] = r.role;
    return table;
  }();
  return tag >= 0 && tag <= GUMBO_TAG_LAST ? roles[tag] : Role::inline_;
}

std::string dropped_name(GumboTag tag) {
  const std::string_view name = gumbo_normalized_tagname(tag);
  for (const auto& [what, tags] : kDroppedNames)
    if (has_word(tags, name)) return std::string(what);
  return "embedded content";
}

class Converter {
 public:
  explicit Converter(bool plain) : plain_(plain), keep_line_ends_(plain ? 1 : 0) {}

  void children(const GumboNode& node, int depth) {
    const GumboVector& kids = node.v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) visit(*static_cast<const GumboNode*>(kids.data[i]), depth + 1);
  }

  void finish(ConvertedText& result) {
    end_plain_list();
    blocks_.end_paragraph();
    const std::size_t first_end = blocks_.first_block_end();
    result.markdown = blocks_.take();
    const auto& blocks = blocks_.plain_blocks();
    for (const auto& block : blocks) result.plain += (result.plain.empty() ? "" : " ") + block.text;
    using Kind = MarkdownBlocks::Kind;
    for (Kind kind : {Kind::paragraph, Kind::item, Kind::table, Kind::heading}) {
      const auto first = std::find_if(blocks.begin(), blocks.end(), [&](const auto& b) { return b.kind == kind; });
      if (first == blocks.end()) continue;
      result.lead = first->text;
      break;
    }
    const bool starts_with_lead = !blocks.empty() && blocks.front().kind == Kind::paragraph;
    result.after_lead =
        starts_with_lead ? std::string(trim(std::string_view(result.markdown).substr(first_end))) : result.markdown;
  }

  std::map<std::string, int> dropped;

 private:
  void visit(const GumboNode& node, int depth) {
    switch (node.type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        text(node.v.text.text);
        return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        if (depth > kMaxDepth) return text_only(node);
        return element(node, depth);
      default:
        return;  // comments
    }
  }

  void text(std::string_view s) {
    if (keep_line_ends_ == 0) return blocks_.text(s);
    // Plain text and <pre>: a blank line starts a paragraph, a line end is a
    // line break; in plain text, a line that starts with a bullet is an item.
    std::size_t start = 0;
    while (start <= s.size()) {
      std::size_t end = s.find('\n', start);
      if (end == std::string_view::npos) end = s.size();
      std::string_view line = s.substr(start, end - start);
      const std::string_view indented = line.substr(std::min(line.find_first_not_of(" \t"), line.size()));
      for (std::string_view bullet : {"- ", "* ", "\u2022 "})
        if (plain_ && line_start_ && indented.starts_with(bullet)) {
          plain_item();
          line = indented.substr(bullet.size());
        }
      blocks_.text(line);
      line_start_ = end < s.size();
      if (end == s.size()) break;
      std::size_t next = end + 1, blank = 0;
      for (std::size_t i = next; i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'); ++i)
        if (s[i] == '\n') blank = i + 1;
      if (blank) {
        end_plain_list();
        blocks_.end_paragraph();
        next = blank;
      } else {
        blocks_.line_break();
      }
      start = next;
    }
  }

  // The text of a subtree too deep to walk, without recursion.
  void text_only(const GumboNode& root) {
    std::vector<const GumboNode*> stack{&root};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
        blocks_.text(n->v.text.text);
        blocks_.text(" ");
      } else if ((n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) &&
                 role_of(n->v.element.tag) != Role::dropped) {
        const GumboVector& kids = n->v.element.children;
        for (unsigned i = kids.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
      }
    }
  }

  void element(const GumboNode& node, int depth) {
    const GumboTag tag = node.v.element.tag;
    switch (role_of(tag)) {
      case Role::dropped:
        ++dropped[dropped_name(tag)];
        return;
      case Role::block:
        blocks_.end_paragraph();
        children(node, depth);
        blocks_.end_paragraph();
        return;
      case Role::pre:
        blocks_.end_paragraph();
        ++keep_line_ends_;
        children(node, depth);
        --keep_line_ends_;
        blocks_.end_paragraph();
        return;
      case Role::line_break:
        blocks_.line_break();
        return;
      case Role::heading:
        return heading(node, depth);
      case Role::list:
        return list(node, depth);
      case Role::item:
        return item(node, depth);
      case Role::table:
        return table(node, depth);
      case Role::link:
        return link(node, depth);
      case Role::strong:
      case Role::emphasis:
        return emphasis(node, depth, role_of(tag) == Role::strong ? "**" : "*");
      case Role::inline_:
        return children(node, depth);
    }
  }

  void heading(const GumboNode& node, int depth) {
    const int written = 1 + static_cast<int>(node.v.element.tag - GUMBO_TAG_H1);
    blocks_.end_paragraph();
    if (!blocks_.can_have_heading()) {  // in a list or a table: bold text
      emphasis(node, depth, "**");
      blocks_.end_paragraph();
      return;
    }
    blocks_.begin_heading(written);
    children(node, depth);
    blocks_.end_heading();
  }

  void list(const GumboNode& node, int depth) {
    blocks_.end_paragraph();
    blocks_.begin_list(node.v.element.tag == GUMBO_TAG_OL, list_start(node));
    children(node, depth);
    blocks_.end_list();
  }

  void item(const GumboNode& node, int depth) {
    blocks_.end_paragraph();
    blocks_.begin_item();
    children(node, depth);
    blocks_.end_item();
  }

  void link(const GumboNode& node, int depth) {
    const GumboAttribute* href = gumbo_get_attribute(&node.v.element.attributes, "href");
    std::string url = href ? allowed_link(href->value) : "";
    if (url.empty()) {
      if (href) ++dropped["link that is not http(s), mailto or tel"];
      return children(node, depth);
    }
    const auto mark = blocks_.begin_span();
    children(node, depth);
    blocks_.end_span(mark, "[", "](" + url + ")");
  }

  void emphasis(const GumboNode& node, int depth, const std::string& marker) {
    const bool strong = marker.size() == 2;
    int& open = strong ? strong_ : emphasis_;
    if (open > 0) return children(node, depth);  // already bold (or italic)
    ++open;
    const auto mark = blocks_.begin_span();
    children(node, depth);
    blocks_.end_span(mark, marker, marker);
    --open;
  }

  void plain_item() {
    if (plain_list_) blocks_.end_item();
    if (!plain_list_) blocks_.begin_list(false);
    plain_list_ = true;
    blocks_.begin_item();
  }

  void end_plain_list() {
    if (!plain_list_) return;
    blocks_.end_item();
    blocks_.end_list();
    plain_list_ = false;
  }

  void table(const GumboNode& node, int depth);
  std::string cell_text(const GumboNode& cell, int depth);

  MarkdownBlocks blocks_;
  const bool plain_;  // the whole text is plain text
  bool line_start_ = true, plain_list_ = false;
  int keep_line_ends_ = 0;
  int strong_ = 0, emphasis_ = 0;
};

void rows_of(const GumboNode& node, std::vector<const GumboNode*>& rows, std::vector<const GumboNode*>& captions) {
  const GumboVector& kids = node.v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* kid = static_cast<const GumboNode*>(kids.data[i]);
    if (kid->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = kid->v.element.tag;
    if (tag == GUMBO_TAG_TR) rows.push_back(kid);
    if (tag == GUMBO_TAG_CAPTION) captions.push_back(kid);
    if (tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT) rows_of(*kid, rows, captions);
  }
}

std::string Converter::cell_text(const GumboNode& cell, int depth) {
  blocks_.begin_cell();
  children(cell, depth);
  return blocks_.end_cell();
}

// A table with two columns or more becomes a Markdown table, its first row
// the header; a table of one column, a list. A table inside a table or a
// heading is read as text.
void Converter::table(const GumboNode& node, int depth) {
  if (blocks_.inline_only()) return children(node, depth);
  std::vector<const GumboNode*> rows, captions;
  rows_of(node, rows, captions);
  blocks_.end_paragraph();
  for (const GumboNode* caption : captions) {
    children(*caption, depth);
    blocks_.end_paragraph();
  }
  std::vector<std::vector<std::string>> cells;
  for (const GumboNode* row : rows) {
    std::vector<std::string> texts;
    const GumboVector& kids = row->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* kid = static_cast<const GumboNode*>(kids.data[i]);
      if (kid->type == GUMBO_NODE_ELEMENT && (kid->v.element.tag == GUMBO_TAG_TD || kid->v.element.tag == GUMBO_TAG_TH))
        texts.push_back(cell_text(*kid, depth + 1));
    }
    const bool empty = std::all_of(texts.begin(), texts.end(), [](const std::string& t) { return t.empty(); });
    if (!empty) cells.push_back(std::move(texts));
  }
  blocks_.table(cells);
}

}  // namespace

std::size_t count_tags(std::string_view html, std::size_t limit) {
  std::size_t n = 0;
  for (std::size_t at = html.find('<'); at != std::string_view::npos && n <= limit; at = html.find('<', at + 1)) {
    const char c = at + 1 < html.size() ? html[at + 1] : ' ';
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++n;
  }
  return n;
}

std::string allowed_link(std::string_view href) {
  // Browsers ignore tabs and line ends in an address; what Markdown or a
  // browser could read otherwise is percent-encoded.
  static const char* hex = "0123456789ABCDEF";
  std::string url;
  for (unsigned char c : trim(href)) {
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c <= 0x20 || c >= 0x7f ||
        std::string_view("<>()[]\\\"'`").find(static_cast<char>(c)) != std::string_view::npos) {
      url += '%';
      url += hex[c >> 4];
      url += hex[c & 15];
    } else {
      url += static_cast<char>(c);
    }
  }
  const std::size_t colon = url.find(':');
  if (colon != std::string::npos) url.replace(0, colon, to_lower_ascii(url.substr(0, colon)));  // HTTP: -> http:
  const std::string lower = to_lower_ascii(url);
  const std::string_view raw = trim(href);
  std::string why;
  bool ok = false;
  if (lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0) {
    ok = is_web_address(url, why);
  } else if (lower.rfind("mailto:", 0) == 0) {
    const std::size_t query = std::min(url.find('?'), url.size());
    ok = is_email(std::string_view(url).substr(7, query - 7));
  } else if (lower.rfind("tel:", 0) == 0) {
    ok = raw.size() > 4 && raw.find_first_not_of("+0123456789 -()", 4) == std::string_view::npos;
  }
  return ok ? url : std::string();
}

ConvertedText html_to_markdown(std::string_view html) {
  ConvertedText result;
  const bool plain = !has_tag(html);
  std::string text;  // plain text's '<' as "&lt;", so that gumbo reads "<team>" as text (and entities as ever)
  if (plain)
    for (char c : html) text += c == '<' ? std::string_view("&lt;") : std::string_view(&c, 1);
  const std::string_view input = plain ? std::string_view(text) : html;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  options.fragment_context = GUMBO_TAG_DIV;
  std::unique_ptr<GumboOutput, GumboDeleter> output(gumbo_parse_with_options(&options, input.data(), input.size()));
  if (!output) return result;
  Converter converter(plain);
  converter.children(*output->root, 0);
  converter.finish(result);
  for (const auto& [what, n] : converter.dropped) result.dropped.push_back(what + " (" + std::to_string(n) + ")");
  return result;
}

}  // namespace og
