#include "import/import_oruk.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <set>

#include "core/text.hpp"
#include "import/html_to_markdown.hpp"
#include "import/import_plan.hpp"
#include "import/service_file.hpp"
#include "import/text_clean.hpp"
#include "load/content_files.hpp"
#include "load/front_matter.hpp"
#include "load/limits.hpp"
#include "validate/kinds.hpp"

namespace og {

namespace fs = std::filesystem;

namespace {

struct Skipped {
  std::string what;  // "page1.json record 3 'Name' (id 42)"
  std::string why;
};

struct Run {
  Run(const ImportOptions& o, ImportResult& r) : options(o), result(r) {}
  const ImportOptions& options;
  ImportResult& result;
  Site site;
  MapTargets targets{&site, {}, {}};
  ImportMap map;
  std::vector<ImportedService> services;
  std::vector<std::string> texts;
  std::vector<Skipped> skipped;
  std::map<std::string, std::string> seen_ids;  // Open Referral id -> where it was first read
  std::vector<std::string> feeds_read;
  std::set<std::string> feed_names;  // the file names of the feeds read, as 'source: feed:' records them
  std::vector<std::string> left;     // files whose service is no longer imported from their feed

  std::string folder(std::string_view sub) const {
    std::string dir = options.into;
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    return dir + "/" + std::string(sub);
  }

  bool read_site() {
    ContentFile file{fs::path(options.into) / "site.yaml", folder("site.yaml"), ContentSlot::site, false};
    ParsedFile parsed = parse_content_file(file);
    result.diagnostics.append(parsed.diagnostics);
    if (!parsed.yaml) return false;
    Diagnostics d;
    site = og::read_site(*parsed.yaml, d);
    result.diagnostics.append(d);
    if (d.has_errors()) return false;
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(fs::path(options.into) / "localities", ec))
      if (e.path().extension() == ".md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {  // their names, for feeds that name areas as offergen's export does
      ParsedFile locality = parse_content_file({f, f.string(), ContentSlot::localities, true});
      Diagnostics ignored;  // the build reports them
      targets.localities.push_back(f.stem().string());
      targets.locality_names.push_back(locality.markdown ? read_locality(*locality.markdown, ignored).name : "");
    }
    return !site.categories.empty() && !site.levels.empty();
  }

  bool read_map() {
    if (!options.map) return true;
    auto m = read_import_map(*options.map, *options.map, targets, result.diagnostics);
    if (m) map = std::move(*m);
    return m.has_value();
  }

  // The file text of `s`, checked as the build will check it: a service the
  // import cannot write correctly is skipped rather than written.
  std::string checked_text(const ImportedService& s, std::string& problem) const {
    std::string text = service_file_text(s.service);
    Diagnostics d;
    auto source = make_source("services/" + s.slug + ".md", text, d);
    if (source) {
      source->id = s.slug;
      MarkdownSplit split = split_front_matter(*source, d);
      MarkdownDocument doc{&*source, std::move(split.front_matter), split.body, split.body_line, split.broken};
      read_service(doc, d);
    }
    for (const Diagnostic& diag : d.all())
      if (diag.severity == Severity::error) problem = "offergen could not write it correctly (" + diag.message + ")";
    return text;
  }

  void add_record(const FeedRecord& r, const std::string& feed_display, const std::string& feed_name) {
    std::string what = feed_display + " record " + std::to_string(r.number);
    if (!trim(r.name).empty()) what += " '" + shown(r.name) + "'";
    if (!r.id.empty()) what += " (id " + shown(r.id) + ")";
    std::string why = r.problem;
    if (why.empty() && !r.status.empty() && to_lower_ascii(trim(r.status)) != "active")
      why = "its status is '" + shown(r.status) + "', not active";
    if (why.empty() && trim(r.name).empty()) why = "it has no 'name'";
    const auto html_fields = std::array{&r.description, &r.application_process, &r.name,          &r.organisation,
                                        &r.cost,        &r.eligibility,         &r.accessibility, &r.opening_times};
    // A field larger than a content file may be is not converted only to be refused.
    if (why.empty() &&
        std::ranges::any_of(html_fields, [](const std::string* html) { return html->size() > kMaxFileBytes; }))
      why = "a field of it is larger than the 1 MB offergen reads from one file";
    const auto too_many_tags = [](const std::string& html) { return count_tags(html) > kMaxTags; };
    if (why.empty() && std::ranges::any_of(html_fields, [&](const std::string* html) { return too_many_tags(*html); }))
      why = "its HTML has more than " + std::to_string(kMaxTags) + " tags, more than offergen reads in one field";
    const std::string where = feed_display + " record " + std::to_string(r.number);
    if (why.empty() && !r.id.empty() && seen_ids.count(r.id)) why = "its id is also " + seen_ids[r.id];
    if (!why.empty()) return skipped.push_back({what, why});
    seen_ids.emplace(r.id, where);
    ImportedService s = service_from_record(r, feed_name, map, targets);
    std::string problem;
    std::string text = checked_text(s, problem);
    if (!problem.empty()) return skipped.push_back({what, problem});
    services.push_back(std::move(s));
    texts.push_back(std::move(text));
  }

