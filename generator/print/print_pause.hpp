// Lets the preview server hold background printing while it rebuilds pages:
// on a machine with few cores, a PDF printed beside a rebuild slows the
// rebuild down even at the lowest priority (the two share caches and memory
// bandwidth). The printer stops at its next pause point (each page it draws
// or finishes) until the hold ends.
#pragma once

namespace og {

// Holds printing for as long as it lives; holds may nest and overlap.
class PrintHold {
 public:
  PrintHold();
  ~PrintHold();
  PrintHold(const PrintHold&) = delete;
  PrintHold& operator=(const PrintHold&) = delete;
};

// Lets the printer through every hold while it lives: for waiting on a
// printer (joining its thread) while holding it.
class PrintDrain {
 public:
  PrintDrain();
  ~PrintDrain();
  PrintDrain(const PrintDrain&) = delete;
  PrintDrain& operator=(const PrintDrain&) = delete;
};

// Called by the printer between pages: waits while a PrintHold lives (and no
// PrintDrain does).
void print_pause_point();

}  // namespace og
