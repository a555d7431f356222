#include "core/string_pool.hpp"

#include <cstring>

#include <absl/container/flat_hash_map.h>

namespace redoubt {

namespace {
constexpr std::size_t kChunkBytes = 1 << 20;
}  // namespace

struct StringPool::Impl {
  std::vector<std::unique_ptr<char[]>> chunks;
  std::size_t chunk_used = kChunkBytes;
  std::size_t chunk_capacity = kChunkBytes;
  std::size_t text_bytes = 0;
  std::vector<std::string_view> views;
  absl::flat_hash_map<std::string_view, StringId> index;

  std::string_view Store(std::string_view text) {
    if (chunks.empty() || text.size() > chunk_capacity - chunk_used) {
      chunk_capacity = std::max(kChunkBytes, text.size());
      chunks.push_back(std::make_unique<char[]>(chunk_capacity));
      chunk_used = 0;
      text_bytes += chunk_capacity;
    }
    char* destination = chunks.back().get() + chunk_used;
    if (!text.empty()) std::memcpy(destination, text.data(), text.size());
    chunk_used += text.size();
    return {destination, text.size()};
  }
};

StringPool::StringPool() : impl_(std::make_unique<Impl>()) {}
StringPool::~StringPool() = default;
StringPool::StringPool(StringPool&&) noexcept = default;
StringPool& StringPool::operator=(StringPool&&) noexcept = default;

StringId StringPool::Intern(std::string_view text) {
  auto found = impl_->index.find(text);
  if (found != impl_->index.end()) return found->second;
  const std::string_view stored = impl_->Store(text);
  const auto id = static_cast<StringId>(impl_->views.size());
  impl_->views.push_back(stored);
  impl_->index.emplace(stored, id);
  return id;
}

void StringPool::Reserve(std::size_t count) {
  impl_->index.reserve(count);
  impl_->views.reserve(count);
}

std::optional<StringId> StringPool::Find(std::string_view text) const {
  auto found = impl_->index.find(text);
  if (found == impl_->index.end()) return std::nullopt;
  return found->second;
}

std::string_view StringPool::View(StringId id) const {
  if (id == kNoString || id >= impl_->views.size()) return {};
  return impl_->views[id];
}

std::size_t StringPool::size() const { return impl_->views.size(); }

std::size_t StringPool::MemoryBytes() const {
  return impl_->text_bytes + impl_->views.capacity() * sizeof(std::string_view) +
         impl_->index.capacity() * (sizeof(std::string_view) + sizeof(StringId) + 1);
}

}  // namespace redoubt
