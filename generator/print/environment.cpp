#include "print/printing.hpp"

namespace og {

PrintEnvironment::PrintEnvironment(const Model& m, Urls u, std::shared_ptr<const FontLibrary> f)
    : model(m), urls(std::move(u)), fonts(std::move(f)), theme(document_theme(m.site)) {}

std::string PrintEnvironment::resolve(std::string_view link) const {
  if (link.empty() || link.front() != '/' || (link.size() > 1 && link[1] == '/')) return std::string(link);
  return urls.has_origin() ? urls.absolute(link) : urls.link(link);
}

}  // namespace og
