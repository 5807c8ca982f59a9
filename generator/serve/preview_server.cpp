#include "serve/preview_server.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <optional>

#include "core/security_policy.hpp"
#include "core/text.hpp"

namespace og {

namespace {

// The preview's own addresses: no site page is named with underscores.
constexpr const char* kEvents = "/__offergen/events";
constexpr const char* kReloadScript = "/__offergen/reload.js";
constexpr const char* kProblemsStyle = "/__offergen/problems.css";

// Files, not inline, so that the pages keep to their content security policy.
// The page's build generation is in data-since: a page served before a
// rebuild reloads as soon as its stream opens.
constexpr const char* kReloadScriptText =
    "// offergen serve: reloads the page when the site is rebuilt.\n"
    "(function () {\n"
    "  var since = document.currentScript.getAttribute(\"data-since\");\n"
    "  var events = new EventSource(\"/__offergen/events?since=\" + since);\n"
    "  events.addEventListener(\"reload\", function () {\n"
    "    events.close();\n"
    "    location.reload();\n"
    "  });\n"
    "})();\n";

constexpr const char* kProblemsStyleText =
    "#offergen-problems{position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;"
    "z-index:2147483647;background:#fff;color:#0b0c0c;border-top:5px solid #d4351c;padding:1em;"
    "font:16px/1.4 sans-serif}\n"
    "#offergen-problems p{margin:0 0 .5em;font-weight:bold}\n"
    "#offergen-problems pre{white-space:pre-wrap;margin:0;font:14px/1.4 monospace}\n";

// The Open Referral API's files are JSON, whatever their names
// (export/open_referral.hpp): a folder's list is its index.html.
bool is_api(const std::string& file) {
  return file.starts_with("openreferral/");
}

const char* content_type(const std::string& file) {
  if (is_api(file)) return "application/json";
  const auto dot = file.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : file.substr(dot);
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".xml") return "application/xml";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".pdf") return "application/pdf";
  if (ext == ".woff2") return "font/woff2";
  return "application/octet-stream";
}

bool is_html(const std::string& file) {
  return !is_api(file) && file.ends_with(".html");
}

std::string with_injection(const std::string& html, const std::string& injection) {
  const auto body = html.rfind("</body>");
  if (body == std::string::npos) return html + injection;
  std::string out;
  out.reserve(html.size() + injection.size());
  out.append(html, 0, body);
  out += injection;
  out.append(html, body, std::string::npos);
  return out;
}

}  // namespace

std::string preview_injection(const std::string& error_text, std::uint64_t generation) {
  std::string out;
  if (!error_text.empty()) {
    out += "<link rel=\"stylesheet\" href=\"";
    out += kProblemsStyle;
    out +=
        "\">\n<div id=\"offergen-problems\" role=\"alert\">\n<p>The content has problems. You are looking at the "
        "last good build; it reloads when the problems are fixed.</p>\n<pre>";
    append_html_escaped(out, error_text);
    out += "</pre>\n</div>\n";
  }
  out += "<script src=\"";
  out += kReloadScript;
  out += "\" data-since=\"" + std::to_string(generation) + "\" defer></script>\n";
  return out;
}

PreviewServer::PreviewServer(const LiveSite& site) : site_(site), server_(std::make_unique<httplib::Server>()) {
  setup();
}

PreviewServer::~PreviewServer() = default;

std::uint64_t PreviewServer::generation() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return generation_;
}

void PreviewServer::notify_reload() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++generation_;
  }
  changed_.notify_all();
}

