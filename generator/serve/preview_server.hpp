// The preview server: serves the LiveSite's published pages over HTTP on a
// loopback address, adds a tiny script that reloads the page when the site
// is rebuilt (Server-Sent Events at /__offergen/events), and shows the
// content's problems over the page while the last good build is served.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "serve/live_site.hpp"
#include "serve/site_path.hpp"

namespace httplib {
class Server;
}

namespace og {

class PreviewServer {
 public:
  // At most this many reload streams are open at once (a thread each); more
  // are refused with 503 so that pages are always served. The pool has
  // threads for them and for ordinary requests besides.
  static constexpr int kMaxStreams = 24;
  static constexpr int kThreads = kMaxStreams + 8;

  explicit PreviewServer(const LiveSite& site);
  ~PreviewServer();

  // Binds to host:port (port 0: any free port); returns the port, or -1.
  int bind(const std::string& host, int port);
  // Serves until stop(). Returns false when the server could not run.
  bool run();
  // Tells every open page to reload (after a rebuild).
  void notify_reload();
  // Ends the reload streams and stops serving; safe from another thread.
  void stop();

  std::uint64_t generation() const;

 private:
  void setup();

  const LiveSite& site_;
  std::unique_ptr<httplib::Server> server_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::uint64_t generation_ = 1;
  bool stopping_ = false;
  std::atomic<int> streams_{0};
};

// The HTML added to a page in preview: the problems (escaped) when there are
// any, and the reload script. Inserted before </body>.
std::string preview_injection(const std::string& error_text, std::uint64_t generation);

}  // namespace og
