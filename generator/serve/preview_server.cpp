#include "serve/preview_server.hpp"

#include <httplib.h>

#include <chrono>
#include <optional>

#include "core/text.hpp"

namespace og {

namespace {

constexpr const char* kEvents = "/__offergen/events";

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
    out +=
        "<div id=\"offergen-problems\" role=\"alert\" style=\"position:fixed;left:0;right:0;bottom:0;"
        "max-height:60vh;overflow:auto;z-index:2147483647;background:#fff;color:#0b0c0c;"
        "border-top:5px solid #d4351c;padding:1em;font:16px/1.4 sans-serif\">\n"
        "<p style=\"margin:0 0 .5em;font-weight:bold\">The content has problems. You are looking at the last "
        "good build; it reloads when the problems are fixed.</p>\n"
        "<pre style=\"white-space:pre-wrap;margin:0;font:14px/1.4 monospace\">";
    append_html_escaped(out, error_text);
    out += "</pre>\n</div>\n";
  }
  out += "<script>(function(){var s=new EventSource(\"";
  out += kEvents;
  out += "?since=" + std::to_string(generation) +
         "\");s.addEventListener(\"reload\",function(){s.close();location.reload();});})();</script>\n";
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
  // Idle keep-alive connections hold a thread: let them go soon.
  s.set_keep_alive_timeout(2);

  s.Get(kEvents, [this](const httplib::Request& req, httplib::Response& res) {
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
        [this, since](std::size_t, httplib::DataSink& sink) mutable {
          std::unique_lock<std::mutex> lock(mutex_);
          if (since == 0) since = generation_;
          // Wait for a rebuild newer than the page; say something now and
          // then so that a closed tab frees its thread.
          const bool rebuilt =
              changed_.wait_for(lock, std::chrono::seconds(15), [&] { return stopping_ || generation_ > since; });
          if (stopping_) return false;
          if (!rebuilt) {
            lock.unlock();
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
  });

  s.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    const std::optional<std::string> file = site_file_for(req.path);
    if (!file) {
      res.status = 403;
      res.set_content("This address is outside the site.\n", "text/plain; charset=utf-8");
      return;
    }
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
      res.set_content(with_injection(*body, preview_injection(site_.error_text(), generation())), content_type(served));
    } else {
      res.set_content(*body, content_type(served));
    }
  });
}

int PreviewServer::bind(const std::string& host, int port) {
  if (port == 0) return server_->bind_to_any_port(host);
  return server_->bind_to_port(host, port) ? port : -1;
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
