#include "core/source.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/huge_pages.hpp"
#include "core/text.hpp"

namespace redoubt {

bool CheckUtf8(const SourceFile& source, Diagnostics& diagnostics) {
  constexpr std::size_t kShown = 10;
  const std::string_view text = source.text();
  std::size_t found = 0;
  std::size_t pos = 0;
  Location last;
  while (pos < text.size()) {
    const auto bad = FirstInvalidUtf8(text.substr(pos));
    if (!bad) break;
    const std::size_t offset = pos + *bad;
    const std::size_t length = InvalidUtf8Length(text, offset);
    if (found < kShown) {
      std::string bytes;
      for (std::size_t index = 0; index < length; ++index) {
        bytes += fmt::format("{}0x{:02X}", index == 0 ? "" : " ",
                             static_cast<unsigned char>(text[offset + index]));
      }
      diagnostics.Error(source.LocationOf(offset),
                        fmt::format("the text is not UTF-8: byte{} {} cannot start or continue a "
                                    "character here",
                                    length == 1 ? "" : "s", bytes),
                        "save the file as UTF-8 (for a Latin-1 file: iconv -f latin1 -t utf-8); "
                        "redoubt reads UTF-8 only");
    }
    last = source.LocationOf(offset);
    ++found;
    pos = offset + length;
  }
  if (found > kShown) {
    diagnostics.Error(last,
                      fmt::format("{} more places in this file are not UTF-8 (the last is here)",
                                  found - kShown),
                      "save the file as UTF-8");
  }
  return found == 0;
}

namespace {

// The most read from a pipe, FIFO or device: a stream has no size to check
// first, and /dev/zero never ends.
constexpr std::size_t kMaxStreamBytes = std::size_t{1} << 30;
constexpr int kDefaultStreamTimeoutSeconds = 60;

// Seconds a stream may stay silent: REDOUBT_READ_TIMEOUT when it is a whole
// number from 1 to 86400, else the default.
int StreamTimeoutSeconds() {
  const char* text = std::getenv("REDOUBT_READ_TIMEOUT");
  if (text == nullptr) return kDefaultStreamTimeoutSeconds;
  char* end = nullptr;
  const long value = std::strtol(text, &end, 10);
  if (end == text || *end != '\0' || value < 1 || value > 86400) {
    return kDefaultStreamTimeoutSeconds;
  }
  return static_cast<int>(value);
}

// Reads a pipe, FIFO, socket or character device to its end. Opened without
// blocking, so a FIFO that nobody writes to is an error after the timeout
// rather than a hang; the same timeout applies whenever the writer goes quiet.
std::string ReadStream(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw IoError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  const int timeout = StreamTimeoutSeconds();
  std::string text;
  std::array<char, 1 << 16> buffer{};
  for (;;) {
    pollfd wanted{fd, POLLIN, 0};
    const int ready = ::poll(&wanted, 1, timeout * 1000);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) throw IoError(fmt::format("{}: read failed: {}", path, std::strerror(errno)));
    if (ready == 0) {
      throw IoError(fmt::format(
          "{}: nothing was written to this pipe or FIFO for {} s; start the program that writes "
          "it, or set REDOUBT_READ_TIMEOUT to wait longer",
          path, timeout));
    }
    const ssize_t got = ::read(fd, buffer.data(), buffer.size());
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (got < 0) throw IoError(fmt::format("{}: read failed: {}", path, std::strerror(errno)));
    if (got == 0) break;  // poll said readable: the writer has closed its end
    if (text.size() + static_cast<std::size_t>(got) > kMaxStreamBytes) {
      throw IoError(fmt::format("{}: more than 1 GiB from a pipe or device, the most redoubt "
                                "reads from one; save it to a regular file first",
                                path));
    }
    text.append(buffer.data(), static_cast<std::size_t>(got));
  }
  return text;
}

}  // namespace

