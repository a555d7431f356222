#include "core/hash.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>

#include "core/error.hpp"

namespace redoubt {

std::string ContentHash(std::string_view bytes) {
  return fmt::format("fnv1a64:{:016x}", Fnv1a64(bytes));
}

std::string FileContentHash(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(fmt::format("cannot read {}", path));
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw IoError(fmt::format("cannot read {}", path));
  return ContentHash(bytes);
}

}  // namespace redoubt