void PreviewServer::setup() {
  httplib::Server& s = *server_;
  s.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  s.set_socket_options([this](int sock) {
    httplib::default_socket_options(sock);
    socket_ = sock;  // the listening socket, for bind()
  });
  // Idle keep-alive connections hold a thread, and keep Ctrl-C waiting for
  // them: let them go soon.
  s.set_keep_alive_timeout(1);
  // Every response, httplib's own errors included.
  s.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Security-Policy", std::string(kHeaderSecurityPolicy));
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
  });

  s.Get(kEvents, [this](const httplib::Request& req, httplib::Response& res) { open_stream(req, res); });
  s.Get(kReloadScript, [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(kReloadScriptText, content_type(".js"));
  });
  s.Get(kProblemsStyle, [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(kProblemsStyleText, content_type(".css"));
  });
  s.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) { serve_file(req, res); });
}

void PreviewServer::open_stream(const httplib::Request& req, httplib::Response& res) {
  std::uint64_t since = 0;
  if (req.has_param("since")) since = std::strtoull(req.get_param_value("since").c_str(), nullptr, 10);
  if (streams_.fetch_add(1) >= kMaxStreams) {
    streams_.fetch_sub(1);
    res.status = 503;
    res.set_content("Too many open previews.\n", "text/plain");
    return;
  }
  res.set_header("Cache-Control", "no-store");
  res.set_chunked_content_provider(
      "text/event-stream",
      [this, since, quiet = 0](std::size_t, httplib::DataSink& sink) mutable {
        std::unique_lock<std::mutex> lock(mutex_);
        if (since == 0) since = generation_;
        // Wait for a rebuild newer than the page. A page closed or left
        // closes its stream without a word: look every second, so that its
        // thread is free for the next page at once.
        const bool rebuilt =
            changed_.wait_for(lock, std::chrono::seconds(1), [&] { return stopping_ || generation_ > since; });
        if (stopping_) return false;
        if (!rebuilt) {
          lock.unlock();
          if (!sink.is_writable()) return false;
          if (++quiet % 15 != 0) return true;
          static const std::string ping = ": ping\n\n";
          return sink.write(ping.data(), ping.size());
        }
        since = generation_;
        lock.unlock();
        const std::string event = "event: reload\ndata: " + std::to_string(since) + "\n\n";
        if (!sink.write(event.data(), event.size())) return false;
        sink.done();  // the page reloads and opens a new stream
        return true;
      },
      [this](bool) { streams_.fetch_sub(1); });
}

void PreviewServer::serve_file(const httplib::Request& req, httplib::Response& res) const {
  const std::optional<std::string> file = site_file_for(req.path);
  if (!file) {
    res.status = 403;
    res.set_content("This address is outside the site.\n", "text/plain; charset=utf-8");
    return;
  }
  // The generation before the file: a page read just before a rebuild is
  // published then carries the generation before it too, and its stream
  // reloads it. (Read after, a page of the old build could carry the new
  // generation and never reload.)
  const std::uint64_t page_generation = generation();
  std::shared_ptr<const std::string> body = site_.file(*file);
  std::string served = *file;
  if (!body && site_.file(*file + "/index.html")) {
    res.set_redirect(req.path + "/", 301);
    return;
  }
  if (!body) {
    res.status = 404;
    served = "404.html";
    body = site_.file(served);
    if (!body) {
      res.set_content("Not found\n", "text/plain; charset=utf-8");
      return;
    }
  }
  res.set_header("Cache-Control", "no-store");
  if (is_html(served)) {
    res.set_content(with_injection(*body, preview_injection(site_.error_text(), page_generation)),
                    content_type(served));
  } else {
    res.set_content(*body, content_type(served));
  }
}

int PreviewServer::bind(const std::string& host, int port) {
  const int bound = port == 0 ? server_->bind_to_any_port(host) : server_->bind_to_port(host, port) ? port : -1;
  // Debian's httplib listens with a queue of 5 connections: under load a
  // connection beyond them waits for the client to try again, after 1, 3, 7
  // ... seconds (the load test saw a minute). Listening again sets the queue.
  if (bound > 0 && socket_ >= 0) ::listen(socket_, SOMAXCONN);
  return bound;
}

bool PreviewServer::run() {
  return server_->listen_after_bind();
}

void PreviewServer::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  server_->stop();
}

}  // namespace og
