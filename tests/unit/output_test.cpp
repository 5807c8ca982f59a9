#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>

#include "support/test_support.hpp"
#include "write/output.hpp"
#include "write/staged_directory.hpp"

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

namespace {

// A file's modification time, to the nanosecond.
std::int64_t modified(const fs::path& file) {
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  return std::int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec;
}

// Sets a file's time an hour back, so that a rewrite cannot go unseen.
void age(const fs::path& file) {
  const struct timespec times[2] = {{1'000'000'000, 0}, {1'000'000'000, 0}};
  REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
}

std::vector<std::string> tree_paths(const fs::path& dir) {
  std::vector<std::string> paths;
  for (const auto& e : fs::recursive_directory_iterator(dir)) paths.push_back(e.path().lexically_relative(dir).string());
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace

TEST_CASE("over a previous build, unchanged files keep their time and the rest is rewritten or removed", "[write]") {
  TempDir dir;
  write_file(dir / "same/index.html", "same bytes");
  write_file(dir / "longer/index.html", "short");
  write_file(dir / "shorter/index.html", "a longer old text");
  write_file(dir / "changed/index.html", "old same length");
  write_file(dir / "gone/deep/index.html", "a page no longer made");
  write_file(dir / "kept.txt", "kept");
  fs::create_directories(dir / "empty/folder");
  for (const char* f : {"same/index.html", "longer/index.html", "shorter/index.html", "changed/index.html"}) age(dir / f);
  const std::int64_t before = modified(dir / "same/index.html");

  DiskOutput disk(dir.path(), DiskOutput::Over::previous_build);
  disk.write("same/index.html", std::string("same bytes"));
  disk.write("longer/index.html", std::string("now much longer"));
  disk.write("shorter/index.html", std::string("short"));
  disk.write("changed/index.html", std::string("new same length"));
  disk.write("new/folder/index.html", std::string("new"));
  disk.finish();
  CHECK(disk.remove_unwritten({"kept.txt"}) == 1);

  CHECK(modified(dir / "same/index.html") == before);
  CHECK(modified(dir / "changed/index.html") != before);
  CHECK(read_file(dir / "longer/index.html") == "now much longer");
  CHECK(read_file(dir / "shorter/index.html") == "short");
  CHECK(read_file(dir / "changed/index.html") == "new same length");
  CHECK(read_file(dir / "new/folder/index.html") == "new");
  CHECK(disk.files() == 5);
  CHECK(tree_paths(dir.path()) ==
        std::vector<std::string>{"changed", "changed/index.html", "kept.txt", "longer", "longer/index.html", "new",
                                 "new/folder", "new/folder/index.html", "same", "same/index.html", "shorter",
                                 "shorter/index.html"});
}

TEST_CASE("over a previous build, a file in pieces is compared piece by piece and cut to its new length", "[write]") {
  TempDir dir;
  write_file(dir / "big/file.json", "[1,2,3]");
  write_file(dir / "cut/file.json", "[1,2,3,4,5,6]");
  age(dir / "big/file.json");
  const std::int64_t before = modified(dir / "big/file.json");
  DiskOutput disk(dir.path(), DiskOutput::Over::previous_build);
  write_in_pieces(disk);  // "[1" ",2" ",3]": the same bytes
  disk.write_piece("cut/file.json", "[1", true);
  disk.write_piece("cut/file.json", ",2]", false);
  disk.end_pieces("cut/file.json");
  disk.finish();
  CHECK(disk.remove_unwritten() == 0);
  CHECK(read_file(dir / "big/file.json") == "[1,2,3]");
  CHECK(modified(dir / "big/file.json") == before);
  CHECK(read_file(dir / "cut/file.json") == "[1,2]");
  CHECK(read_file(dir / "a/index.html") == "page a");
}

TEST_CASE("over a previous build, links are removed, never followed, and files and folders give way", "[write]") {
  TempDir outside, dir;
  write_file(outside / "index.html", "not the site's");
  fs::create_directories(dir.path());
  fs::create_directory_symlink(outside.path(), dir / "linked");
  fs::create_symlink(outside / "index.html", dir / "page.html");
  write_file(dir / "was-a-file", "now a folder's name");
  write_file(dir / "was-a-folder/index.html", "now a file's name");

  DiskOutput disk(dir.path(), DiskOutput::Over::previous_build);
  disk.write("linked/index.html", std::string("the site's"));
  disk.write("page.html", std::string("the site's page"));
  disk.write("was-a-file/index.html", std::string("a page"));
  disk.write("was-a-folder", std::string("a file"));
  disk.finish();
  disk.remove_unwritten();

  CHECK(read_file(outside / "index.html") == "not the site's");
  CHECK(tree_paths(outside.path()) == std::vector<std::string>{"index.html"});
  CHECK_FALSE(fs::is_symlink(dir / "linked"));
  CHECK_FALSE(fs::is_symlink(dir / "page.html"));
  CHECK(read_file(dir / "linked/index.html") == "the site's");
  CHECK(read_file(dir / "page.html") == "the site's page");
  CHECK(read_file(dir / "was-a-file/index.html") == "a page");
  CHECK(read_file(dir / "was-a-folder") == "a file");
}

TEST_CASE("the site a build replaces is kept and the next build is written over it", "[write]") {
  TempDir dir;
  const fs::path site = dir / "site";
  const fs::path previous = dir / ".site.offergen-previous";
  auto build = [&](const std::string& page, bool succeed) {
    StagedDirectory staged(site);
    DiskOutput disk(staged.path(), staged.holds_previous_build() ? DiskOutput::Over::previous_build
                                                                  : DiskOutput::Over::nothing);
    disk.write(page + "/index.html", std::string(page));
    disk.finish();
    if (!succeed) return staged.holds_previous_build();
    disk.remove_unwritten({StagedDirectory::kMarker});
    staged.commit();
    return staged.holds_previous_build();
  };
  CHECK_FALSE(build("one", true));
  CHECK_FALSE(fs::exists(previous));
  CHECK_FALSE(build("two", true));  // the first site is kept
  CHECK(tree_paths(previous) == std::vector<std::string>{".offergen", "one", "one/index.html"});
  CHECK(build("three", true));  // written over the first
  CHECK(tree_paths(site) == std::vector<std::string>{".offergen", "three", "three/index.html"});
  CHECK(tree_paths(previous) == std::vector<std::string>{".offergen", "two", "two/index.html"});
  // A failed build leaves the site as it was and gives the folder back.
  CHECK(build("four", false));
  CHECK(tree_paths(site) == std::vector<std::string>{".offergen", "three", "three/index.html"});
  CHECK(fs::exists(previous / StagedDirectory::kMarker));
  std::vector<std::string> beside;
  for (const auto& e : fs::directory_iterator(dir.path())) beside.push_back(e.path().filename().string());
  std::sort(beside.begin(), beside.end());
  CHECK(beside == std::vector<std::string>{".site.offergen-previous", "site"});
}

TEST_CASE("a folder without offergen's marker beside the site is never written over", "[write]") {
  TempDir dir;
  write_file(dir / ".site.offergen-previous/precious.txt", "someone's");
  StagedDirectory staged(dir / "site");
  CHECK_FALSE(staged.holds_previous_build());
  CHECK(read_file(dir / ".site.offergen-previous/precious.txt") == "someone's");
}
