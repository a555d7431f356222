#include "core/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>

#include <fmt/format.h>

#include "core/error.hpp"

namespace redoubt {

namespace {

// Writes all of `content` to `fd`, retrying short writes and EINTR. Returns 0,
// or the errno of the write that failed.
int WriteAll(int fd, std::string_view content) {
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  return 0;
}

}  // namespace

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {
  if (path_ == "-") {
    // Whatever the program already put through std::cout goes first.
    errno = 0;
    std::cout.flush();
    if (!std::cout) {
      throw IoError(fmt::format("standard output: write failed: {}",
                                std::strerror(errno != 0 ? errno : EIO)));
    }
    to_stdout_ = true;
    fd_ = STDOUT_FILENO;
    return;
  }
  struct stat info {};
  if (::stat(path_.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    if (S_ISDIR(info.st_mode)) {
      throw IoError(fmt::format("{}: is a directory, not a file", path_));
    }
    // A device, FIFO or socket is written in place: renaming a file over it
    // would replace the node itself (run as root, `-o /dev/null` would turn
    // /dev/null into a regular file).
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd_ < 0) {
      throw IoError(fmt::format("{}: cannot open for writing: {}", path_, std::strerror(errno)));
    }
    return;
  }
  namespace fs = std::filesystem;
  const fs::path target(path_);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::random_device entropy;
  temporary_ =
      (folder / fmt::format(".{}.{:08x}.tmp", target.filename().string(), entropy())).string();
  fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw IoError(fmt::format("{}: cannot create: {}", temporary_, std::strerror(errno)));
  }
}

OutputFile::~OutputFile() {
  if (!committed_) Abandon();
}

void OutputFile::Abandon() noexcept {
  if (fd_ >= 0 && !to_stdout_) ::close(fd_);
  fd_ = -1;
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
  temporary_.clear();
}

void OutputFile::Write(std::string_view text) {
  if (committed_ || fd_ < 0) throw IoError(fmt::format("{}: written after it was closed", path_));
  if (const int error = WriteAll(fd_, text); error != 0) {
    const std::string shown = to_stdout_ ? "standard output" : path_;
    Abandon();
    throw IoError(fmt::format("{}: write failed: {}", shown, std::strerror(error)));
  }
}

void OutputFile::Commit() {
  if (committed_ || fd_ < 0) throw IoError(fmt::format("{}: committed twice", path_));
  if (to_stdout_) {
    committed_ = true;
    fd_ = -1;
    return;
  }
  const bool regular = !temporary_.empty();
  if ((regular && ::fsync(fd_) != 0) || ::close(fd_) != 0) {
    const std::string reason = std::strerror(errno);
    fd_ = -1;
    Abandon();
    throw IoError(fmt::format("{}: write failed: {}", path_, reason));
  }
  fd_ = -1;
  if (regular && std::rename(temporary_.c_str(), path_.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    Abandon();
    throw IoError(fmt::format("{}: cannot replace: {}", path_, reason));
  }
  temporary_.clear();
  committed_ = true;
}

void WriteFileAtomically(const std::string& path, std::string_view content) {
  OutputFile out(path);
  out.Write(content);
  out.Commit();
}

void WriteFileSetAtomically(const std::string& folder,
                            const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<OutputPart> parts;
  parts.reserve(files.size());
  for (const auto& [name, content] : files) {
    parts.push_back({name, [&content = content](OutputFile& out) { out.Write(content); }});
  }
  WriteFileSetAtomically(folder, parts);
}

void WriteFileSetAtomically(const std::string& folder, const std::vector<OutputPart>& files) {
  namespace fs = std::filesystem;
  const fs::path target = fs::path(folder).lexically_normal();
  const fs::path name = target.filename().empty() ? target.parent_path().filename() : target.filename();
  const fs::path clean = target.filename().empty() ? target.parent_path() : target;
  const fs::path parent = clean.has_parent_path() ? clean.parent_path() : fs::path(".");
  std::error_code error;
  const bool exists = fs::exists(clean, error);
  if (exists) {
    if (!fs::is_directory(clean, error)) {
      throw IoError(fmt::format("{}: exists and is not a folder", folder));
    }
    for (const auto& entry : fs::directory_iterator(clean, error)) {
      const std::string entry_name = entry.path().filename().string();
      const bool ours = std::any_of(files.begin(), files.end(),
                                    [&](const OutputPart& file) { return file.name == entry_name; });
      if (!ours) {
        throw IoError(fmt::format(
            "{}: holds '{}', which this command did not write; the outputs replace the folder "
            "as a whole, so give a new or empty folder, or one written by an earlier run",
            folder, entry_name));
      }
    }
    if (error) throw IoError(fmt::format("{}: cannot list: {}", folder, error.message()));
  } else {
    fs::create_directories(parent, error);
    if (error) {
      throw IoError(fmt::format("{}: cannot create the output folder: {}", parent.string(),
                                error.message()));
    }
  }
  std::string pattern = (parent / fmt::format(".{}.tmp.XXXXXX", name.string())).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw IoError(fmt::format("{}: cannot create a temporary folder: {}", parent.string(),
                              std::strerror(errno)));
  }
  const fs::path temporary = pattern;
  try {
    for (const OutputPart& file : files) {
      OutputFile out((temporary / file.name).string());
      file.write(out);
      out.Commit();
    }
    // mkdtemp makes the folder 0700; give it what mkdir would have.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(temporary.c_str(), 0777 & ~mask);
    if (!exists) {
      if (::rename(temporary.c_str(), clean.c_str()) != 0) {
        throw IoError(fmt::format("{}: cannot rename into place: {}", folder, std::strerror(errno)));
      }
      return;
    }
    if (::renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, clean.c_str(), RENAME_EXCHANGE) != 0) {
      if (errno != EINVAL && errno != ENOSYS) {
        throw IoError(fmt::format("{}: cannot exchange with the new outputs: {}", folder,
                                  std::strerror(errno)));
      }
      // A file system without the exchange: the old set aside, then the new one
      // in (between the two renames the folder is briefly absent, never mixed).
      const fs::path aside = temporary.string() + ".old";
      if (::rename(clean.c_str(), aside.c_str()) != 0 ||
          ::rename(temporary.c_str(), clean.c_str()) != 0) {
        throw IoError(fmt::format("{}: cannot rename into place: {}", folder, std::strerror(errno)));
      }
      fs::remove_all(aside, error);
      return;
    }
  } catch (...) {
    fs::remove_all(temporary, error);
    throw;
  }
  fs::remove_all(temporary, error);  // now the earlier set
}

}  // namespace redoubt
