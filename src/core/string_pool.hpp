// StringPool: interns strings once and names them by a dense 32-bit id.
//
// Ids in files are strings; in memory they are StringIds, and per-kind dense
// indices (ElementIndex, SiteIndex, ...) are looked up through arrays indexed
// by StringId, so resolving millions of references costs one hash lookup each.
// Views returned by `View` stay valid for the pool's lifetime (storage is
// chunked and never moves). Not thread-safe for concurrent `Intern`.
//
// Ids are given in the order strings are first interned, whatever the hash
// (which is seeded per process): the same calls give the same ids.
// Readers that intern several strings of one record can hash them first and
// `Prefetch` their slots, so that the cache misses of a table of millions of
// strings overlap instead of queueing:
//
//   const auto a_hash = StringPool::Hash(a), b_hash = StringPool::Hash(b);
//   pool.Prefetch(a_hash);
//   pool.Prefetch(b_hash);
//   link.a = pool.InternHashed(a, a_hash);
//   link.b = pool.InternHashed(b, b_hash);
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace redoubt {

using StringId = std::uint32_t;
inline constexpr StringId kNoString = UINT32_MAX;

class StringPool {
 public:
  StringPool();
  ~StringPool();
  StringPool(StringPool&&) noexcept;
  StringPool& operator=(StringPool&&) noexcept;
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;

  // The id of `text`, adding it if new. Amortised O(|text|). When the table
  // must grow and memory runs out, throws std::bad_alloc with the pool unchanged.
  StringId Intern(std::string_view text);
  // The hash Intern uses, for InternHashed and Prefetch.
  [[nodiscard]] static std::uint64_t Hash(std::string_view text);
  // Intern(text), given `hash` == Hash(text).
  StringId InternHashed(std::string_view text, std::uint64_t hash);
  // Asks the CPU to load the slot where a string of this hash is probed first;
  // changes nothing that can be observed.
  void Prefetch(std::uint64_t hash) const;
  // Prepares room for `count` strings, avoiding rehashes while loading.
  void Reserve(std::size_t count);
  // The id of `text` if present.
  [[nodiscard]] std::optional<StringId> Find(std::string_view text) const;
  // The text of an id; "" for kNoString.
  [[nodiscard]] std::string_view View(StringId id) const;
  [[nodiscard]] std::size_t size() const;
  // Bytes held (text chunks + views + hash table), for memory accounting.
  [[nodiscard]] std::size_t MemoryBytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace redoubt
