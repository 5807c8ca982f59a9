// The preview server over HTTP on a loopback port: the security headers on
// every response, the reload script as a file, and reload streams that a page
// closes giving their place back. tests/load/ puts the same server under load.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>
#include <vector>

#include "core/security_policy.hpp"
#include "serve/live_site.hpp"
#include "serve/preview_server.hpp"
#include "support/test_support.hpp"

using namespace og;
using namespace og::test;

namespace {

// The basic site served on a free port for as long as it lives.
struct ServedSite {
  TempDir dir;
  std::unique_ptr<LiveSite> site;
  std::unique_ptr<PreviewServer> server;
  std::thread thread;
  int port = -1;

  ServedSite() {
    copy_tree(sites_dir() / "basic" / "content", dir / "content");
    BuildOptions options = options_for(dir / "content");
    options.base_url = "/";
    site = std::make_unique<LiveSite>(options);
    REQUIRE(site->build_all().ok);
    server = std::make_unique<PreviewServer>(*site);
    port = server->bind("127.0.0.1", 0);
    REQUIRE(port > 0);
    thread = std::thread([this] { server->run(); });
  }
  ~ServedSite() {
    server->stop();
    thread.join();
  }
};

// What the server answers to `request`, sent as written, up to the end of
// the headers (a reload stream goes on after them); the socket is closed.
std::string head_of(int port, const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string text;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      ::send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size())) {
    char buffer[4096];
    while (text.find("\r\n\r\n") == std::string::npos) {
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      text.append(buffer, static_cast<std::size_t>(n));
    }
  }
  ::close(fd);
  return text;
}

const std::string kStream = "GET /__offergen/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

}  // namespace

TEST_CASE("every response of the preview carries the security headers", "[serve]") {
  ServedSite served;
  httplib::Client client("127.0.0.1", served.port);
  for (const char* path : {"/", "/services/teen-support/", "/no-such-page/", "/search/docs.json",
                           "/__offergen/reload.js", "/__offergen/problems.css", "/services", "/%2e%2e/x"}) {
    INFO(path);
    const httplib::Result res = client.Get(path);
    REQUIRE(res);
    CHECK(res->get_header_value("Content-Security-Policy") == kHeaderSecurityPolicy);
    CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(res->get_header_value("Referrer-Policy") == "no-referrer");
  }
  // A request httplib refuses before any handler sees it.
  const std::string refused = head_of(served.port, "BREW / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  CHECK_THAT(refused,
             Catch::StartsWith("HTTP/1.1 400 ") &&
                 Catch::Contains("\r\nContent-Security-Policy: " + std::string(kHeaderSecurityPolicy) + "\r\n"));
  CHECK_THAT(head_of(served.port, kStream),
             Catch::StartsWith("HTTP/1.1 200 ") && Catch::Contains("\r\nReferrer-Policy: no-referrer\r\n"));
}

TEST_CASE("the preview's script and problems are files the page links to, not inline", "[serve]") {
  CHECK(preview_injection("", 7) == "<script src=\"/__offergen/reload.js\" data-since=\"7\" defer></script>\n");
  CHECK(preview_injection("a.md:1:1: error: <x>\n", 3) ==
        "<link rel=\"stylesheet\" href=\"/__offergen/problems.css\">\n"
        "<div id=\"offergen-problems\" role=\"alert\">\n"
        "<p>The content has problems. You are looking at the last good build; it reloads when the problems are "
        "fixed.</p>\n"
        "<pre>a.md:1:1: error: &lt;x&gt;\n</pre>\n</div>\n"
        "<script src=\"/__offergen/reload.js\" data-since=\"3\" defer></script>\n");

  ServedSite served;
  httplib::Client client("127.0.0.1", served.port);
  const httplib::Result script = client.Get("/__offergen/reload.js");
  REQUIRE(script);
  CHECK(script->status == 200);
  CHECK(script->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  CHECK_THAT(script->body, Catch::Contains("new EventSource(\"/__offergen/events?since=\" + since)"));
  const httplib::Result style = client.Get("/__offergen/problems.css");
  REQUIRE(style);
  CHECK(style->get_header_value("Content-Type") == "text/css; charset=utf-8");
  CHECK_THAT(style->body, Catch::StartsWith("#offergen-problems{position:fixed;"));
  const httplib::Result page = client.Get("/");
  REQUIRE(page);
  CHECK_THAT(page->body, Catch::EndsWith("defer></script>\n</body>\n</html>\n"));
}

// A page the reader leaves or closes ends its stream without a word. Found by
// the load test: the server noticed only at its next ping, 15 seconds later,
// so a reader going from page to page used up the streams (503) and the
// threads that serve pages.
TEST_CASE("reload streams a page closed give their place back within seconds", "[serve]") {
  ServedSite served;
  for (int round = 0; round < 2; ++round) {
    INFO("round " << round);
    for (int i = 0; i < PreviewServer::kMaxStreams; ++i) {
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      std::string head = head_of(served.port, kStream);
      while (!head.starts_with("HTTP/1.1 200 ") && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        head = head_of(served.port, kStream);
      }
      INFO("stream " << i);
      REQUIRE_THAT(head, Catch::StartsWith("HTTP/1.1 200 "));
    }
  }
}

// Found by the load test: Debian's httplib listens with a queue of 5, and a
// connection beyond it waited for its client to try again, a minute at worst.
// Here nothing accepts: every connection must still be made, by the kernel,
// into the queue.
TEST_CASE("the preview's listening queue takes a burst of connections", "[serve]") {
  TempDir dir;
  copy_tree(sites_dir() / "basic" / "content", dir / "content");
  const LiveSite site(options_for(dir / "content"));
  PreviewServer server(site);
  const int port = server.bind("127.0.0.1", 0);
  REQUIRE(port > 0);
  constexpr int kConnections = 64;
  std::vector<pollfd> sockets;
  for (int i = 0; i < kConnections; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    sockets.push_back({fd, POLLOUT, 0});
  }
  int connected = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (connected < kConnections && std::chrono::steady_clock::now() < deadline) {
    ::poll(sockets.data(), sockets.size(), 100);
    connected = 0;
    for (const pollfd& s : sockets) {
      int error = -1;
      socklen_t size = sizeof error;
      if ((s.revents & POLLOUT) && ::getsockopt(s.fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 && error == 0)
        ++connected;
    }
  }
  for (const pollfd& s : sockets) ::close(s.fd);
  CHECK(connected == kConnections);
}
