#include <catch2/catch.hpp>

#include "support/test_support.hpp"
#include "write/output.hpp"

using namespace og;
using namespace og::test;

namespace {

// A large file in pieces between pages, as the build writes the export.
void write_in_pieces(OutputSink& out) {
  out.write("a/index.html", std::string("page a"));
  out.write_piece("big/file.json", "[1", true);
  out.write("b/index.html", std::string("page b"));
  out.write_piece("big/file.json", ",2", false);
  out.write_piece("big/file.json", ",3]", false);
  out.end_pieces("big/file.json");
}

}  // namespace

TEST_CASE("a file written in pieces holds them in order, on disk and in memory", "[write]") {
  TempDir dir;
  DiskOutput disk(dir.path());
  write_in_pieces(disk);
  disk.finish();
  CHECK(read_file(dir / "big/file.json") == "[1,2,3]");
  CHECK(read_file(dir / "b/index.html") == "page b");
  CHECK(disk.files() == 3);
  CHECK(disk.bytes() == 6 + 6 + 7);

  MemoryOutput memory;
  write_in_pieces(memory);
  REQUIRE(memory.contents().count("big/file.json") == 1);
  CHECK(memory.contents().at("big/file.json") == "[1,2,3]");
  CHECK(memory.files() == 3);
}

TEST_CASE("a first piece starts a file again", "[write]") {
  TempDir dir;
  write_file(dir / "big/file.json", "old bytes that are longer");
  DiskOutput disk(dir.path());
  disk.write_piece("big/file.json", "new", true);
  disk.end_pieces("big/file.json");
  disk.finish();
  CHECK(read_file(dir / "big/file.json") == "new");
}

TEST_CASE("a page too big for a writer's queue is written while the writer waits for a batch", "[write]") {
  // The writer sleeps until its queue holds a batch; one small page is not
  // one, and a page larger than the queue must wake it instead of waiting
  // for room that never comes (this hung before the writer was woken).
  TempDir dir;
  DiskOutput disk(dir.path());
  const std::string big(DiskOutput::kQueueBytes + 1, 'x');
  for (int i = 0; i < 3; ++i) {
    disk.write("small-" + std::to_string(i) + "/index.html", std::string("small"));
    disk.write("big-" + std::to_string(i) + "/index.html", std::string(big));
  }
  disk.finish();
  CHECK(disk.files() == 6);
  CHECK(read_file(dir / "big-2/index.html").size() == big.size());
  CHECK(read_file(dir / "small-0/index.html") == "small");
}

TEST_CASE("pages fewer than a batch are all written by finish()", "[write]") {
  TempDir dir;
  DiskOutput disk(dir.path());
  for (std::size_t i = 0; i + 1 < DiskOutput::kWakeItems; ++i)
    disk.write("p" + std::to_string(i) + "/index.html", std::to_string(i));
  disk.finish();
  CHECK(disk.files() == DiskOutput::kWakeItems - 1);
  CHECK(read_file(dir / "p7/index.html") == "7");
}
