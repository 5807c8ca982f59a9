// The Open Referral importer's JSON and HTML handling. An input that starts
// with '{' or '[' is a feed (import/oruk_feed.hpp): each record the import
// would take becomes a service (service_from_record), is written as a
// content file (service_file_text) and read back by the validate stage, which
// must find no error (the import skips such a record, so the fuzzer asks
// for none). Any other input is a field's HTML (import/html_to_markdown.hpp):
// its Markdown must render without raw HTML and with links only to http(s):,
// mailto: and tel:, and the input as a link address must come back as one of
// those or "".
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/diagnostic_format.hpp"
#include "core/text.hpp"
#include "derive/markdown.hpp"
#include "import/html_to_markdown.hpp"
#include "import/oruk_feed.hpp"
#include "import/service_file.hpp"
#include "import/service_from_record.hpp"
#include "load/front_matter.hpp"
#include "load/source_file.hpp"
#include "validate/kinds.hpp"

namespace {

using namespace og;

[[noreturn]] void fail(const std::string& what, const std::string& text) {
  std::fprintf(stderr, "%s:\n%s\n", what.c_str(), text.c_str());
  std::abort();
}

// `url` is what follows the address's opening quote. The scheme may have
// capitals: cmark-gfm links a bare "htTps://..." in text as written.
bool allowed_address(std::string_view url) {
  const std::string scheme = to_lower_ascii(url.substr(0, 8));
  return url.starts_with('"') || scheme.starts_with("http://") || scheme.starts_with("https://") ||
         scheme.starts_with("mailto:") || scheme.starts_with("tel:");
}

void check_markdown(const ConvertedText& converted, const std::string& html) {
  Diagnostics d;
  const std::string page = render_markdown({converted.markdown, {"x.md", 1, 1}}, MarkdownOptions{}, d);
  if (!d.empty()) fail("the Markdown of '" + html + "' has a problem", format_diagnostic(d.all()[0], {}));
  // (" href=": a link's address is percent-encoded, so it has no space.)
  for (std::size_t at = page.find(" href=\""); at != std::string::npos; at = page.find(" href=\"", at + 1))
    if (!allowed_address(std::string_view(page).substr(at + 7))) fail("a link not allowed from '" + html + "'", page);
}

const MapTargets& targets() {
  static const Site site = [] {
    Site s;
    s.categories.push_back({"family-support", "Family support", "", {}});
    s.levels.push_back({1, "Universal", ""});
    return s;
  }();
  static const MapTargets t{&site, {"north"}, {"North"}};
  return t;
}

// As the import does (import_oruk.cpp): records it skips are not written.
bool imported(const FeedRecord& r) {
  if (!r.problem.empty() || trim(r.name).empty()) return false;
  if (!r.status.empty() && to_lower_ascii(trim(r.status)) != "active") return false;
  for (const std::string* html : {&r.description, &r.application_process, &r.name, &r.organisation, &r.cost,
                                  &r.eligibility, &r.accessibility, &r.opening_times})
    if (count_tags(*html) > kMaxTags) return false;
  return true;
}

void check_round_trip(const FeedRecord& r) {
  const ImportedService s = service_from_record(r, "feed.json", ImportMap{}, targets());
  const std::string text = service_file_text(s.service);
  Diagnostics d;
  auto source = make_source("services/" + s.slug + ".md", text, d);
  if (source) {
    source->id = s.slug;
    MarkdownSplit split = split_front_matter(*source, d);
    const MarkdownDocument doc{&*source, std::move(split.front_matter), split.body, split.body_line, split.broken};
    read_service(doc, d);
  }
  for (const Diagnostic& diag : d.all())
    if (diag.severity == Severity::error)
      fail("the written service does not read back", format_diagnostic(diag, {}) + text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::size_t first = input.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && (input[first] == '{' || input[first] == '[')) {
    Diagnostics d;
    if (auto feed = parse_feed(input, "feed.json", d))
      for (const FeedRecord& r : feed->records)
        if (imported(r)) check_round_trip(r);
    return 0;
  }
  if (find_invalid_utf8(input)) return -1;  // a feed's strings are UTF-8 once parsed
  if (count_tags(input) <= kMaxTags) check_markdown(html_to_markdown(input), input);
  const std::string link = allowed_link(input);
  if (!link.empty() && !allowed_address(link)) fail("allowed_link() let through", input);
  return 0;
}
