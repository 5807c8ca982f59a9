#include "support/test_support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>

#include "core/diagnostic_format.hpp"
#include "load/source_file.hpp"
#include "load/yaml_tree.hpp"

namespace og::test {

fs::path source_dir() {
  return OFFERGEN_SOURCE_DIR;
}
fs::path default_templates() {
  return source_dir() / "templates";
}
fs::path sites_dir() {
  return source_dir() / "tests" / "sites";
}

TempDir::TempDir(const fs::path& base) {
  static std::mt19937_64 rng{std::random_device{}()};
  path_ = base / ("offergen-test-" + std::to_string(::getpid()) + "-" + std::to_string(rng()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& file, std::string_view text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

std::map<std::string, std::string> read_tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).generic_string()] = read_file(e.path());
  }
  return out;
}

void copy_tree(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

const std::string& BuiltSite::page(const std::string& file) const {
  auto it = output.contents().find(file);
  if (it == output.contents().end()) FAIL("the site has no " << file);
  return it->second;
}

bool BuiltSite::has(const std::string& file) const {
  return output.contents().count(file) > 0;
}

std::vector<std::string> BuiltSite::pages() const {
  std::vector<std::string> out;
  for (const auto& [path, _] : output.contents())
    if (path.ends_with(".html") && !path.starts_with("openreferral/")) out.push_back(path);
  return out;
}

BuildOptions options_for(const fs::path& content, const fs::path& templates) {
  BuildOptions o;
  o.content_dir = content;
  o.templates_dir = templates;
  o.jobs = 2;
  o.today = Date{2026, 11, 22};
  return o;
}

void build_in_memory(const BuildOptions& options, BuiltSite& site) {
  site.result = run_pipeline(options, site.output);
}

std::string diagnostics_text(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.all()) out += format_diagnostic(d, nullptr);
  out += format_summary(diagnostics.error_count(), diagnostics.warning_count()) + "\n";
  return out;
}

namespace {

void describe_yaml(const YamlNode& n, std::ostringstream& out) {
  out << static_cast<int>(n.kind) << '@' << n.line << ':' << n.column << (n.plain ? 'p' : '-') << (n.block ? 'b' : '-')
      << '[' << n.value << ']';
  for (const auto& item : n.items) {
    out << "\n- ";
    describe_yaml(item, out);
  }
  for (const auto& e : n.entries) {
    out << "\n{";
    describe_yaml(e.key, out);
    out << " => ";
    describe_yaml(e.value, out);
    out << '}';
  }
}

}  // namespace

std::string parsed_yaml(const std::string& text, int first_line) {
  Diagnostics d;
  auto s = make_source("x.yaml", text, d);
  REQUIRE(s.has_value());
  auto root = parse_yaml(*s, s->text, first_line, d);
  std::ostringstream out;
  if (root)
    describe_yaml(*root, out);
  else
    out << "(none)";
  out << "\n" << diagnostics_text(d);
  return out.str();
}

CommandResult run_offergen(const std::vector<std::string>& args, const fs::path& cwd) {
  TempDir tmp;
  std::string command = "cd '" + cwd.string() + "' && '" + std::string(OFFERGEN_BINARY) + "'";
  for (const auto& a : args) command += " '" + a + "'";
  command += " >'" + (tmp / "out").string() + "' 2>'" + (tmp / "err").string() + "'";
  const int status = std::system(command.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(tmp / "out");
  r.err = read_file(tmp / "err");
  return r;
}

std::vector<std::string> attribute_values(std::string_view html, std::string_view attribute) {
  std::vector<std::string> out;
  const std::regex re("\\s" + std::string(attribute) + "=\"([^\"]*)\"");
  const std::string text(html);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

std::vector<int> heading_levels(std::string_view html) {
  std::vector<int> out;
  const std::regex re("<h([1-6])[\\s>]");
  const std::string text(html);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back(std::stoi((*it)[1].str()));
  return out;
}

std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t pos = haystack.find(needle); pos != std::string_view::npos; pos = haystack.find(needle, pos + 1))
    ++n;
  return n;
}

}  // namespace og::test
