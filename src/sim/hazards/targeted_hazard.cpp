// `targeted`: an attacker takes out the k most central elements at t=0 —
// by betweenness (the elements most shortest paths run through) or by the
// weight of services whose primary paths they carry (sim/criticality.hpp).
// The centrality is computed once per run, on the intact network; the same
// elements fall in every trial (only the repairs vary). They are repaired.
//
//   hazard: {targeted: {count: 20, by: betweenness}}
//   hazard: {targeted: {count: 5, by: weight, domains: [transport]}}
//   hazard: {targeted: {count: 20, by: betweenness, pivots: 512}}   # sampled
//
// Betweenness is exact (Brandes, O(n·m)) up to 20,000 elements and sampled
// from 512 pivots chosen by the run's seed above that, unless `pivots` says
// otherwise (0 = exact). Ties go to the lower element index.
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "graph/betweenness.hpp"
#include "sim/hazards/hazard_util.hpp"

namespace redoubt {

namespace {

constexpr std::array<std::string_view, 2> kMeasures = {"betweenness", "weight"};
constexpr std::uint32_t kExactUpTo = 20000;
constexpr std::uint32_t kDefaultPivots = 512;

class TargetedHazard final : public Hazard {
 public:
  std::uint32_t count = 0;
  std::size_t measure = 0;
  std::optional<std::uint32_t> pivots;
  hazard_util::ElementFilter filter;
  std::vector<ElementIndex> targets;  // bound

  std::unique_ptr<Hazard> Bind(const SimNetwork& net,
                               std::vector<std::string>& notes) const override {
    auto bound = std::make_unique<TargetedHazard>(*this);
    const Network& network = *net.network;
    bound->filter.Bind(network, "targeted hazard", notes);
    std::vector<double> score;
    if (measure == 0) {
      BetweennessOptions options;
      options.pivots = pivots.value_or(network.elements.size() > kExactUpTo ? kDefaultPivots : 0);
      options.seed = Mix64(net.seed ^ 0x7461726765746564ULL);
      score = Betweenness(*net.topology, options);
      if (options.pivots != 0 && options.pivots < network.elements.size()) {
        notes.push_back(
            fmt::format("targeted hazard: betweenness estimated from {} pivots", options.pivots));
      }
    } else {
      score = net.criticality.element_weight;
    }
    std::vector<ElementIndex> candidates;
    for (ElementIndex element = 0; element < network.elements.size(); ++element) {
      if (bound->filter.Matches(network, element)) candidates.push_back(element);
    }
    const std::size_t take = std::min<std::size_t>(count, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(take),
                      candidates.end(), [&](ElementIndex a, ElementIndex b) {
                        if (score[a] != score[b]) return score[a] > score[b];
                        return a < b;
                      });
    candidates.resize(take);
    std::sort(candidates.begin(), candidates.end());
    bound->targets = std::move(candidates);
    if (take < count) {
      notes.push_back(fmt::format("targeted hazard: only {} element{} match{}", take,
                                  take == 1 ? "" : "s", filter.Describe()));
    }
    return bound;
  }

  void Sample(const SimNetwork&, Rng&, double start_hours,
              std::vector<Outage>& out) const override {
    for (ElementIndex element : targets)
      out.push_back({.target = element, .down_hours = start_hours});
  }
};

}  // namespace

std::unique_ptr<Hazard> ReadTargetedHazard(const Node& body, const HazardReadContext& context) {
  const std::size_t errors_before = context.diagnostics.ErrorCount();
  MapReader reader(body, context.source, context.diagnostics, "targeted hazard",
                   {"count", "by", "pivots", "domains", "kinds"});
  if (!reader.ok()) return nullptr;
  auto hazard = std::make_unique<TargetedHazard>();
  hazard->count = static_cast<std::uint32_t>(
      reader.Number("count", Need::kRequired, {.min = 1, .max = 1e9, .integer = true}).value_or(1));
  hazard->measure = reader.Choice("by", kMeasures).value_or(0);
  if (auto pivots =
          reader.Number("pivots", Need::kOptional, {.min = 0, .max = 1e9, .integer = true})) {
    hazard->pivots = static_cast<std::uint32_t>(*pivots);
  }
  hazard->filter = hazard_util::ReadElementFilter(reader, context);
  if (context.diagnostics.ErrorCount() != errors_before) return nullptr;
  return hazard;
}

}  // namespace redoubt
