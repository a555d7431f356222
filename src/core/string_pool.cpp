#include "core/string_pool.hpp"

#include <algorithm>
#include <cstring>

#include <absl/hash/hash.h>

#include "core/huge_pages.hpp"

namespace redoubt {

namespace {

constexpr std::size_t kChunkBytes = 1 << 20;
constexpr std::size_t kMinSlots = 64;
constexpr std::size_t kInline = 8;  // strings this short are compared in the slot itself

// A slot: the id (+ 1; 0 is empty), a check word (24 bits of hash, then the
// length up to 255) and the first 8 bytes of the text. A probe compares the
// check word and the prefix in the slot; only a string longer than 8 bytes
// whose check and prefix match is compared with its text. So looking up an
// id like "e123456" among millions costs one cache miss, not three.
struct Slot {
  std::uint32_t id_plus_one;
  std::uint32_t check;
  std::uint64_t prefix;
};
static_assert(sizeof(Slot) == 16);

std::uint32_t CheckOf(std::uint64_t hash, std::size_t size) {
  return static_cast<std::uint32_t>(hash >> 40) << 8 | static_cast<std::uint32_t>(std::min<std::size_t>(size, 255));
}

std::uint64_t PrefixOf(std::string_view text) {
  std::uint64_t prefix = 0;
  if (!text.empty()) std::memcpy(&prefix, text.data(), std::min(text.size(), kInline));
  return prefix;
}

// Slots for `count` strings at a load of at most 4/5: a power of two.
std::size_t SlotsFor(std::size_t count) {
  std::size_t slots = kMinSlots;
  while (slots / 5 * 4 < count) slots *= 2;
  return slots;
}

}  // namespace

// Open addressing with linear probing over one flat array of slots, rather
// than absl::flat_hash_map: a probe reads one cache line of slots, and
// growing builds the new array before anything is changed, so running out of
// memory while growing leaves the pool as it was (Debian 12's abseil tables
// are not safe there).
struct StringPool::Impl {
  std::vector<std::unique_ptr<char[]>> chunks;
  std::size_t chunk_used = kChunkBytes;
  std::size_t chunk_capacity = kChunkBytes;
  std::size_t text_bytes = 0;
  std::vector<std::string_view> views;
  std::unique_ptr<Slot[]> slots = NewSlots(kMinSlots);
  std::size_t slot_count = kMinSlots;

  // An empty table; large ones on huge pages (it is read at random).
  static std::unique_ptr<Slot[]> NewSlots(std::size_t count) {
    auto slots = std::make_unique_for_overwrite<Slot[]>(count);
    AdviseHugePages(slots.get(), count * sizeof(Slot));
    std::fill_n(slots.get(), count, Slot{0, 0, 0});
    return slots;
  }

  std::string_view Store(std::string_view text) {
    if (chunks.empty() || text.size() > chunk_capacity - chunk_used) {
      const std::size_t capacity = std::max(kChunkBytes, text.size());
      chunks.push_back(std::make_unique_for_overwrite<char[]>(capacity));
      chunk_capacity = capacity;
      chunk_used = 0;
      text_bytes += capacity;
    }
    char* destination = chunks.back().get() + chunk_used;
    if (!text.empty()) std::memcpy(destination, text.data(), text.size());
    chunk_used += text.size();
    return {destination, text.size()};
  }

  [[nodiscard]] std::size_t Mask() const { return slot_count - 1; }

  // The slot holding `text`, or the empty slot where it would go.
  [[nodiscard]] std::size_t Probe(std::string_view text, std::uint64_t hash) const {
    const std::uint32_t check = CheckOf(hash, text.size());
    const std::uint64_t prefix = PrefixOf(text);
    const std::size_t mask = Mask();
    for (std::size_t position = hash & mask;; position = (position + 1) & mask) {
      const Slot& slot = slots[position];
      if (slot.id_plus_one == 0) return position;
      if (slot.check == check && slot.prefix == prefix &&
          (text.size() <= kInline || views[slot.id_plus_one - 1] == text)) {
        return position;
      }
    }
  }

  // Makes room for `count` strings; changes nothing when allocation fails.
  void Grow(std::size_t count) {
    const std::size_t wanted = SlotsFor(count);
    if (wanted <= slot_count) return;
    std::unique_ptr<Slot[]> grown = NewSlots(wanted);
    const std::size_t mask = wanted - 1;
    for (StringId id = 0; id < views.size(); ++id) {
      const std::uint64_t hash = absl::HashOf(views[id]);
      std::size_t position = hash & mask;
      while (grown[position].id_plus_one != 0) position = (position + 1) & mask;
      grown[position] = Slot{id + 1, CheckOf(hash, views[id].size()), PrefixOf(views[id])};
    }
    slots.swap(grown);
    slot_count = wanted;
  }
};

StringPool::StringPool() : impl_(std::make_unique<Impl>()) {}
StringPool::~StringPool() = default;
StringPool::StringPool(StringPool&&) noexcept = default;
StringPool& StringPool::operator=(StringPool&&) noexcept = default;

std::uint64_t StringPool::Hash(std::string_view text) { return absl::HashOf(text); }

void StringPool::Prefetch(std::uint64_t hash) const {
  __builtin_prefetch(&impl_->slots[hash & impl_->Mask()]);
}

StringId StringPool::Intern(std::string_view text) { return InternHashed(text, Hash(text)); }

StringId StringPool::InternHashed(std::string_view text, std::uint64_t hash) {
  Impl& impl = *impl_;
  std::size_t position = impl.Probe(text, hash);
  if (impl.slots[position].id_plus_one != 0) return impl.slots[position].id_plus_one - 1;
  if (impl.views.size() + 1 > impl.slot_count / 5 * 4) {
    impl.Grow(impl.views.size() + 1);
    position = impl.Probe(text, hash);
  }
  const std::string_view stored = impl.Store(text);
  const auto id = static_cast<StringId>(impl.views.size());
  impl.views.push_back(stored);
  impl.slots[position] = Slot{id + 1, CheckOf(hash, text.size()), PrefixOf(text)};
  return id;
}

void StringPool::Reserve(std::size_t count) {
  impl_->Grow(count);
  impl_->views.reserve(count);
}

std::optional<StringId> StringPool::Find(std::string_view text) const {
  const std::size_t position = impl_->Probe(text, Hash(text));
  if (impl_->slots[position].id_plus_one == 0) return std::nullopt;
  return impl_->slots[position].id_plus_one - 1;
}

std::string_view StringPool::View(StringId id) const {
  if (id == kNoString || id >= impl_->views.size()) return {};
  return impl_->views[id];
}

std::size_t StringPool::size() const { return impl_->views.size(); }

std::size_t StringPool::MemoryBytes() const {
  return impl_->text_bytes + impl_->views.capacity() * sizeof(std::string_view) +
         impl_->slot_count * sizeof(Slot);
}

}  // namespace redoubt
