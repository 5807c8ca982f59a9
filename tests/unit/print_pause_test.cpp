#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "print/print_pause.hpp"

using namespace og;
using namespace std::chrono_literals;

TEST_CASE("the printer passes its pause points when nothing holds it", "[print]") {
  print_pause_point();  // returns at once
  SUCCEED();
}

TEST_CASE("a PrintHold stops the printer at its next pause point until it ends", "[print]") {
  std::atomic<bool> passed{false};
  std::thread printer;
  {
    PrintHold hold;
    printer = std::thread([&] {
      print_pause_point();
      passed = true;
    });
    std::this_thread::sleep_for(50ms);
    CHECK_FALSE(passed.load());
  }
  printer.join();
  CHECK(passed.load());
}

TEST_CASE("a PrintDrain lets a held printer through, so that it can be waited for", "[print]") {
  PrintHold hold;
  std::atomic<bool> passed{false};
  std::thread printer([&] {
    print_pause_point();
    passed = true;
  });
  std::this_thread::sleep_for(20ms);
  {
    PrintDrain drain;
    printer.join();  // would wait for ever without the drain
  }
  CHECK(passed.load());
}
