// Fnv1a64: the 64-bit FNV-1a hash of a byte string (Fowler, Noll, Vo;
// draft-eastlake-fnv), for deterministic orders that must not depend on the
// platform's std::hash.
//
//   std::uint64_t key = Fnv1a64("lon-gnb-1021");
//
// O(size). Not a cryptographic hash: inputs can be chosen to collide.
#pragma once

#include <cstdint>
#include <string_view>

namespace redoubt {

inline constexpr std::uint64_t kFnv64OffsetBasis = 14695981039346656037ULL;
inline constexpr std::uint64_t kFnv64Prime = 1099511628211ULL;  // 2^40 + 2^8 + 0xb3

[[nodiscard]] constexpr std::uint64_t Fnv1a64(std::string_view bytes) {
  std::uint64_t hash = kFnv64OffsetBasis;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnv64Prime;
  }
  return hash;
}

}  // namespace redoubt
