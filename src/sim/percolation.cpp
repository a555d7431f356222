#include "sim/percolation.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <thread>

namespace redoubt {

namespace {

// Union-find with path halving and union by size; Unite returns the new root.
class Forest {
 public:
  void Reset(std::uint32_t n) {
    parent_.resize(n);
    std::iota(parent_.begin(), parent_.end(), 0U);
    size_.assign(n, 1);
  }
  std::uint32_t Find(std::uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  // Roots `a` ≠ `b`; returns the surviving root.
  std::uint32_t Link(std::uint32_t a, std::uint32_t b) {
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
    return a;
  }
  [[nodiscard]] std::uint32_t Size(std::uint32_t root) const { return size_[root]; }

 private:
  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> size_;
};

// Runs body(worker, trial) for trials 0.. in order of claim until `total` or
// `stop`; returns how many were claimed (all of them finish).
template <typename Body>
std::uint32_t ParallelTrials(std::uint32_t total, unsigned threads, const std::atomic<bool>* stop,
                             Body&& body) {
  std::atomic<std::uint32_t> next{0};
  auto work = [&](unsigned worker) {
    while (stop == nullptr || !stop->load(std::memory_order_relaxed)) {
      const std::uint32_t trial = next.fetch_add(1);
      if (trial >= total) break;
      body(worker, trial);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned worker = 1; worker < threads; ++worker) pool.emplace_back(work, worker);
  work(0);
  for (std::thread& thread : pool) thread.join();
  return std::min(next.load(), total);
}

unsigned Workers(unsigned threads, std::uint32_t total) {
  threads = threads != 0 ? threads : std::max(1U, std::thread::hardware_concurrency());
  return std::max(1U, std::min<unsigned>(threads, total));
}

}  // namespace

std::vector<NodeId> RandomOrder(std::uint32_t n, Rng& rng) {
  std::vector<NodeId> order(n);
  std::iota(order.begin(), order.end(), 0U);
  for (std::uint32_t index = n; index > 1; --index) {
    std::swap(order[index - 1], order[rng.Index(index)]);
  }
  return order;
}

SweepTrace NewmanZiffSweep(const Topology& topology, const Network* network,
                           const ServiceDemand* demand, std::span<const ServiceIndex> followed,
                           std::span<const NodeId> order) {
  const std::uint32_t n = topology.NodeCount();
  SweepTrace trace;
  trace.giant.assign(static_cast<std::size_t>(n) + 1, 0);
  trace.weight_up.assign(static_cast<std::size_t>(n) + 1, 0.0);
  trace.services_up.assign(static_cast<std::size_t>(n) + 1, 0);
  const bool with_services = network != nullptr && demand != nullptr && !followed.empty();
  const std::size_t words =
      with_services ? std::max<std::size_t>(1, (demand->functions.size() + 63) / 64) : 0;

  // Pending (service, attachment) entries as linked lists per component.
  std::vector<std::uint32_t> entry_service;
  std::vector<std::uint32_t> node_entry_offsets(static_cast<std::size_t>(n) + 1, 0);
  std::vector<std::uint32_t> next_entry;
  std::vector<std::uint32_t> head(n, kNone);
  std::vector<std::uint32_t> tail(n, kNone);
  std::vector<std::uint64_t> need;   // per followed service
  std::vector<std::uint64_t> offer;  // per node: functions it provides
  std::vector<std::uint64_t> mask;   // per root: functions its component offers
  std::vector<std::uint8_t> service_up;
  if (with_services) {
    for (ServiceIndex service : followed) {
      for (ElementIndex attachment : network->services[service].attach)
        ++node_entry_offsets[attachment + 1];
    }
    for (std::uint32_t node = 0; node < n; ++node)
      node_entry_offsets[node + 1] += node_entry_offsets[node];
    entry_service.resize(node_entry_offsets[n]);
    std::vector<std::uint32_t> fill(node_entry_offsets.begin(), node_entry_offsets.end() - 1);
    need.assign(followed.size() * words, 0);
    for (std::uint32_t index = 0; index < followed.size(); ++index) {
      for (ElementIndex attachment : network->services[followed[index]].attach) {
        entry_service[fill[attachment]++] = index;
      }
      for (std::uint32_t function : demand->Needs(followed[index])) {
        need[index * words + function / 64] |= std::uint64_t{1} << (function % 64);
      }
    }
    next_entry.assign(entry_service.size(), kNone);
    offer.assign(static_cast<std::size_t>(n) * words, 0);
    for (std::size_t function = 0; function < demand->functions.size(); ++function) {
      for (NodeId instance : demand->instances[function]) {
        offer[instance * words + function / 64] |= std::uint64_t{1} << (function % 64);
      }
    }
    mask.assign(static_cast<std::size_t>(n) * words, 0);
    service_up.assign(followed.size(), 0);
  }

  double weight_up = 0;
  std::uint32_t services_up = 0;
  // Re-examines the pending list of `root`, keeping the services still down.
  auto recheck = [&](std::uint32_t root) {
    std::uint32_t kept_head = kNone;
    std::uint32_t kept_tail = kNone;
    for (std::uint32_t entry = head[root]; entry != kNone;) {
      const std::uint32_t after = next_entry[entry];
      const std::uint32_t service = entry_service[entry];
      if (service_up[service] == 0) {
        bool all = true;
        for (std::size_t word = 0; word < words; ++word) {
          all = all && (need[service * words + word] & ~mask[root * words + word]) == 0;
        }
        if (all) {
          service_up[service] = 1;
          weight_up += network->services[followed[service]].weight;
          ++services_up;
        } else {
          next_entry[entry] = kNone;
          if (kept_tail == kNone) {
            kept_head = entry;
          } else {
            next_entry[kept_tail] = entry;
          }
          kept_tail = entry;
        }
      }
      entry = after;
    }
    head[root] = kept_head;
    tail[root] = kept_tail;
  };

  Forest forest;
  forest.Reset(n);
  std::vector<std::uint8_t> present(n, 0);
  std::uint32_t giant = 0;
  for (std::uint32_t k = 0; k < order.size(); ++k) {
    const NodeId node = order[k];
    present[node] = 1;
    giant = std::max(giant, 1U);
    if (with_services) {
      for (std::size_t word = 0; word < words; ++word)
        mask[node * words + word] = offer[node * words + word];
      for (std::uint32_t entry = node_entry_offsets[node]; entry < node_entry_offsets[node + 1];
           ++entry) {
        if (tail[node] == kNone) {
          head[node] = entry;
        } else {
          next_entry[tail[node]] = entry;
        }
        tail[node] = entry;
      }
      recheck(node);
    }
    for (NodeId neighbor : topology.Neighbors(node)) {
      if (present[neighbor] == 0) continue;
      const std::uint32_t a = forest.Find(node);
      const std::uint32_t b = forest.Find(neighbor);
      if (a == b) continue;
      const std::uint32_t root = forest.Link(a, b);
      giant = std::max(giant, forest.Size(root));
      if (!with_services) continue;
      const std::uint32_t other = root == a ? b : a;
      bool root_grew = false;
      bool other_grew = false;
      for (std::size_t word = 0; word < words; ++word) {
        const std::uint64_t merged = mask[root * words + word] | mask[other * words + word];
        root_grew = root_grew || merged != mask[root * words + word];
        other_grew = other_grew || merged != mask[other * words + word];
        mask[root * words + word] = merged;
      }
      if (other_grew) {
        for (std::size_t word = 0; word < words; ++word)
          mask[other * words + word] = mask[root * words + word];
        recheck(other);
      }
      if (root_grew) recheck(root);
      if (head[other] != kNone) {
        if (tail[root] == kNone) {
          head[root] = head[other];
        } else {
          next_entry[tail[root]] = head[other];
        }
        tail[root] = tail[other];
        head[other] = tail[other] = kNone;
      }
    }
    trace.giant[k + 1] = giant;
    trace.weight_up[k + 1] = weight_up;
    trace.services_up[k + 1] = services_up;
  }
  return trace;
}

PercolationResult RunPercolation(const Network& network, const PercolationOptions& options) {
  std::vector<Edge> edges;
  for (const Link& link : network.links) edges.push_back({link.a, link.b});
  const auto n = static_cast<std::uint32_t>(network.elements.size());
  const Topology topology = Topology::FromEdges(n, edges);
  const ServiceDemand demand = BuildServiceDemand(network);
  const BitVector up = ServicesUp(network, topology, demand);
  std::vector<ServiceIndex> followed;
  double weight_total = 0;
  for (ServiceIndex service = 0; service < network.services.size(); ++service) {
    if (!up.Test(service)) continue;
    followed.push_back(service);
    weight_total += network.services[service].weight;
  }
  PercolationResult result;
  const std::uint32_t points = std::max(2U, options.points);
  std::vector<std::uint32_t> present_at(points);
  for (std::uint32_t point = 0; point < points; ++point) {
    const double fraction = static_cast<double>(point) / (points - 1);
    result.fraction_failed.push_back(fraction);
    present_at[point] = n - static_cast<std::uint32_t>(std::llround(fraction * n));
  }
  struct Row {
    std::vector<double> giant, weight, services;
  };
  const unsigned threads = Workers(options.threads, options.orderings);
  std::vector<std::vector<std::pair<std::uint32_t, Row>>> per_worker(threads);
  result.completed = ParallelTrials(
      options.orderings, threads, options.stop, [&](unsigned worker, std::uint32_t ordering) {
        Rng rng = Rng::ForTrial(options.seed, ordering);
        const std::vector<NodeId> order = RandomOrder(n, rng);
        const SweepTrace trace = NewmanZiffSweep(topology, &network, &demand, followed, order);
        Row& row = per_worker[worker].emplace_back(ordering, Row{}).second;
        for (std::uint32_t k : present_at) {
          row.giant.push_back(n == 0 ? 0.0 : static_cast<double>(trace.giant[k]) / n);
          row.weight.push_back(weight_total > 0 ? trace.weight_up[k] / weight_total : 1.0);
          row.services.push_back(
              followed.empty() ? 1.0 : static_cast<double>(trace.services_up[k]) / followed.size());
        }
      });
  std::vector<Row> rows(result.completed);
  for (auto& rows_of_worker : per_worker) {
    for (auto& [ordering, row] : rows_of_worker) rows[ordering] = std::move(row);
  }
  result.partial = result.completed < options.orderings;
  auto band = [&](auto member) {
    Band out;
    std::vector<double> column(result.completed);
    for (std::uint32_t point = 0; point < points; ++point) {
      double sum = 0;
      for (std::uint32_t ordering = 0; ordering < result.completed; ++ordering) {
        column[ordering] = (rows[ordering].*member)[point];
        sum += column[ordering];
      }
      out.mean.push_back(result.completed == 0 ? 0.0 : sum / result.completed);
      out.p5.push_back(Percentile(column, 0.05));
      out.p50.push_back(Percentile(column, 0.50));
      out.p95.push_back(Percentile(column, 0.95));
    }
    return out;
  };
  result.giant_share = band(&Row::giant);
  result.weight_level = band(&Row::weight);
  result.service_level = band(&Row::services);
  return result;
}

std::vector<std::uint32_t> RandomRemovalGiant(const Topology& topology, double fraction, std::uint32_t trials,
                                              std::uint64_t seed, unsigned threads) {
  const std::uint32_t n = topology.NodeCount();
  const auto removed = static_cast<std::uint32_t>(std::llround(std::clamp(fraction, 0.0, 1.0) * n));
  std::vector<std::uint32_t> giant(trials, 0);
  threads = Workers(threads, std::max(1U, trials));
  // Per worker: the identity permutation (restored after each trial by
  // undoing the swaps), a bitset of removed nodes, and one array for the
  // union-find: a root holds −size, any other node its parent.
  struct Scratch {
    std::vector<NodeId> pool;
    std::vector<std::uint32_t> swaps;
    std::vector<std::uint64_t> gone;
    std::vector<std::int32_t> link;
  };
  std::vector<Scratch> scratch(threads);
  ParallelTrials(trials, threads, nullptr, [&](unsigned worker, std::uint32_t trial) {
    Scratch& mine = scratch[worker];
    if (mine.pool.size() != n) {
      mine.pool.resize(n);
      std::iota(mine.pool.begin(), mine.pool.end(), 0U);
    }
    mine.gone.assign((n + 63) / 64, 0);
    std::uint64_t* gone = mine.gone.data();
    Rng rng = Rng::ForTrial(seed, trial);
    mine.swaps.clear();
    for (std::uint32_t index = 0; index < removed; ++index) {
      const auto pick = static_cast<std::uint32_t>(index + rng.Index(n - index));
      std::swap(mine.pool[index], mine.pool[pick]);
      mine.swaps.push_back(pick);
      const std::uint32_t node = mine.pool[index];
      gone[node / 64] |= std::uint64_t{1} << (node % 64);
    }
    for (std::uint32_t index = removed; index-- > 0;) std::swap(mine.pool[index], mine.pool[mine.swaps[index]]);
    mine.link.assign(n, -1);
    std::int32_t* link = mine.link.data();
    auto find = [link](std::uint32_t x) {
      while (link[x] >= 0) {
        const auto parent = static_cast<std::uint32_t>(link[x]);
        if (link[parent] >= 0) link[x] = link[parent];  // path halving
        x = static_cast<std::uint32_t>(link[x]);
      }
      return x;
    };
    auto is_gone = [gone](std::uint32_t node) { return ((gone[node / 64] >> (node % 64)) & 1U) != 0; };
    std::int32_t best = removed < n ? 1 : 0;
    // Edges in their given order: for generated graphs that is usually the
    // order nodes were added, which keeps one end's accesses sequential
    // (renumbering by degree or sorting the edges was measured slower).
    for (EdgeId edge = 0; edge < topology.EdgeCount(); ++edge) {
      const Edge ends = topology.Ends(edge);
      if (ends.a == ends.b || is_gone(ends.a) || is_gone(ends.b)) continue;
      std::uint32_t a = find(ends.a);
      std::uint32_t b = find(ends.b);
      if (a == b) continue;
      if (link[a] > link[b]) std::swap(a, b);  // a is the larger set (more negative)
      link[a] += link[b];
      link[b] = static_cast<std::int32_t>(a);
      best = std::max(best, -link[a]);
    }
    giant[trial] = static_cast<std::uint32_t>(best);
  });
  return giant;
}

}  // namespace redoubt
