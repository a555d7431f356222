// RollbackUnionFind: disjoint sets whose unions can be undone in LIFO order,
// the building block of offline dynamic connectivity (connectivity under edge
// insertions *and* deletions known in advance: each edge's lifetime is put
// on a segment tree over time and a depth-first walk unites on the way down
// and rolls back on the way up; see sim/timeline.hpp).
//
//   RollbackUnionFind sets(4);
//   const std::size_t mark = sets.Mark();
//   sets.Unite(0, 1);
//   sets.Rollback(mark);          // 0 and 1 are apart again
//
// Union by size without path compression, so Find is O(log n) and each
// Unite/Rollback step O(log n) / O(1) (compression would make undo
// impossible). `Flatten` is the one exception: with nothing left to undo it
// points every element straight at its root, so the unions done before it
// cost nothing in later Finds. 8 bytes per element plus 4 per recorded union.
// Deterministic; not thread-safe (one instance per thread).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace redoubt {

class RollbackUnionFind {
 public:
  explicit RollbackUnionFind(std::uint32_t size = 0);

  // Back to all singletons, resized to `size`. O(size).
  void Reset(std::uint32_t size);

  [[nodiscard]] std::uint32_t Find(std::uint32_t element) const {
    while (parent_[element] != element) element = parent_[element];
    return element;
  }
  // Merges the sets of `a` and `b`; false (and nothing recorded) when they
  // were already one set.
  bool Unite(std::uint32_t a, std::uint32_t b);
  [[nodiscard]] std::uint32_t SetSize(std::uint32_t element) const { return size_[Find(element)]; }
  [[nodiscard]] std::uint32_t Size() const { return static_cast<std::uint32_t>(parent_.size()); }

  // A point to roll back to, and undoing every union since it.
  [[nodiscard]] std::size_t Mark() const { return history_.size(); }
  void Rollback(std::size_t mark);

  // Points every element at its root and forgets the history (later
  // rollbacks cannot go back past this). O(n).
  void Flatten();

  // The whole state, to restore later with Restore (e.g. a base that many
  // computations start from). Precondition for both: nothing to roll back.
  struct Snapshot {
    std::vector<std::uint32_t> parent;
    std::vector<std::uint32_t> size;
  };
  void Save(Snapshot& snapshot) const {
    snapshot.parent = parent_;
    snapshot.size = size_;
  }
  void Restore(const Snapshot& snapshot) {
    parent_ = snapshot.parent;
    size_ = snapshot.size;
    history_.clear();
  }

  [[nodiscard]] std::size_t MemoryBytes() const {
    return (parent_.capacity() + size_.capacity() + history_.capacity()) * sizeof(std::uint32_t);
  }

 private:
  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> size_;
  std::vector<std::uint32_t> history_;  // the child root of each union, in order
};

}  // namespace redoubt
