#include "core/timer.hpp"

#include <catch2/catch.hpp>
#include <cstring>
#include <memory>

using og::StageTimer;

TEST_CASE("each stage records the process's peak memory when it ended", "[timer]") {
  StageTimer timer;
  timer.start("small");
  timer.start("large");
  // 64 MB written to, so that it is resident.
  constexpr std::size_t kSize = 64u << 20;
  auto block = std::make_unique<char[]>(kSize);
  std::memset(block.get(), 1, kSize);
  // The writes happen before stop(), not moved past it by the optimiser.
  asm volatile("" : : "r"(block.get()) : "memory");
  timer.stop();
  REQUIRE(block[kSize - 1] == 1);

  REQUIRE(timer.stages().size() == 2);
  const double before = timer.stages()[0].peak_megabytes;
  const double after = timer.stages()[1].peak_megabytes;
  // In megabytes (getrusage() gives kilobytes), never less than what was
  // resident at the time: the 64 MB block at the end of the second.
  CHECK(before > 0);
  CHECK(after >= before);
  CHECK(after >= 64);
  CHECK(after < 4096);  // megabytes, not kilobytes
}
