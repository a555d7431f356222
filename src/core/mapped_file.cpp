#include "core/mapped_file.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cassert>
#include <utility>

namespace redoubt {

std::optional<MappedFile> MappedFile::Map(int fd, std::size_t size, std::size_t padding) {
  const long page_size = ::sysconf(_SC_PAGESIZE);
  if (size == 0 || page_size <= 0) return std::nullopt;
  const auto page = static_cast<std::size_t>(page_size);
  assert(padding <= page);
  const std::size_t file_pages = (size + page - 1) / page * page;
  if (file_pages < size) return std::nullopt;  // wrapped around
  // The zeros after the end in the last page are padding enough, or one more
  // (anonymous, zero) page follows the file's pages.
  const std::size_t length = file_pages - size >= padding ? file_pages : file_pages + page;
  void* region = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (region == MAP_FAILED) return std::nullopt;
  // The file over the start of that region; MAP_POPULATE maps every page now,
  // in one call, instead of one fault per few pages while parsing.
  void* file = ::mmap(region, file_pages, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
  if (file == MAP_FAILED) {
    ::munmap(region, length);
    return std::nullopt;
  }
#ifdef MADV_SEQUENTIAL
  (void)::madvise(file, file_pages, MADV_SEQUENTIAL);
#endif
  return MappedFile(static_cast<const char*>(file), size, length);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      length_(std::exchange(other.length_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    Unmap();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    length_ = std::exchange(other.length_, 0);
  }
  return *this;
}

MappedFile::~MappedFile() { Unmap(); }

void MappedFile::Unmap() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), length_);
  data_ = nullptr;
  size_ = 0;
  length_ = 0;
}

}  // namespace redoubt
