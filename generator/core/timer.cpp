#include "core/timer.hpp"

#include <sys/resource.h>
#include <ctime>

namespace og {

// CPU time the whole process has used so far, in milliseconds.
static double process_cpu_milliseconds() {
  timespec t{};
  if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) != 0) return 0;
  return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_nsec) / 1e6;
}

// The most memory the process has held at once so far, in megabytes.
static double peak_megabytes() {
  rusage usage{};  // ru_maxrss in kilobytes on Linux
  return getrusage(RUSAGE_SELF, &usage) == 0 ? static_cast<double>(usage.ru_maxrss) / 1024.0 : 0;
}

void StageTimer::start(std::string stage) {
  stop();
  stages_.push_back({std::move(stage), 0});
  started_ = Clock::now();
  cpu_started_ = process_cpu_milliseconds();
  running_ = true;
}

void StageTimer::stop() {
  if (!running_) return;
  stages_.back().milliseconds = std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
  stages_.back().cpu_milliseconds = process_cpu_milliseconds() - cpu_started_;
  stages_.back().peak_megabytes = peak_megabytes();
  running_ = false;
}

double StageTimer::total_milliseconds() const {
  double total = 0;
  for (const auto& s : stages_) total += s.milliseconds;
  return total;
}

}  // namespace og
