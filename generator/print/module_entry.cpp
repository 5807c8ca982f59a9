// The print module's entry point: what print_module() finds in
// offergen-print.so (or linked in, in the tests).
#include "print/fonts.hpp"
#include "print/print_module.hpp"
#include "print/printer.hpp"

namespace og {
namespace {

class PangoPrintModule final : public PrintModule {
 public:
  std::shared_ptr<const FontLibrary> load_fonts(std::string_view family, std::string& error) const override {
    return FontLibrary::load(family, error);
  }
  std::unique_ptr<Printer> new_printer(const PrintEnvironment& env) const override {
    return std::make_unique<DocumentPrinter>(env);
  }
};

}  // namespace
}  // namespace og

extern "C" const og::PrintModule* og_print_module() {
  static const og::PangoPrintModule module;
  return &module;
}
