#include "import/service_file.hpp"

#include <cstdio>

#include "core/hash.hpp"
#include "core/text.hpp"

namespace og {

namespace {

constexpr std::string_view kDigestLine = "\n  digest: ";

bool plain_safe(std::string_view text) {
  if (text.empty() || text != trim(text)) return false;
  const unsigned char first = static_cast<unsigned char>(text.front());
  const bool letter_or_digit = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') ||
                               (first >= '0' && first <= '9') || first >= 0x80;
  if (!letter_or_digit) return false;
  for (unsigned char c : text)
    if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') return false;
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos) return false;
  if (text.back() == ':') return false;
  // Words YAML reads as something other than text.
  const std::string lower = to_lower_ascii(text);
  for (std::string_view word : {"null", "true", "false", "yes", "no", "on", "off", "y", "n"})
    if (lower == word) return false;
  return true;
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x85) {
      out += "\\N";  // U+0085, a line break to YAML
      ++i;
    } else if (c == 0xe2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(text[i + 2]) == 0xa8 || static_cast<unsigned char>(text[i + 2]) == 0xa9)) {
      out += static_cast<unsigned char>(text[i + 2]) == 0xa8 ? "\\L" : "\\P";  // U+2028, U+2029
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

class FrontMatter {
 public:
  void text(std::string_view key, std::string_view value, std::string_view indent = "") {
    if (value.empty()) return;
    out_ += std::string(indent) + std::string(key) + ": " + yaml_scalar(value) + "\n";
  }
  void list(std::string_view key, const std::vector<std::string>& items) {
    if (items.empty()) return;
    out_ += std::string(key) + ":\n";
    for (const auto& item : items) out_ += "  - " + yaml_scalar(item) + "\n";
  }
  void flow(std::string_view key, const std::vector<std::string>& ids) {  // ids and numbers only
    if (ids.empty()) return;
    out_ += std::string(key) + ": [";
    for (std::size_t i = 0; i < ids.size(); ++i) out_ += (i ? ", " : "") + ids[i];
    out_ += "]\n";
  }
  void markdown(std::string_view key, std::string_view text) {
    if (trim(text).empty()) return;
    out_ += std::string(key) + ": |\n";
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view line = text.substr(start, end - start);
      out_ += line.empty() ? "\n" : "  " + std::string(line) + "\n";
      start = end + 1;
    }
  }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

void write_fields(const Service& s, FrontMatter& f) {
  f.text("name", s.name);
  f.text("organisation", s.organisation);
  f.text("summary", s.summary);
  std::vector<std::string> ids;
  for (const Ref& c : s.categories) ids.push_back(c.id);
  f.flow("categories", ids);
  ids.clear();
  for (int level : s.levels) ids.push_back(std::to_string(level));
  f.flow("levels", ids);
  if (s.min_age) f.out() += "min_age: " + std::to_string(*s.min_age) + "\n";
  if (s.max_age) f.out() += "max_age: " + std::to_string(*s.max_age) + "\n";
  ids.clear();
  for (const Ref& l : s.localities) ids.push_back(l.id);
  if (s.all_localities) f.out() += "localities: all\n";
  f.flow("localities", ids);
  ids.clear();
  for (AccessRoute a : s.access) ids.push_back(access_route_id(a));
  f.flow("access", ids);
  f.markdown("how_to_access", s.how_to_access.text);
  if (!s.contact.empty()) {
    f.out() += "contact:\n";
    f.text("phone", s.contact.phone, "  ");
    f.text("email", s.contact.email, "  ");
    f.text("website", s.contact.website, "  ");
    f.text("address", s.contact.address, "  ");
  }
  f.text("opening_times", s.opening_times);
  f.text("cost", s.cost);
  f.list("languages", s.languages);
  f.text("accessibility", s.accessibility);
  f.text("eligibility", s.eligibility);
  f.list("keywords", s.keywords);
  if (s.sensitive) f.out() += "sensitive: true\n";
  if (!s.last_reviewed.empty()) f.out() += "last_reviewed: " + s.last_reviewed.iso() + "\n";
}

}  // namespace

std::string yaml_scalar(std::string_view text) {
  return plain_safe(text) ? std::string(text) : quoted(text);
}

std::string service_file_text(const Service& s) {
  FrontMatter f;
  f.out() = "---\n";
  write_fields(s, f);
  const bool sourced = !s.source.open_referral_id.empty();
  if (sourced) {
    f.out() += "source:\n";
    f.text("open_referral_id", s.source.open_referral_id, "  ");
    f.text("feed", s.source.feed, "  ");
  }
  std::string rest = "---\n";
  if (!trim(s.description.text).empty()) rest += "\n" + s.description.text + "\n";
  if (!sourced) return f.out() + rest;
  const std::string digest = short_hash(f.out() + rest, 16);
  return f.out() + "  digest: " + digest + "\n" + rest;
}

std::optional<std::string> recorded_digest(std::string_view file) {
  const std::size_t source = file.find("\nsource:\n");
  if (source == std::string_view::npos) return std::nullopt;
  const std::size_t at = file.find(kDigestLine, source);
  if (at == std::string_view::npos) return std::nullopt;
  const std::size_t start = at + kDigestLine.size(), end = file.find('\n', start);
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(file.substr(start, end - start));
}

bool unedited_since_import(std::string_view file) {
  const auto digest = recorded_digest(file);
  if (!digest) return false;
  const std::size_t at = file.find(std::string(kDigestLine) + *digest + "\n", file.find("\nsource:\n"));
  std::string rest(file.substr(0, at + 1));
  rest += file.substr(at + kDigestLine.size() + digest->size() + 1);
  return short_hash(rest, 16) == *digest;
}

}  // namespace og
