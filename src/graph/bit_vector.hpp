// BitVector: a fixed-size vector of bits, one bit per element or link, used
// as the on/off mask of a Topology (an element switched off by a scenario, a
// link cut) without rebuilding the graph.
//
//   BitVector up(topology.NodeCount(), true);
//   up.Reset(node);                 // switch one element off
//   Components(topology, {.nodes = &up});
//
// Memory: size/8 bytes rounded up to 8. Test/Set/Reset are O(1); Count is
// O(size/64). Not thread-safe for concurrent writers; concurrent readers are fine.
#pragma once

#include <bit>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace redoubt {

class BitVector {
 public:
  BitVector() = default;
  explicit BitVector(std::size_t size, bool value = false)
      : words_((size + 63) / 64, value ? ~std::uint64_t{0} : 0), size_(size) {
    ClearTail();
  }

  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] bool Test(std::size_t index) const {
    assert(index < size_);
    return (words_[index >> 6] >> (index & 63)) & 1U;
  }
  void Set(std::size_t index) {
    assert(index < size_);
    words_[index >> 6] |= std::uint64_t{1} << (index & 63);
  }
  void Reset(std::size_t index) {
    assert(index < size_);
    words_[index >> 6] &= ~(std::uint64_t{1} << (index & 63));
  }
  void Assign(std::size_t index, bool value) { value ? Set(index) : Reset(index); }
  void Fill(bool value) {
    for (std::uint64_t& word : words_) word = value ? ~std::uint64_t{0} : 0;
    ClearTail();
  }
  [[nodiscard]] std::size_t Count() const {
    std::size_t count = 0;
    for (std::uint64_t word : words_) count += static_cast<std::size_t>(std::popcount(word));
    return count;
  }
  [[nodiscard]] std::size_t MemoryBytes() const { return words_.capacity() * sizeof(std::uint64_t); }
  friend bool operator==(const BitVector&, const BitVector&) = default;

 private:
  void ClearTail() {
    if (size_ % 64 != 0) words_.back() &= (std::uint64_t{1} << (size_ % 64)) - 1;
  }
  std::vector<std::uint64_t> words_;
  std::size_t size_ = 0;
};

}  // namespace redoubt
