// Content hashes that are the same on every platform and build (std::hash
// is not): 64-bit FNV-1a (Fowler, Noll, Vo; offset basis 14695981039346656037,
// prime 1099511628211). For telling inputs apart and seeding per-name
// streams; not a cryptographic hash (it does not resist a forger).
//
//   std::uint64_t h = Fnv1a64("London");
//   std::string tag = ContentHash(file_bytes);   // "fnv1a64:0123456789abcdef"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace redoubt {

inline constexpr std::uint64_t kFnv64OffsetBasis = 14695981039346656037ULL;
inline constexpr std::uint64_t kFnv64Prime = 1099511628211ULL;

[[nodiscard]] constexpr std::uint64_t Fnv1a64(std::string_view bytes,
                                              std::uint64_t hash = kFnv64OffsetBasis) {
  for (const char byte : bytes) {
    hash ^= static_cast<std::uint8_t>(byte);
    hash *= kFnv64Prime;
  }
  return hash;
}

// "fnv1a64:" and the hash of `bytes` as 16 lower-case hex digits.
[[nodiscard]] std::string ContentHash(std::string_view bytes);

// The ContentHash of a file's bytes; throws IoError when it cannot be read.
[[nodiscard]] std::string FileContentHash(const std::string& path);

}  // namespace redoubt
