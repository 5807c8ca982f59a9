// Template compile and render (render/mustache.hpp). The input is split at
// NUL bytes: the first piece is the template, the next three the partials
// 'a', 'b' and 'c'. They render with fixed data whose strings hold markup.
// Checks: a template that compiles renders (within limits); when no piece has '<' and no tag
// is unescaped ({{{x}}}, {{&x}}), the output has no '<' (escaping holds).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "render/mustache.hpp"

namespace {

using og::mustache::data;
using og::mustache::Partials;
using og::mustache::Template;
using og::mustache::TemplateError;

data item(const char* name, bool flag) {
  data d;
  d.set("name", name);
  d.set("flag", flag);
  return d;
}

const data& fixture() {
  static const data root = [] {
    data d;
    d.set("name", "<script>alert('x')</script> & \"quotes\"");
    d.set("title", "Home-Start <Huddersfield>");
    d.set("flag", true);
    d.set("off", false);
    d.set("empty", data(data::type::list));
    data items(data::type::list);
    items.push_back(item("<b>one</b>", true));
    items.push_back(item("two", false));
    items.push_back(item("<img src=x onerror=alert(1)>", true));
    d.set("items", std::move(items));
    data nested;
    nested.set("name", "<i>inner</i>");
    nested.set("items", data(data::type::list));
    d.set("nested", std::move(nested));
    return d;
  }();
  return root;
}

bool unescaped_tag(const Template& t) {
  for (const auto& tag : t.tags())
    if (tag.kind == Template::TagKind::unescaped) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(bytes), size);
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  while (pieces.size() < 3) {
    const std::size_t nul = input.find('\0', start);
    if (nul == std::string_view::npos) break;
    pieces.push_back(input.substr(start, nul - start));
    start = nul + 1;
  }
  pieces.push_back(input.substr(start));

  TemplateError error;
  const auto main = Template::compile(pieces[0], error);
  bool may_write_markup = input.find('<') != std::string_view::npos;
  Partials partials;
  static const char* const kNames[] = {"a", "b", "c"};
  for (std::size_t i = 1; i < pieces.size(); ++i) {
    TemplateError partial_error;
    if (auto t = Template::compile(pieces[i], partial_error)) {
      may_write_markup = may_write_markup || unescaped_tag(*t);
      partials.emplace(kNames[i - 1], std::move(*t));
    } else if (partial_error.offset > pieces[i].size()) {
      std::abort();
    }
  }
  if (!main) {
    if (error.offset > pieces[0].size() || error.message.empty()) std::abort();
    return 0;
  }
  may_write_markup = may_write_markup || unescaped_tag(*main);
  // Limits far below a site's (the same code stops), so that a template
  // that multiplies stops in milliseconds rather than seconds.
  std::string out;
  main->render(fixture(), out, &partials, {1'000'000, std::size_t{1} << 20});
  if (!may_write_markup && out.find('<') != std::string::npos) {
    std::fprintf(stderr, "unescaped '<' in:\n%s\n", out.c_str());
    std::abort();
  }
  return 0;
}
