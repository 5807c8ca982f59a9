#include "print/print_module.hpp"

#include <dlfcn.h>

#include <filesystem>
#include <mutex>

#include "core/executable.hpp"
#include "print/fonts.hpp"

// Defined where the print stage is linked in (tests, benchmarks); in the
// offergen executable it is not, and the module is loaded instead.
extern "C" const og::PrintModule* og_print_module() __attribute__((weak));

namespace og {

std::string print_module_path() {
  constexpr const char* kModule = "offergen-print.so";
  const std::filesystem::path dir = executable_dir();
  if (dir.empty()) return kModule;
  // Beside the executable in a build tree; in <libdir>/offergen once installed
  // (OFFERGEN_PRINT_MODULE_DIR, relative to <bindir>, comes from CMake).
  const std::filesystem::path beside = dir / kModule;
  const std::filesystem::path installed = beside_executable(OFFERGEN_PRINT_MODULE_DIR) / kModule;
  std::error_code ec;
  if (!std::filesystem::exists(beside, ec) && std::filesystem::exists(installed, ec)) return installed.string();
  return beside.string();
}

const PrintModule* print_module(std::string& error) {
  if (og_print_module) return og_print_module();
  static std::once_flag once;
  static const PrintModule* loaded = nullptr;
  static std::string why;
  std::call_once(once, [] {
    const std::string path = print_module_path();
    // RTLD_NOW: a symbol the module lacks is reported here, not halfway
    // through a document.
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* e = ::dlerror();
      why = "cannot load offergen's printing module: " + std::string(e ? e : path);
      return;
    }
    using Entry = const PrintModule* (*)();
    const auto entry = reinterpret_cast<Entry>(::dlsym(handle, "og_print_module"));
    if (!entry) {
      why = "cannot load offergen's printing module: " + path + " has no og_print_module";
      return;
    }
    loaded = entry();  // the module stays loaded until the program ends
  });
  if (!loaded) error = why;
  return loaded;
}

std::shared_ptr<const FontLibrary> load_document_fonts(Diagnostics& diagnostics) {
  std::string error;
  const PrintModule* printing = print_module(error);
  if (!printing) {
    diagnostics.error({"offergen", 0, 0}, error,
                      "offergen-print.so is built beside the offergen executable: run ./build.sh, or "
                      "build with --no-documents");
    return nullptr;
  }
  auto fonts = printing->load_fonts(kDocumentFontFamily, error);
  if (!fonts)
    diagnostics.error({"offergen", 0, 0}, error,
                      "install Debian's fonts-noto-core; ./build.sh installs what is missing");
  return fonts;
}

}  // namespace og
