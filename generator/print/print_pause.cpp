#include "print/print_pause.hpp"

#include <condition_variable>
#include <mutex>

namespace og {

namespace {

struct Gate {
  std::mutex mutex;
  std::condition_variable released;
  int holds = 0;
  int drains = 0;
};

Gate& gate() {
  static Gate g;
  return g;
}

}  // namespace

PrintHold::PrintHold() {
  std::lock_guard lock(gate().mutex);
  ++gate().holds;
}

PrintHold::~PrintHold() {
  Gate& g = gate();
  {
    std::lock_guard lock(g.mutex);
    --g.holds;
  }
  g.released.notify_all();
}

PrintDrain::PrintDrain() {
  Gate& g = gate();
  {
    std::lock_guard lock(g.mutex);
    ++g.drains;
  }
  g.released.notify_all();
}

PrintDrain::~PrintDrain() {
  std::lock_guard lock(gate().mutex);
  --gate().drains;
}

void print_pause_point() {
  Gate& g = gate();
  std::unique_lock lock(g.mutex);
  g.released.wait(lock, [&] { return g.holds == 0 || g.drains > 0; });
}

}  // namespace og
