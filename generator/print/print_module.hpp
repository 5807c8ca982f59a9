// The print stage as the pipeline and the preview server reach it.
//
// The code that lays out and draws documents, and the libraries it draws
// with (pango, cairo, fontconfig, harfbuzz, qpdf and theirs: some fifty
// shared libraries), are a module, offergen-print.so beside the offergen
// executable (installed: in <libdir>/offergen), loaded the first time something is printed. A build without
// documents (--no-documents) never loads them: on a machine
// that pages out files left idle, loading them took 40 to 60 ms of every
// start. The module uses offergen's own code from the executable, which
// exports it (so there is one copy of everything, print_pause's state too).
// Tests and benchmarks link the print stage in instead; print_module() then
// finds it without loading anything.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "derive/urls.hpp"
#include "documents/downloads.hpp"
#include "model/model.hpp"
#include "print/theme.hpp"

namespace og {

class FontLibrary;  // print/fonts.hpp, in the module

// What every document of a build reads; shared by the printers, read-only.
struct PrintEnvironment {
  PrintEnvironment(const Model& model, Urls urls, std::shared_ptr<const FontLibrary> fonts);
  const Model& model;
  Urls urls;
  std::shared_ptr<const FontLibrary> fonts;
  DocumentTheme theme;
  // Where a link from content points in a PDF: root-relative links get the
  // site's full address when base_url has one (a PDF has no page to be relative to).
  std::string resolve(std::string_view link) const;
};

struct PrintedDocument {
  std::string bytes;  // empty when the document could not be made (see the diagnostics)
  int pages = 0;
};

// Prints documents one at a time, on one thread: pango's font maps are not
// shared between threads, so each worker has a printer of its own.
class Printer {
 public:
  virtual ~Printer() = default;
  virtual PrintedDocument print(const PlannedDocument& document, Diagnostics& diagnostics) = 0;
};

class PrintModule {
 public:
  virtual ~PrintModule() = default;
  // The font family documents are set in (FontLibrary::load): null, with
  // `error` set, when it is not installed.
  virtual std::shared_ptr<const FontLibrary> load_fonts(std::string_view family, std::string& error) const = 0;
  virtual std::unique_ptr<Printer> new_printer(const PrintEnvironment& env) const = 0;
};

// The print stage, loaded on first use (from any thread); null, with `error`
// set, when the module cannot be loaded.
const PrintModule* print_module(std::string& error);

// Where print_module() loads the module from: offergen-print.so in the
// folder of the running executable, else (an installed offergen) in
// <libdir>/offergen; the first when neither exists.
std::string print_module_path();

// The print stage's fonts for `documents`, reported as an error in
// `diagnostics` (with a hint) when the module or the font is missing: the
// build then makes no documents.
std::shared_ptr<const FontLibrary> load_document_fonts(Diagnostics& diagnostics);

}  // namespace og

// The module's entry point (print/module_entry.cpp).
extern "C" const og::PrintModule* og_print_module();
