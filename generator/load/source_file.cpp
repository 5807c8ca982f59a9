#include "load/source_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>

#include "core/text.hpp"
#include "load/limits.hpp"

namespace og {

std::optional<std::string_view> SourceFile::line_text(int line) const {
  if (line < 1) return std::nullopt;
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) return std::nullopt;
    start = nl + 1;
  }
  if (start > text.size()) return std::nullopt;
  const std::size_t end = text.find('\n', start);
  return std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// Strips a UTF-8 byte-order mark and turns CRLF (and lone CR) into LF.
static std::string normalise_text(std::string_view raw) {
  if (raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

std::string file_id(std::string_view display_path) {
  std::string_view name = display_path;
  if (auto slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  if (auto dot = name.find('.'); dot != std::string_view::npos) name = name.substr(0, dot);
  return std::string(name);
}

// A file over kMaxFileBytes, reported where it passes the limit: `raw` is
// (at least) its first kMaxFileBytes bytes.
void report_too_large(const std::string& display_path, std::string_view raw, std::uintmax_t size,
                      Diagnostics& diagnostics) {
  const auto [line, column] = line_and_column(raw, kMaxFileBytes);
  diagnostics.error({display_path, line, column},
                    "the file is " + with_commas(size) + " bytes, more than the " + with_commas(kMaxFileBytes) +
                        " (1 MB) offergen reads from one file",
                    "it passes 1 MB here: check that it is the file you meant, or split it");
}

std::optional<SourceFile> make_source_from(std::string display_path, std::string raw, Diagnostics& diagnostics) {
  if (raw.size() > kMaxFileBytes) {
    report_too_large(display_path, raw, raw.size(), diagnostics);
    return std::nullopt;
  }
  if (auto bad = find_invalid_utf8(raw)) {
    const auto [line, column] = line_and_column(raw, *bad);
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(raw[*bad]));
    diagnostics.error({display_path, line, column}, std::string("the file is not valid UTF-8 (byte ") + byte + ")",
                      "save the file with UTF-8 encoding");
    return std::nullopt;
  }
  SourceFile source;
  source.id = file_id(display_path);
  source.path = std::move(display_path);
  // Most files have neither a byte-order mark nor a CR: they are kept as they are.
  const bool bom = raw.compare(0, 3, "\xEF\xBB\xBF") == 0;
  source.text = bom || raw.find('\r') != std::string::npos ? normalise_text(raw) : std::move(raw);
  // Refused here, a long line is never shown in full under a diagnostic.
  if (auto long_line = check_line_lengths(source.text)) {
    const auto [line, column] = line_and_column(source.text, long_line->pos);
    diagnostics.error(source.at(line, column), long_line->message, long_line->hint);
    return std::nullopt;
  }
  return source;
}

}  // namespace

std::optional<SourceFile> make_source(std::string display_path, std::string_view raw, Diagnostics& diagnostics) {
  return make_source_from(std::move(display_path), std::string(raw), diagnostics);
}

std::optional<SourceFile> read_source(const std::filesystem::path& file, std::string display_path,
                                      Diagnostics& diagnostics) {
  // One read into a string of the file's size: no stream buffers, no copies.
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    if (fd >= 0) ::close(fd);
    diagnostics.error({display_path, 0, 0}, "cannot read the file");
    return std::nullopt;
  }
  // Past the limit only the bytes up to it are read, to say where it passes.
  const std::uintmax_t size = static_cast<std::uintmax_t>(st.st_size);
  std::string raw(std::min<std::uintmax_t>(size, kMaxFileBytes + 1), '\0');
  std::size_t done = 0;
  for (;;) {
    if (done > kMaxFileBytes) break;
    if (done == raw.size()) raw.resize(raw.size() + 4096);  // the file grew while we read it
    const ssize_t n = ::read(fd, raw.data() + done, raw.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      diagnostics.error({display_path, 0, 0}, "cannot read the file");
      return std::nullopt;
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  raw.resize(done);
  if (raw.size() > kMaxFileBytes) {
    report_too_large(display_path, raw, std::max<std::uintmax_t>(size, raw.size()), diagnostics);
    return std::nullopt;
  }
  return make_source_from(std::move(display_path), std::move(raw), diagnostics);
}

}  // namespace og
