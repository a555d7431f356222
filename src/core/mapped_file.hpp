// MappedFile: a regular file mapped read-only into memory, with at least
// `padding` readable zero bytes after its end, so that a parser that reads a
// few bytes past the text (simdjson reads up to 64) can read the mapping in
// place.
//
//   auto mapped = MappedFile::Map(fd, size, kSourcePadding);
//   if (mapped) Parse(mapped->text());  // else read the file another way
//
// Mapping shares the kernel's cached pages of the file: nothing is zeroed or
// copied, which for a file of hundreds of megabytes is most of the cost of
// reading it into a buffer. The end of the file usually leaves the padding in
// its last page (the kernel fills the rest of that page with zeros); when it
// does not (the size is within `padding` of a multiple of the page size), one
// anonymous zero page is mapped right after the file's pages.
//
// Not guaranteed: the view is of the file as it is on disk, not a snapshot.
// Another program writing the file while it is mapped changes what is read,
// and one truncating it makes reads past the new end fault (SIGBUS). Files
// that redoubt writes are replaced by rename (WriteFileAtomically), which
// leaves a mapping of the old file intact.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace redoubt {

class MappedFile {
 public:
  // Maps the first `size` bytes of the open regular file `fd` (size > 0), with
  // `padding` zero bytes readable after them (padding <= the page size).
  // nullopt when the system refuses (no memory or address space, a file
  // system that cannot map): the caller reads the file instead. `fd` may be
  // closed afterwards.
  [[nodiscard]] static std::optional<MappedFile> Map(int fd, std::size_t size, std::size_t padding);

  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  [[nodiscard]] std::string_view text() const { return {data_, size_}; }
  // Readable bytes from text().data(): at least size + padding.
  [[nodiscard]] std::size_t readable() const { return length_; }

 private:
  MappedFile(const char* data, std::size_t size, std::size_t length)
      : data_(data), size_(size), length_(length) {}
  void Unmap();

  const char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t length_ = 0;  // bytes mapped, a whole number of pages
};

}  // namespace redoubt
