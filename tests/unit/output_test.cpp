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
