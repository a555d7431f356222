#include "core/hash.hpp"

#include <fmt/format.h>

#include "core/source.hpp"

namespace redoubt {

std::string ContentHash(std::string_view bytes) {
  return fmt::format("fnv1a64:{:016x}", Fnv1a64(bytes));
}

std::string FileContentHash(const std::string& path) {
  return ContentHash(SourceFile::Read(path).text());
}

}  // namespace redoubt
