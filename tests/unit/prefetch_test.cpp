// The load's prefetch thread (load/prefetch.hpp) only asks the kernel for
// files: it must cope with files that vanish or never were, and stop when told.
#include <catch2/catch.hpp>

#include "load/prefetch.hpp"
#include "support/test_support.hpp"

using namespace og;

TEST_CASE("the prefetch thread skips missing files and stops when the load is done", "[load]") {
  test::TempDir dir;
  std::vector<std::filesystem::path> files;
  for (int i = 0; i < 200; ++i) {
    files.push_back(dir / ("f" + std::to_string(i) + ".yaml"));
    if (i % 3 != 0) test::write_file(files.back(), "name: x\n");  // every third is missing
  }
  files.push_back(dir.path());  // a folder, not a file
  for (int round = 0; round < 20; ++round) {
    const FilePrefetch prefetch(files);
    // Stopped at once, or after it is done: either way the files are as they were.
  }
  CHECK(test::read_file(files[1]) == "name: x\n");
  const std::vector<std::filesystem::path> few(files.begin(), files.begin() + 10);
  const FilePrefetch small(few);  // fewer than 64 files: no thread at all
}
