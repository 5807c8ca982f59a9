// The preview server: serves the LiveSite's published pages over HTTP on a
// loopback address, adds a tiny script that reloads the page when the site
// is rebuilt (Server-Sent Events at /__offergen/events), and shows the
// content's problems over the page while the last good build is served.
// Every response carries the site's content security policy as a header:
// the script and the problems' style are files under /__offergen/.
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
struct Request;
struct Response;
}  // namespace httplib

namespace og {

class PreviewServer {
 public:
  // At most this many reload streams are open at once (a thread each); more
  // are refused with 503 so that pages are always served. The pool has
  // threads for them and for ordinary requests besides. The load test
  // (tests/load/) holds 50 open.
  static constexpr int kMaxStreams = 64;
  static constexpr int kThreads = kMaxStreams + 16;

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
  void open_stream(const httplib::Request& req, httplib::Response& res);
  void serve_file(const httplib::Request& req, httplib::Response& res) const;

  const LiveSite& site_;
  std::unique_ptr<httplib::Server> server_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::uint64_t generation_ = 1;
  bool stopping_ = false;
  std::atomic<int> streams_{0};
  int socket_ = -1;
};

// The HTML added to a page in preview: the problems (escaped, with a link to
// their style sheet) when there are any, and the reload script's <script src>
// with the page's generation. Inserted before </body>.
std::string preview_injection(const std::string& error_text, std::uint64_t generation);

}  // namespace og
