#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <future>
#include <thread>

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

struct stat status_of(const fs::path& file) {
  struct stat st {};
  REQUIRE(::lstat(file.c_str(), &st) == 0);
  return st;
}

// Sets a file's time back to 2001, so that a rewrite cannot go unseen.
void age(const fs::path& file) {
  const struct timespec times[2] = {{1'000'000'000, 0}, {1'000'000'000, 0}};
  REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, AT_SYMLINK_NOFOLLOW) == 0);
}

std::vector<std::string> tree_paths(const fs::path& dir) {
  std::vector<std::string> paths;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    paths.push_back(e.path().lexically_relative(dir).string());
  std::sort(paths.begin(), paths.end());
  return paths;
}

// What StagedDirectory gives DiskOutput for a folder holding an earlier build.
std::shared_future<ExistingTree> earlier(const fs::path& dir) {
  return std::async(std::launch::async, [dir] { return list_existing_tree(dir); }).share();
}

}  // namespace

TEST_CASE("over an earlier build, files are written in place, cut to length, and the rest removed", "[write]") {
  TempDir dir;
  write_file(dir / "same/index.html", "same bytes");
  write_file(dir / "longer/index.html", "short");
  write_file(dir / "shorter/index.html", "a longer old text");
  write_file(dir / "changed/index.html", "old same length");
  write_file(dir / "gone/deep/index.html", "a page no longer made");
  write_file(dir / "kept.txt", "kept");
  fs::create_directories(dir / "empty/folder");
  for (const char* f : {"same/index.html", "changed/index.html"}) age(dir / f);
  const ino_t same_inode = status_of(dir / "same/index.html").st_ino;
  const ino_t changed_inode = status_of(dir / "changed/index.html").st_ino;

  DiskOutput disk(dir.path(), earlier(dir.path()));
  disk.write("same/index.html", std::string("same bytes"));
  disk.write("longer/index.html", std::string("now much longer"));
  disk.write("shorter/index.html", std::string("short"));
  disk.write("changed/index.html", std::string("new same length"));
  disk.write("new/folder/index.html", std::string("new"));
  CHECK(disk.remove_unwritten({"kept.txt"}) == 1);

  // Every file has the build's time, as in a build into an empty folder.
  CHECK(status_of(dir / "same/index.html").st_mtim.tv_sec > 1'000'000'000);
  CHECK(status_of(dir / "changed/index.html").st_mtim.tv_sec > 1'000'000'000);
  CHECK(status_of(dir / "same/index.html").st_ino == same_inode);
  CHECK(status_of(dir / "changed/index.html").st_ino == changed_inode);
  CHECK(read_file(dir / "same/index.html") == "same bytes");
  CHECK(read_file(dir / "longer/index.html") == "now much longer");
  CHECK(read_file(dir / "shorter/index.html") == "short");
  CHECK(read_file(dir / "changed/index.html") == "new same length");
  CHECK(read_file(dir / "new/folder/index.html") == "new");
  CHECK(disk.files() == 5);
  CHECK(tree_paths(dir.path()) == std::vector<std::string>{"changed", "changed/index.html", "kept.txt", "longer",
                                                           "longer/index.html", "new", "new/folder",
                                                           "new/folder/index.html", "same", "same/index.html",
                                                           "shorter", "shorter/index.html"});
}

TEST_CASE("over an earlier build, a file in pieces is written piece by piece and cut to its new length", "[write]") {
  TempDir dir;
  write_file(dir / "big/file.json", "[1,2,3]");
  write_file(dir / "cut/file.json", "[1,2,3,4,5,6]");
  DiskOutput disk(dir.path(), earlier(dir.path()));
  write_in_pieces(disk);  // "[1" ",2" ",3]": the same bytes
  disk.write_piece("cut/file.json", "[1", true);
  disk.write_piece("cut/file.json", ",2]", false);
  disk.end_pieces("cut/file.json");
  CHECK(disk.remove_unwritten() == 0);
  CHECK(read_file(dir / "big/file.json") == "[1,2,3]");
  CHECK(read_file(dir / "cut/file.json") == "[1,2]");
  CHECK(read_file(dir / "a/index.html") == "page a");
  CHECK(disk.files() == 4);
}

TEST_CASE("over an earlier build, links are removed, never followed, and files and folders give way", "[write]") {
  TempDir outside, dir;
  write_file(outside / "index.html", "not the site's");
  write_file(outside / "hard.html", "not the site's either");
  fs::create_directories(dir.path());
  fs::create_directory_symlink(outside.path(), dir / "linked");
  fs::create_symlink(outside / "index.html", dir / "page.html");
  fs::create_hard_link(outside / "hard.html", dir / "hard.html");
  REQUIRE(::mkfifo((dir / "fifo").c_str(), 0644) == 0);
  write_file(dir / "was-a-file", "now a folder's name");
  write_file(dir / "was-a-folder/index.html", "now a file's name");
  write_file(dir / "private/index.html", "made private by someone");
  fs::permissions(dir / "private", fs::perms(0700));
  fs::permissions(dir / "private/index.html", fs::perms(0400));

  DiskOutput disk(dir.path(), earlier(dir.path()));
  disk.write("linked/index.html", std::string("the site's"));
  disk.write("page.html", std::string("the site's page"));
  disk.write("hard.html", std::string("the site's own"));
  disk.write("was-a-file/index.html", std::string("a page"));
  disk.write("was-a-folder", std::string("a file"));
  disk.write("private/index.html", std::string("public again"));
  disk.remove_unwritten();

  CHECK(read_file(outside / "index.html") == "not the site's");
  CHECK(read_file(outside / "hard.html") == "not the site's either");
  CHECK(tree_paths(outside.path()) == std::vector<std::string>{"hard.html", "index.html"});
  CHECK_FALSE(fs::is_symlink(dir / "linked"));
  CHECK_FALSE(fs::is_symlink(dir / "page.html"));
  CHECK_FALSE(fs::exists(dir / "fifo"));
  CHECK(read_file(dir / "linked/index.html") == "the site's");
  CHECK(read_file(dir / "page.html") == "the site's page");
  CHECK(read_file(dir / "hard.html") == "the site's own");
  CHECK(status_of(dir / "hard.html").st_nlink == 1);
  CHECK(read_file(dir / "was-a-file/index.html") == "a page");
  CHECK(read_file(dir / "was-a-folder") == "a file");
  CHECK(read_file(dir / "private/index.html") == "public again");
  CHECK((status_of(dir / "private").st_mode & 07777) == 0755);
  CHECK((status_of(dir / "private/index.html").st_mode & 07777) == 0644);
}

TEST_CASE("a tree deeper than any site is not listed for writing over", "[write]") {
  TempDir dir;
  std::string deep = "d";
  for (int i = 0; i < 40; ++i) deep += "/d";
  write_file(dir / (deep + "/index.html"), "deep");
  CHECK_FALSE(list_existing_tree(dir.path()).usable);
  CHECK_FALSE(list_existing_tree(dir / "nothing-here").usable);
}

namespace {

// One build into `site` beside its earlier builds, the way build_site() does it.
bool build_into(const fs::path& site, const std::string& page, bool succeed = true) {
  StagedDirectory staged(site);
  const bool over_earlier = staged.earlier_build().valid();
  DiskOutput disk(staged.path(), staged.earlier_build());
  disk.write(page + "/index.html", std::string(page));
  disk.finish();
  if (succeed) {
    disk.remove_unwritten({StagedDirectory::kMarker});
    staged.commit();
  }
  return over_earlier;
}

std::vector<std::string> folder_names(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("the site a build replaces is kept and the next build is written over it", "[write]") {
  TempDir dir;
  const fs::path site = dir / "site";
  const fs::path previous = dir / ".site.offergen-previous";
  CHECK_FALSE(build_into(site, "one"));
  CHECK_FALSE(fs::exists(previous));
  CHECK_FALSE(build_into(site, "two"));  // the first site is kept
  CHECK(tree_paths(previous) == std::vector<std::string>{".offergen", "one", "one/index.html"});
  CHECK(build_into(site, "three"));  // written over the first
  CHECK(tree_paths(site) == std::vector<std::string>{".offergen", "three", "three/index.html"});
  CHECK(tree_paths(previous) == std::vector<std::string>{".offergen", "two", "two/index.html"});
  // A failed build leaves the site as it was and gives the folder back.
  CHECK(build_into(site, "four", false));
  CHECK(tree_paths(site) == std::vector<std::string>{".offergen", "three", "three/index.html"});
  CHECK(fs::exists(previous / StagedDirectory::kMarker));
  CHECK(folder_names(dir.path()) == std::vector<std::string>{".site.offergen-previous", "site"});
}

TEST_CASE("what a killed build left beside the site is taken for the next build or removed", "[write]") {
  TempDir dir;
  const fs::path site = dir / "site";
  // The number of a process that has ended.
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  REQUIRE(child > 0);
  REQUIRE(::waitpid(child, nullptr, 0) == child);
  const std::string dead = std::to_string(child);
  write_file(dir / (".site.offergen-new-" + dead) / ".offergen", "marker");
  write_file(dir / (".site.offergen-new-" + dead) / "old/index.html", "a whole earlier site");
  write_file(dir / (".site.offergen-set-aside-" + dead) / "x", "set aside");
  write_file(dir / (".site.offergen-new-" + std::to_string(::getppid())) / "x", "a build still running");
  CHECK(build_into(site, "page"));
  CHECK(tree_paths(site) == std::vector<std::string>{".offergen", "page", "page/index.html"});
  CHECK(folder_names(dir.path()) ==
        std::vector<std::string>{".site.offergen-new-" + std::to_string(::getppid()), "site"});
}

TEST_CASE("a folder beside the site without offergen's marker is never written over", "[write]") {
  TempDir dir;
  write_file(dir / ".site.offergen-previous/precious.txt", "someone's");
  fs::create_directories(dir / ".other.offergen-previous");
  fs::create_symlink(dir / ".site.offergen-previous/precious.txt", dir / ".other.offergen-previous/.offergen");
  CHECK_FALSE(build_into(dir / "site", "page"));
  CHECK_FALSE(build_into(dir / "other", "page"));
  CHECK(read_file(dir / ".site.offergen-previous/precious.txt") == "someone's");
  CHECK(fs::is_symlink(dir / ".other.offergen-previous/.offergen"));
}

TEST_CASE("an earlier build that cannot be written over is set aside and the build starts afresh", "[write]") {
  TempDir dir;
  const fs::path site = dir / "site";
  build_into(site, "one");
  build_into(site, "two");
  std::string deep = ".site.offergen-previous/d";
  for (int i = 0; i < 40; ++i) deep += "/d";
  write_file(dir / (deep + "/index.html"), "deep");
  CHECK(build_into(site, "three"));
  CHECK(tree_paths(site) == std::vector<std::string>{".offergen", "three", "three/index.html"});
  CHECK(folder_names(dir.path()) == std::vector<std::string>{".site.offergen-previous", "site"});
  CHECK(tree_paths(dir / ".site.offergen-previous") == std::vector<std::string>{".offergen", "two", "two/index.html"});
}

TEST_CASE("a thread waiting to queue a page too big for the queue is never left waiting", "[write]") {
  // One thread queues pages larger than a writer's queue while another
  // queues a few small ones and stops. When the writer went to sleep on an
  // empty queue between waking the big page's thread and that thread looking
  // again, small pages queued meanwhile (too few to wake the writer) left
  // both waiting for ever: the waiting thread did not wake the writer again.
  // A 100,000-service build, whose list pages are larger than a queue, hung
  // so. (Unit tests time out after two minutes.) Without the fix a hundred
  // rounds hang, by round 29 at the latest in ten runs (by round 5 with the
  // cores busy). A round's cost is the threads handing over to each other,
  // which waits for the scheduler: a thousand rounds took 87 s in ./test.sh
  // beside the browser tests. The queue is small, so that a round writes
  // kilobytes; a big page is then under kWakeBytes, so queuing it wakes no
  // writer: only the waiting thread's wake-up (the fix) or finish() does.
  TempDir dir;
  constexpr std::size_t kQueue = 4096;
  const std::string big(kQueue + 1, 'x');
  for (int round = 0; round < 100; ++round) {
    DiskOutput disk(dir.path(), {}, kQueue);
    std::thread small([&] {
      for (int i = 0; i < 1 + round % 60; ++i) {
        disk.write("s" + std::to_string(i) + "/index.html", std::string("small"));
        std::this_thread::sleep_for(std::chrono::microseconds(round % 5 * 20));
      }
    });
    for (int i = 0; i < 3; ++i) disk.write("b" + std::to_string(i) + "/index.html", std::string(big));
    small.join();
    disk.finish();
  }
  CHECK(read_file(dir / "b1/index.html").size() == big.size());
}
