// StringPool: interns strings once and names them by a dense 32-bit id.
//
// Ids in files are strings; in memory they are StringIds, and per-kind dense
// indices (ElementIndex, SiteIndex, ...) are looked up through arrays indexed
// by StringId, so resolving millions of references costs one hash lookup each.
// Views returned by `View` stay valid for the pool's lifetime (storage is
// chunked and never moves). Not thread-safe for concurrent `Intern`.
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

  // The id of `text`, adding it if new. Amortised O(|text|).
  StringId Intern(std::string_view text);
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
