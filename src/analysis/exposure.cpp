#include "analysis/exposure.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "analysis/function_reach.hpp"
#include "analysis/service_demand.hpp"
#include "graph/disjoint_paths.hpp"
#include "graph/network_topology.hpp"
#include "graph/shortest_paths.hpp"

namespace redoubt {

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Runs body(index, worker) for index in [0, count) on `threads` workers,
// handing out indices in small chunks. Results must be written by index, so
// the outcome does not depend on the schedule. Rethrows the first exception.
template <typename Body>
void ParallelFor(std::size_t count, unsigned threads, std::size_t chunk, Body&& body) {
  threads = std::max(1U, std::min<unsigned>(threads, static_cast<unsigned>((count + chunk - 1) / chunk)));
  if (threads <= 1) {
    for (std::size_t index = 0; index < count; ++index) body(index, 0U);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&](unsigned worker) {
    try {
      while (true) {
        const std::size_t first = next.fetch_add(chunk);
        if (first >= count) return;
        const std::size_t last = std::min(count, first + chunk);
        for (std::size_t index = first; index < last; ++index) body(index, worker);
      }
    } catch (...) {
      const std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next.store(count);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned worker = 1; worker < threads; ++worker) pool.emplace_back(work, worker);
  work(0);
  for (std::thread& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);
}

// The graph with each site's elements merged into one node (site s is node s;
// an element without a site gets a node of its own after the sites).
struct SiteQuotient {
  Topology topology;
  std::vector<NodeId> node_of;  // per element
  std::vector<std::vector<NodeId>> instances;
};

SiteQuotient BuildSiteQuotient(const Network& network, const ServiceDemand& demand) {
  SiteQuotient quotient;
  auto node_count = static_cast<std::uint32_t>(network.sites.size());
  quotient.node_of.resize(network.elements.size());
  for (ElementIndex element = 0; element < network.elements.size(); ++element) {
    const SiteIndex site = network.elements[element].site;
    quotient.node_of[element] = site != kNone ? site : node_count++;
  }
  std::vector<Edge> edges;
  edges.reserve(network.links.size());
  for (const Link& link : network.links) edges.push_back({quotient.node_of[link.a], quotient.node_of[link.b]});
  quotient.topology = Topology::FromEdges(node_count, edges);
  for (const auto& instances : demand.instances) {
    std::vector<NodeId> nodes;
    for (NodeId instance : instances) nodes.push_back(quotient.node_of[instance]);
    std::sort(nodes.begin(), nodes.end());
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
    quotient.instances.push_back(std::move(nodes));
  }
  return quotient;
}

struct Shared {
  const Network& network;
  NetworkTopology net;
  ServiceDemand demand;
  std::vector<bool> untrusted;
  BitVector trusted_nodes;
  std::vector<ShortestPathForest> forests;  // per function, from all its instances
  std::optional<FunctionReach> full;
  std::optional<FunctionReach> trusted;
  SiteQuotient quotient;
  std::optional<FunctionReach> sites;
  BitVector up;
  BitVector up_without_untrusted;
  std::vector<VendorIndex> vendors;
  std::vector<BitVector> up_without_vendor;
  std::uint32_t max_paths = 1;

  explicit Shared(const Network& network_in) : network(network_in) {}
  [[nodiscard]] Mask TrustedMask() const { return {.nodes = &trusted_nodes, .edges = nullptr}; }
};

struct Scratch {
  explicit Scratch(const Shared& shared)
      : solver(shared.net.topology),
        walked_full(shared.full->tree().TreeNodeCount(), 0),
        walked_trusted(shared.trusted->tree().TreeNodeCount(), 0) {}
  DisjointPathSolver solver;
  std::vector<std::uint32_t> walked_full;
  std::vector<std::uint32_t> walked_trusted;
  std::uint32_t stamp = 0;
  std::vector<NodeId> sources;
  std::vector<NodeId> separators;
};

std::vector<NodeId> Intersect(const std::vector<NodeId>& a, const std::vector<NodeId>& b) {
  std::vector<NodeId> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

void SortUnique(std::vector<NodeId>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

// Disjoint paths from the attachments to the instances of `function` within
// `mask`, at most `cap`. A separator common to every attachment's walk means
// exactly one; otherwise a max-flow kept inside the blocks that can carry a
// simple path.
std::uint32_t CountDisjoint(const Shared& shared, const FunctionReach& reach, const Mask& mask,
                            std::span<const ElementIndex> attach, std::uint32_t function,
                            std::vector<std::uint32_t>& walked, Scratch& scratch) {
  scratch.sources.clear();
  for (ElementIndex attachment : attach) {
    if (!mask.NodeOn(attachment) || !reach.Reaches(attachment, function)) continue;
    if (reach.IsInstance(attachment, function)) return shared.max_paths;
    scratch.sources.push_back(attachment);
  }
  if (scratch.sources.empty()) return 0;
  if (++scratch.stamp == 0) {
    std::fill(scratch.walked_full.begin(), scratch.walked_full.end(), 0);
    std::fill(scratch.walked_trusted.begin(), scratch.walked_trusted.end(), 0);
    scratch.stamp = 1;
  }
  const std::uint32_t stamp = scratch.stamp;
  std::vector<NodeId> common;
  bool first = true;
  const BlockCutTree& tree = reach.tree();
  for (NodeId source : scratch.sources) {
    std::vector<NodeId> internal;
    reach.Walk(source, function, [&](std::uint32_t tree_idx) {
      walked[tree_idx] = stamp;
      if (!tree.IsCutTreeNode(tree_idx)) return;
      const NodeId cut = tree.CutVertex(tree_idx);
      if (cut != source && !reach.IsInstance(cut, function)) internal.push_back(cut);
    });
    SortUnique(internal);
    common = first ? std::move(internal) : Intersect(common, internal);
    first = false;
  }
  if (!common.empty()) return 1;
  DisjointPathOptions options;
  options.max_paths = shared.max_paths;
  options.edge_filter = [&](EdgeId edge) { return reach.AllowsEdge(edge, function, walked, stamp); };
  return scratch.solver.Solve(scratch.sources, shared.demand.instances[function], mask, options).count;
}

// Nodes of `reach`'s graph whose loss alone leaves no attachment in `alive`
// reaching every needed function (node_of maps elements to that graph).
std::vector<NodeId> SinglePoints(const FunctionReach& reach, std::span<const ElementIndex> alive,
                                 std::span<const std::uint32_t> needs,
                                 std::span<const NodeId> node_of, Scratch& scratch) {
  std::vector<NodeId> common;
  bool first = true;
  for (ElementIndex attachment : alive) {
    const NodeId node = node_of.empty() ? attachment : node_of[attachment];
    scratch.separators.assign(1, node);
    for (std::uint32_t function : needs) reach.Separators(node, function, scratch.separators);
    SortUnique(scratch.separators);
    common = first ? scratch.separators : Intersect(common, scratch.separators);
    first = false;
    if (common.empty()) break;
  }
  return common;
}

ServiceExposure AnalyzeService(const Shared& shared, ServiceIndex service_idx, Scratch& scratch) {
  const Network& network = shared.network;
  const Service& service = network.services[service_idx];
  const auto needs = shared.demand.Needs(service_idx);
  ServiceExposure out;
  out.service = service_idx;
  out.up = shared.up.Test(service_idx);

  // Espionage: primary routes and what is on them.
  std::vector<ElementIndex> on_routes;
  std::vector<std::pair<ElementIndex, ElementIndex>> managed;  // (manager, route element)
  for (ElementIndex attachment : service.attach) {
    for (std::uint32_t function : needs) {
      const ShortestPathForest& forest = shared.forests[function];
      if (forest.distance[attachment] == kInfiniteDistance) continue;
      Route route;
      route.attachment = attachment;
      route.function = shared.demand.functions[function];
      route.path = PathToSource(forest, attachment);
      route.instance = route.path.back();
      route.latency_ms = forest.distance[attachment];
      for (ElementIndex element : route.path) {
        if (shared.untrusted[element]) on_routes.push_back(element);
        for (ElementIndex manager : network.ManagedBy(element)) {
          if (shared.untrusted[manager]) managed.emplace_back(manager, element);
        }
      }
      out.routes.push_back(std::move(route));
    }
  }
  SortUnique(on_routes);
  out.untrusted_on_routes = std::move(on_routes);
  std::sort(managed.begin(), managed.end());
  managed.erase(std::unique(managed.begin(), managed.end()), managed.end());
  for (const auto& [manager, element] : managed) {
    if (out.untrusted_managers.empty() || out.untrusted_managers.back().manager != manager) {
      out.untrusted_managers.push_back({manager, {}});
    }
    out.untrusted_managers.back().manages.push_back(element);
  }

  // Sabotage.
  out.survives_untrusted_loss = out.up && shared.up_without_untrusted.Test(service_idx);
  for (std::size_t position = 0; position < shared.vendors.size(); ++position) {
    if (out.up && !shared.up_without_vendor[position].Test(service_idx)) {
      out.lost_with_vendors.push_back(shared.vendors[position]);
    }
  }

  // Path diversity.
  const Mask all;
  const Mask trusted = shared.TrustedMask();
  for (std::uint32_t function : needs) {
    FunctionPaths paths;
    paths.function = shared.demand.functions[function];
    paths.disjoint = CountDisjoint(shared, *shared.full, all, service.attach, function,
                                   scratch.walked_full, scratch);
    paths.trusted_disjoint = CountDisjoint(shared, *shared.trusted, trusted, service.attach,
                                           function, scratch.walked_trusted, scratch);
    out.paths.push_back(paths);
  }

  // Single points of failure, over the attachments that work now.
  if (out.up) {
    std::vector<ElementIndex> alive;
    for (ElementIndex attachment : service.attach) {
      const bool reaches_all = std::all_of(needs.begin(), needs.end(), [&](std::uint32_t function) {
        return shared.full->Reaches(attachment, function);
      });
      if (reaches_all) alive.push_back(attachment);
    }
    out.single_points = SinglePoints(*shared.full, alive, needs, {}, scratch);
    const auto site_count = static_cast<NodeId>(network.sites.size());
    for (ElementIndex element : out.single_points) {
      if (network.elements[element].site != kNone) {
        out.single_point_sites.push_back(network.elements[element].site);
      }
    }
    for (NodeId node : SinglePoints(*shared.sites, alive, needs, shared.quotient.node_of, scratch)) {
      if (node < site_count) out.single_point_sites.push_back(node);
    }
    SortUnique(out.single_point_sites);
  }
  return out;
}

}  // namespace

ExposureResult AnalyzeExposure(const Network& network, const ExposureOptions& options) {
  const auto setup_start = Clock::now();
  ExposureResult result;
  const unsigned threads =
      options.threads != 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  Shared shared(network);
  shared.net = BuildNetworkTopology(network);
  const Topology& topology = shared.net.topology;
  shared.demand = BuildServiceDemand(network);
  shared.untrusted = options.untrusted;
  shared.untrusted.resize(network.elements.size(), false);
  shared.trusted_nodes = BitVector(network.elements.size(), true);
  for (ElementIndex element = 0; element < network.elements.size(); ++element) {
    if (shared.untrusted[element]) shared.trusted_nodes.Reset(element);
  }

  std::vector<ServiceIndex> selected = options.services;
  if (selected.empty()) {
    for (ServiceIndex service = 0; service < network.services.size(); ++service) selected.push_back(service);
  }
  std::sort(selected.begin(), selected.end());
  selected.erase(std::unique(selected.begin(), selected.end()), selected.end());
  shared.max_paths = std::max(1U, options.max_paths);
  for (ServiceIndex service : selected) {
    const ServiceRequirements& requirement = network.services[service].requirements;
    shared.max_paths = std::max({shared.max_paths, requirement.disjoint_paths, requirement.trusted_disjoint_paths});
  }

  // Shared structures: one routing forest per function, block-cut trees of
  // the whole network, of its trusted part and of its sites.
  const std::size_t function_count = shared.demand.functions.size();
  shared.forests.resize(function_count);
  ParallelFor(function_count + 3, threads, 1, [&](std::size_t task, unsigned) {
    if (task < function_count) {
      shared.forests[task] = Dijkstra(topology, shared.net.latency_ms, shared.demand.instances[task]);
    } else if (task == function_count) {
      shared.full.emplace(topology, Mask{}, shared.demand.instances);
    } else if (task == function_count + 1) {
      shared.trusted.emplace(topology, shared.TrustedMask(), shared.demand.instances);
    } else {
      shared.quotient = BuildSiteQuotient(network, shared.demand);
      shared.sites.emplace(shared.quotient.topology, Mask{}, shared.quotient.instances);
    }
  });
  result.stats.setup_seconds = SecondsSince(setup_start);

  // Sabotage scenarios: as is, without untrusted elements, without each vendor.
  const auto scenario_start = Clock::now();
  std::vector<bool> vendor_used(network.vendors.size(), false);
  for (const Element& element : network.elements) {
    if (element.vendor != kNone) vendor_used[element.vendor] = true;
  }
  for (VendorIndex vendor = 0; vendor < network.vendors.size(); ++vendor) {
    if (vendor_used[vendor]) shared.vendors.push_back(vendor);
  }
  shared.up_without_vendor.resize(shared.vendors.size());
  ParallelFor(shared.vendors.size() + 2, threads, 1, [&](std::size_t task, unsigned) {
    if (task == 0) {
      shared.up = ServicesUp(network, topology, shared.demand);
    } else if (task == 1) {
      shared.up_without_untrusted = ServicesUp(network, topology, shared.demand, shared.TrustedMask());
    } else {
      const VendorIndex vendor = shared.vendors[task - 2];
      BitVector on(network.elements.size(), true);
      for (ElementIndex element = 0; element < network.elements.size(); ++element) {
        if (network.elements[element].vendor == vendor) on.Reset(element);
      }
      shared.up_without_vendor[task - 2] =
          ServicesUp(network, topology, shared.demand, {.nodes = &on, .edges = nullptr});
    }
  });
  result.stats.scenario_seconds = SecondsSince(scenario_start);

  // Per service, in parallel; each result lands at its own index.
  const auto service_start = Clock::now();
  std::vector<std::optional<Scratch>> scratch(threads);
  result.services.resize(selected.size());
  ParallelFor(selected.size(), threads, 64, [&](std::size_t position, unsigned worker) {
    if (!scratch[worker]) scratch[worker].emplace(shared);
    result.services[position] = AnalyzeService(shared, selected[position], *scratch[worker]);
  });
  result.stats.service_seconds = SecondsSince(service_start);

  result.stats.topology_bytes = shared.net.MemoryBytes();
  std::size_t bytes = shared.full->MemoryBytes() + shared.trusted->MemoryBytes() +
                      shared.sites->MemoryBytes() + shared.quotient.topology.MemoryBytes();
  for (const ShortestPathForest& forest : shared.forests) {
    bytes += forest.distance.capacity() * sizeof(double) + forest.parent.capacity() * sizeof(NodeId);
  }
  bytes += (shared.vendors.size() + 2) * ((network.services.size() + 7) / 8);
  result.stats.structure_bytes = bytes;
  result.vendors = std::move(shared.vendors);
  result.untrusted = std::move(shared.untrusted);
  result.max_paths = shared.max_paths;
  return result;
}

std::uint32_t MinDisjointPaths(const ServiceExposure& service, PathScope scope) {
  std::uint32_t fewest = UINT32_MAX;
  for (const FunctionPaths& paths : service.paths) {
    fewest = std::min(fewest, scope == PathScope::kAll ? paths.disjoint : paths.trusted_disjoint);
  }
  return fewest;
}

std::vector<const Route*> UntrustedRoutes(const ServiceExposure& service,
                                          const std::vector<bool>& untrusted) {
  std::vector<const Route*> routes;
  for (const Route& route : service.routes) {
    if (std::any_of(route.path.begin(), route.path.end(),
                    [&](ElementIndex element) { return untrusted[element]; })) {
      routes.push_back(&route);
    }
  }
  return routes;
}

}  // namespace redoubt
