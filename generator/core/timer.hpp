// One timer per pipeline stage, printed by --timings (like ninja's METRIC_RECORD).
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace og {

struct StageTime {
  std::string stage;
  double milliseconds = 0;
  double cpu_milliseconds = 0;  // every thread of the process, over the same span
  double peak_megabytes = 0;    // the process's peak memory (RSS) when the stage ended
};

// Milliseconds from `start` to now.
inline double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

class StageTimer {
 public:
  // Starts timing `stage`; the previous stage, if any, ends here.
  void start(std::string stage);
  void stop();
  const std::vector<StageTime>& stages() const { return stages_; }
  double total_milliseconds() const;

 private:
  using Clock = std::chrono::steady_clock;
  std::vector<StageTime> stages_;
  Clock::time_point started_{};
  double cpu_started_ = 0;
  bool running_ = false;
};

}  // namespace og
