#include "write/existing_tree.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace og {

namespace fs = std::filesystem;

namespace {

// What readdir() says an entry is, asking the file system only when it does not know.
unsigned char entry_type(int dir_fd, const dirent& entry) {
  if (entry.d_type != DT_UNKNOWN) return entry.d_type;
  struct stat st;
  if (::fstatat(dir_fd, entry.d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) return DT_UNKNOWN;
  if (S_ISREG(st.st_mode)) return DT_REG;
  if (S_ISDIR(st.st_mode)) return DT_DIR;
  return DT_LNK;  // anything else is removed like a link
}

// Deeper than any site goes.
constexpr int kDeepest = 32;

// Whether a folder is the process's own, with a new build's mode: anyone
// may read it, its owner may change it.
bool own_folder(int dir_fd) {
  struct stat st;
  if (::fstat(dir_fd, &st) != 0 || st.st_uid != ::geteuid()) return false;
  return (st.st_mode & 07777) == 0755 || ::fchmod(dir_fd, 0755) == 0;
}

void list_folder(int dir_fd, const std::string& prefix, ExistingTree& tree, int depth) {
  DIR* dir = own_folder(dir_fd) ? ::fdopendir(dir_fd) : nullptr;
  if (dir == nullptr) {
    ::close(dir_fd);
    tree.usable = false;
    return;
  }
  bool empty = true;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    const unsigned char type = entry_type(dir_fd, *entry);
    const std::string path = prefix + std::string(name);
    if (type == DT_REG) {
      tree.files.push_back(path);
      empty = false;
    } else if (type == DT_DIR) {
      empty = false;
      const int child =
          depth < kDeepest ? ::openat(dir_fd, entry->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
      if (child < 0)
        tree.usable = false;
      else
        list_folder(child, path + "/", tree, depth + 1);
    } else if (::unlinkat(dir_fd, entry->d_name, 0) != 0) {
      // A link, a socket, a device: unlinkat() removes the entry itself,
      // never what it points to.
      tree.usable = false;
    }
    if (!tree.usable) break;
  }
  ::closedir(dir);
  if (empty && !prefix.empty()) tree.empty_folders.push_back(prefix.substr(0, prefix.size() - 1));
}

}  // namespace

ExistingTree list_existing_tree(const fs::path& root) {
  ExistingTree tree;
  const int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0)
    list_folder(fd, "", tree, 0);
  else
    tree.usable = false;
  return tree;
}

std::size_t remove_unwritten(const fs::path& root, const ExistingTree& before,
                             const std::unordered_set<std::string>& written) {
  std::size_t removed = 0;
  std::vector<std::string> folders = before.empty_folders;
  for (const std::string& file : before.files) {
    if (written.count(file) != 0) continue;
    if (::unlink((root / file).c_str()) == 0) ++removed;
    if (const auto slash = file.rfind('/'); slash != std::string::npos) folders.push_back(file.substr(0, slash));
  }
  // Deepest first, so that a folder is tried after everything in it.
  std::sort(folders.begin(), folders.end(), [](const std::string& a, const std::string& b) {
    const auto depth = [](const std::string& s) { return std::count(s.begin(), s.end(), '/'); };
    const auto da = depth(a), db = depth(b);
    return da != db ? da > db : a < b;
  });
  folders.erase(std::unique(folders.begin(), folders.end()), folders.end());
  for (std::string folder : folders) {
    // A folder holding a written file is not empty and stays; rmdir() says so.
    while (!folder.empty() && ::rmdir((root / folder).c_str()) == 0) {
      const auto slash = folder.rfind('/');
      folder = slash == std::string::npos ? std::string() : folder.substr(0, slash);
    }
  }
  return removed;
}

}  // namespace og
