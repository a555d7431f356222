#include "graph/rollback_union_find.hpp"

#include <cassert>
#include <numeric>
#include <utility>

namespace redoubt {

RollbackUnionFind::RollbackUnionFind(std::uint32_t size) { Reset(size); }

void RollbackUnionFind::Reset(std::uint32_t size) {
  parent_.resize(size);
  std::iota(parent_.begin(), parent_.end(), 0U);
  size_.assign(size, 1);
  history_.clear();
}

bool RollbackUnionFind::Unite(std::uint32_t a, std::uint32_t b) {
  std::uint32_t root_a = Find(a);
  std::uint32_t root_b = Find(b);
  if (root_a == root_b) return false;
  if (size_[root_a] < size_[root_b]) std::swap(root_a, root_b);
  parent_[root_b] = root_a;
  size_[root_a] += size_[root_b];
  history_.push_back(root_b);
  return true;
}

void RollbackUnionFind::Rollback(std::size_t mark) {
  assert(mark <= history_.size());
  while (history_.size() > mark) {
    const std::uint32_t child = history_.back();
    history_.pop_back();
    const std::uint32_t root = parent_[child];
    size_[root] -= size_[child];
    parent_[child] = child;
  }
}

void RollbackUnionFind::Flatten() {
  // Roots first would need a second pass; resolving each element's root with
  // the (unflattened) chain is O(depth) = O(log n), and writing it is safe
  // because roots never change here.
  for (std::uint32_t element = 0; element < parent_.size(); ++element) {
    parent_[element] = Find(element);
  }
  history_.clear();
}

}  // namespace redoubt
