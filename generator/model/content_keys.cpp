#include "model/content_keys.hpp"

#include "core/hash.hpp"

namespace og {

ContentKey keys::of(std::string_view kind, std::string_view id) {
  return fnv1a64(id, fnv1a64(":", fnv1a64(kind)));
}

ContentKey keys::every(std::string_view kind) {
  return of(kind, "*");
}

ContentKey keys::download(std::string_view route) {
  return of("download", route);
}

}  // namespace og
