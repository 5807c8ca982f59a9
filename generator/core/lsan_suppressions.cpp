// Compiled into every executable of a sanitizer build (see CMakeLists.txt):
// LeakSanitizer's built-in suppressions for what libraries leak, not us.
//
// fontconfig 2.14 leaks the character sets it makes while scanning a font
// file (FcConfigAppFontAddFile -> FcFreeTypeQueryAll) and a little of its
// default configuration, even when every config is destroyed.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}

// Suppressed leaks are not worth a report on every run (tests read stderr).
extern "C" const char* __lsan_default_options() {
  return "print_suppressions=0";
}
