// Content hashes of files, the same on every platform and build: 64-bit
// FNV-1a (core/fnv.hpp). For telling inputs apart (did this file change since
// a part of a run was written?); not a cryptographic hash (it does not resist
// a forger).
//
//   std::string tag = ContentHash(file_bytes);   // "fnv1a64:0123456789abcdef"
#pragma once

#include <string>
#include <string_view>

#include "core/fnv.hpp"

namespace redoubt {

// "fnv1a64:" and the hash of `bytes` as 16 lower-case hex digits.
[[nodiscard]] std::string ContentHash(std::string_view bytes);

// The ContentHash of a file's bytes; throws IoError when it cannot be read.
[[nodiscard]] std::string FileContentHash(const std::string& path);

}  // namespace redoubt