  // A feed's text as the report shows it: on one line, at most 80 characters.
  static std::string shown(const std::string& text) {
    const std::string line = clean_line(text);
    std::size_t at = 0;
    for (int n = 0; at < line.size() && n < 80; ++n) next_code_point(line, at);
    return at < line.size() ? line.substr(0, at) + "…" : line;
  }

  bool read_feeds() {
    for (const std::string& arg : options.feeds) {
      for (const fs::path& file : feed_files(arg)) {
        const std::string display = file == fs::path(arg) ? arg : file.string();
        std::optional<Feed> feed = read_feed(file, display, result.diagnostics);
        if (!feed) continue;
        const std::size_t n = feed->records.size();
        feeds_read.push_back(display + ": " + feed->shape + ", " + std::to_string(n) +
                             (n == 1 ? " record" : " records"));
        feed_names.insert(file.filename().string());
        for (const FeedRecord& r : feed->records) add_record(r, display, file.filename().string());
      }
    }
    return !services.empty();
  }

  // The files imported from one of these feeds whose service was not
  // imported this time: it left the feed, or is skipped above.
  void find_left(const std::vector<ExistingService>& existing) {
    std::set<std::string> imported;
    for (const ImportedService& s : services) imported.insert(s.service.source.open_referral_id);
    for (const ExistingService& e : existing)
      if (feed_names.count(e.feed) && !e.open_referral_id.empty() && !imported.count(e.open_referral_id))
        left.push_back(folder("services/" + e.id + ".md"));
  }
};

// Writes `files` (id, text) into `dir`: all into a temporary folder there
// first, then each renamed into place; on a failure nothing is left behind.
bool write_files(const fs::path& dir, const std::vector<const PlannedFile*>& files, std::string& error) {
  std::error_code ec;
  const bool made_dir = !fs::exists(dir, ec);
  const fs::path staging = dir / (".offergen-import-" + std::to_string(::getpid()));
  const auto fail = [&](const std::string& what) {
    error = what;
    fs::remove_all(staging, ec);
    if (made_dir) fs::remove(dir, ec);
    return false;
  };
  if (!fs::create_directories(staging, ec) && ec) return fail("cannot make " + staging.string() + ": " + ec.message());
  for (const PlannedFile* f : files) {
    std::ofstream out(staging / (f->id + ".md"), std::ios::binary);
    out << f->text;
    out.close();
    if (!out) return fail("cannot write " + (staging / (f->id + ".md")).string());
  }
  // Each file it replaces is first moved aside, so that a failure half-way
  // puts every file back as it was.
  std::vector<std::pair<fs::path, fs::path>> moved;  // (from, to), to undo in reverse
  const auto undo = [&](const std::string& what) {
    std::error_code ignored;
    for (auto it = moved.rbegin(); it != moved.rend(); ++it) fs::rename(it->second, it->first, ignored);
    return fail(what);
  };
  fs::create_directories(staging / "replaced", ec);
  for (const PlannedFile* f : files) {
    const fs::path target = dir / (f->id + ".md"), aside = staging / "replaced" / (f->id + ".md");
    if (fs::is_directory(target, ec)) return undo("cannot write " + target.string() + ": it is a folder");
    if (fs::exists(target, ec)) {
      fs::rename(target, aside, ec);
      if (ec) return undo("cannot replace " + target.string() + ": " + ec.message());
      moved.emplace_back(target, aside);
    }
    fs::rename(staging / (f->id + ".md"), target, ec);
    if (ec) return undo("cannot move " + f->id + ".md into " + dir.string() + ": " + ec.message());
    moved.emplace_back(staging / (f->id + ".md"), target);
  }
  fs::remove_all(staging, ec);
  return true;
}

std::string report(const Run& run, const std::vector<PlannedFile>& files) {
  std::string out;
  for (const auto& feed : run.feeds_read) out += "read      " + feed + "\n";
  std::map<Outcome, int> counts;
  for (const PlannedFile& f : files) {
    ++counts[f.outcome];
    out += std::string(outcome_name(f.outcome)) + std::string(10 - std::string(outcome_name(f.outcome)).size(), ' ') +
           run.folder("services/" + f.id + ".md");
    if (f.outcome == Outcome::kept) out += ": edited by hand; the feed has not changed it since it was imported";
    if (f.outcome == Outcome::refused)
      out += ": edited by hand, and the feed has changed it since it was imported (--force takes the feed's)";
    out += "\n";
  }
  for (const Skipped& s : run.skipped) out += "skipped   " + s.what + ": " + s.why + "\n";
  for (const std::string& file : run.left)
    out +=
        "left      " + file + ": its service is no longer imported from its feed (delete the file if it has closed)\n";
  std::string review;
  for (const PlannedFile& f : files)
    for (const std::string& note : run.services[f.service].review)
      if (f.outcome == Outcome::created || f.outcome == Outcome::updated)
        review += "  " + run.folder("services/" + f.id + ".md") + ": " + note + "\n";
  if (!review.empty()) out += "\nFor a person to review:\n" + review;
  std::map<std::string, int> unmapped;
  for (const ImportedService& s : run.services)
    for (const std::string& u : s.unmapped) ++unmapped[u];
  if (!unmapped.empty()) {
    out += "\nNot in the map (add them to a --map file to choose their categories, levels or localities):\n";
    for (const auto& [what, n] : unmapped)
      out += "  " + what + " (" + std::to_string(n) + (n == 1 ? " service)\n" : " services)\n");
  }
  const auto n = [&](Outcome o) { return std::to_string(counts[o]); };
  out += "\nImported " + std::to_string(files.size() - counts[Outcome::refused]) + " of " +
         std::to_string(files.size() + run.skipped.size()) + " services into " + run.folder("services/") + ": " +
         n(Outcome::created) + " created, " + n(Outcome::updated) + " updated, " + n(Outcome::unchanged) +
         " unchanged, " + n(Outcome::kept) + " kept, " + n(Outcome::refused) + " refused, " +
         std::to_string(run.skipped.size()) + " skipped\n";
  // A feed's text must not move the terminal's cursor or write its clipboard:
  // control characters (C0 but the line breaks, DEL, C1) are left out.
  std::string shown;
  shown.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c == 0xC2 && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) < 0xA0) {
      ++i;  // U+0080 to U+009F
    } else if (c == '\n' || (c >= 0x20 && c != 0x7F)) {
      shown += static_cast<char>(c);
    }
  }
  return shown;
}

}  // namespace

ImportResult import_oruk(const ImportOptions& options) {
  ImportResult result;
  Run run{options, result};
  if (!run.read_site()) {
    if (!result.diagnostics.has_errors())
      result.diagnostics.error({run.folder("site.yaml"), 0, 0}, "site.yaml has no categories or no levels of need",
                               "the import gives every service categories and levels from site.yaml");
    return result;
  }
  if (!run.read_map()) return result;
  run.read_feeds();
  const fs::path services_dir = fs::path(options.into) / "services";
  const std::vector<ExistingService> existing = read_existing_services(services_dir);
  run.find_left(existing);
  std::vector<PlannedFile> files = plan_files(run.services, run.texts, existing, options.force);
  std::vector<const PlannedFile*> changed;
  for (const PlannedFile& f : files) {
    if (f.outcome != Outcome::refused) result.imported = true;
    if (f.outcome == Outcome::created || f.outcome == Outcome::updated) changed.push_back(&f);
  }
  result.report = report(run, files);
  if (!result.imported) return result;
  std::string error;
  if (!write_files(services_dir, changed, error)) {
    result.imported = false;
    result.diagnostics.error({run.folder("services/"), 0, 0}, error, "nothing was written");
  }
  return result;
}

}  // namespace og