SourceFile SourceFile::Read(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    throw IoError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  }
  if (S_ISDIR(info.st_mode)) {
    throw IoError(fmt::format("{}: is a directory, not a file", path));
  }
  if (!S_ISREG(info.st_mode)) {
    // A pipe (`<(cat inv.json)`, /dev/stdin), FIFO or device has no size up
    // front: it is read as a stream, with a size limit and a timeout.
    return FromString(path, ReadStream(path));
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw IoError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  if (::fstat(fd, &info) != 0) {
    throw IoError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  }
  SourceFile file;
  file.name_ = path;
  const auto size = static_cast<std::size_t>(info.st_size);
  if (auto mapped = MappedFile::Map(fd, size, kSourcePadding)) {
    file.mapped_ = std::make_shared<const MappedFile>(std::move(*mapped));
    return file;
  }
  // Empty, or a file system that cannot map it, or no address space left for
  // the mapping (then this reserve throws std::bad_alloc too).
  // Spare capacity past the end lets the JSON parser read the buffer in place.
  file.text_.reserve(size + kSourcePadding);
  AdviseHugePages(file.text_.data(), file.text_.capacity());
  file.text_.resize(size);
  std::size_t done = 0;
  while (done < size) {
    const ssize_t got = ::read(fd, file.text_.data() + done, size - done);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw IoError(fmt::format("{}: read failed: {}", path, std::strerror(errno)));
    if (got == 0) break;  // shorter than it was a moment ago: what is there
    done += static_cast<std::size_t>(got);
  }
  file.text_.resize(done);
  return file;
}

SourceFile SourceFile::FromString(std::string name, std::string text) {
  SourceFile file;
  file.name_ = std::move(name);
  file.text_ = std::move(text);
  file.text_.reserve(file.text_.size() + kSourcePadding);
  return file;
}

void SourceFile::BuildLineIndex() const {
  if (!line_starts_.empty()) return;
  const std::string_view text = this->text();
  length_ = text.size();
  line_starts_.push_back(0);
  const char* begin = text.data();
  const char* end = begin + text.size();
  const char* cursor = begin;
  while (cursor < end) {
    const void* found = std::memchr(cursor, '\n', static_cast<std::size_t>(end - cursor));
    if (found == nullptr) break;
    cursor = static_cast<const char*>(found) + 1;
    line_starts_.push_back(static_cast<std::uint64_t>(cursor - begin));
  }
}

std::uint32_t SourceFile::LineOf(std::uint64_t offset) const {
  BuildLineIndex();
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<std::uint32_t>(it - line_starts_.begin());
}

std::uint32_t SourceFile::LineOf(std::uint64_t offset, std::uint32_t hint) const {
  BuildLineIndex();
  if (hint == 0 || hint > line_starts_.size() || line_starts_[hint - 1] > offset) {
    return LineOf(offset);
  }
  // Line `hint` starts at or before `offset`: the answer is `hint` or later.
  constexpr std::uint32_t kSteps = 8;
  for (std::uint32_t step = 0; step < kSteps; ++step, ++hint) {
    if (hint == line_starts_.size() || line_starts_[hint] > offset) return hint;
  }
  auto it = std::upper_bound(line_starts_.begin() + hint, line_starts_.end(), offset);
  return static_cast<std::uint32_t>(it - line_starts_.begin());
}

Location SourceFile::LocationOf(std::uint64_t offset) const {
  BuildLineIndex();
  offset = std::min<std::uint64_t>(offset, length_);
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  const std::uint64_t start = line_starts_[line - 1];
  return Location{name_, line, static_cast<std::uint32_t>(offset - start + 1)};
}

std::uint64_t SourceFile::OffsetOf(std::uint32_t line, std::uint32_t column) const {
  BuildLineIndex();
  if (line == 0) return 0;
  if (line > line_starts_.size()) return length_;
  const std::uint64_t offset = line_starts_[line - 1] + (column > 0 ? column - 1 : 0);
  return std::min<std::uint64_t>(offset, length_);
}

void SourceFile::DropText() {
  BuildLineIndex();
  std::string().swap(text_);
  mapped_.reset();
}

}  // namespace redoubt
