// cap: the share of a scope that matches stays at or under a bound.
//
//   cap: {scope: {domain: ran}, match: {untrusted: true}, max_share: 0.35, count: sites}
//
// Counted by
//   elements  matching elements / elements of the scope
//   sites     sites with a matching element of the scope / sites with any
//             element of the scope (elements without a site are reported as
//             unassessed)
//   weight    the weight of the services attached through the scope, each
//             service's weight split evenly over its attachments in the scope:
//             the part carried by matching attachments / the whole
// A breach is one finding naming every matching element (and site or
// service), the measured share against the bound, and the top vendors and
// regions contributing to it. O(elements + services + attachments).
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "io/node_reader.hpp"
#include "policy/matcher.hpp"
#include "policy/rules/rule_kinds.hpp"
#include "policy/rules/rule_support.hpp"

namespace redoubt::policy {

namespace {

constexpr std::array<std::string_view, 3> kCounts = {"elements", "sites", "weight"};
constexpr std::size_t kTopContributors = 5;

enum class Count : std::uint8_t { kElements, kSites, kWeight };

class CapRule : public RuleBody {
 public:
  CapRule(Selector scope, Selector match, double max_share, Count count)
      : scope_(std::move(scope)), match_(std::move(match)), max_share_(max_share), count_(count) {}

  [[nodiscard]] std::string_view Kind() const override { return "cap"; }

  [[nodiscard]] std::optional<std::string> Unreachable(const Selector* untrusted) const override {
    if (max_share_ >= 1.0) return "a share can never exceed a max_share of 1";
    std::vector<Clause> both = Expand(scope_, untrusted);
    for (Clause& clause : Expand(match_, untrusted)) both.push_back(std::move(clause));
    if (auto reason = Unsatisfiable(both, SelectorSubject::kElement)) {
      return "no element can be both in its scope and a match: " + *reason;
    }
    return std::nullopt;
  }

  [[nodiscard]] std::vector<const Selector*> Selectors() const override {
    return {&scope_, &match_};
  }

  void Evaluate(const RuleContext& context, RuleOutput& output) const override {
    const Network& network = context.network;
    const ElementMatcher scope(scope_, network, context.untrusted);
    const ElementMatcher match(match_, network, context.untrusted);
    // 0: outside the scope, 1: in the scope, 2: in the scope and matching.
    std::vector<std::uint8_t> state(network.elements.size(), 0);
    std::vector<ElementIndex> matched;
    for (ElementIndex element = 0; element < network.elements.size(); ++element) {
      if (!context.InService(element) || !scope.Matches(element)) continue;
      state[element] = match.Matches(element) ? 2 : 1;
      if (state[element] == 2) matched.push_back(element);
    }
    switch (count_) {
      case Count::kElements:
        ByElements(context, state, matched, output);
        break;
      case Count::kSites:
        BySites(context, state, matched, output);
        break;
      case Count::kWeight:
        ByWeight(context, state, output);
        break;
    }
  }

  [[nodiscard]] std::string Describe() const override {
    const std::string scope = rules::ScopeWords(scope_);
    const std::string match = policy::Describe(match_);
    switch (count_) {
      case Count::kElements:
        return fmt::format("Among {}, at most {} of the elements may match: {}.", scope,
                           rules::Percent(max_share_), match);
      case Count::kSites:
        return fmt::format("Among {}, at most {} of their sites may hold an element where {}.",
                           scope, rules::Percent(max_share_), match);
      case Count::kWeight:
        break;
    }
    return fmt::format(
        "Among {}, at most {} of the weight of the services attached through them may be "
        "carried by elements where {}.",
        scope, rules::Percent(max_share_), match);
  }

  [[nodiscard]] std::string DefaultRemedy() const override {
    return fmt::format("replace matching equipment until its share is at or under {}, starting "
                       "with the largest contributors",
                       rules::Percent(max_share_));
  }

 private:
  void Report(const RuleContext& context, double hit, double total, std::string_view quantity,
              rules::Tally& vendors, rules::Tally& regions, Finding finding,
              RuleOutput& output) const {
    if (total <= 0) return;
    const double share = hit / total;
    if (share <= max_share_) return;
    finding.measure = Measure{std::string(quantity), share, max_share_, "<=", "share", hit, total};
    finding.contributors = vendors.TopVendors(context.network, total, kTopContributors);
    for (Contributor& region : regions.TopRegions(context.network, total, kTopContributors)) {
      finding.contributors.push_back(std::move(region));
    }
    finding.message = fmt::format("{} of {} ({:g} of {:g}), above the cap of {}",
                                  rules::Percent(share), quantity, hit, total,
                                  rules::Percent(max_share_));
    output.findings.push_back(std::move(finding));
  }

  void ByElements(const RuleContext& context, const std::vector<std::uint8_t>& state,
                  const std::vector<ElementIndex>& matched, RuleOutput& output) const {
    const Network& network = context.network;
    double total = 0;
    for (std::uint8_t value : state) total += value != 0 ? 1 : 0;
    rules::Tally vendors;
    rules::Tally regions;
    Finding finding = context.NewFinding(Kind());
    for (ElementIndex element : matched) {
      vendors.Add(network.elements[element].vendor, 1);
      regions.Add(rules::RegionKey(network, element), 1);
      finding.elements.push_back(context.ElementId(element));
    }
    Report(context, static_cast<double>(matched.size()), total,
           "the elements in scope that match", vendors, regions, std::move(finding), output);
  }

  void BySites(const RuleContext& context, const std::vector<std::uint8_t>& state,
               const std::vector<ElementIndex>& matched, RuleOutput& output) const {
    const Network& network = context.network;
    std::vector<std::uint8_t> site_state(network.sites.size(), 0);
    std::vector<ElementIndex> without_site;
    for (ElementIndex element = 0; element < network.elements.size(); ++element) {
      if (state[element] == 0) continue;
      const SiteIndex site = network.elements[element].site;
      if (site == kNone) {
        without_site.push_back(element);
        continue;
      }
      site_state[site] = std::max(site_state[site], state[element]);
    }
    double total = 0;
    double hit = 0;
    for (std::uint8_t value : site_state) {
      total += value != 0 ? 1 : 0;
      hit += value == 2 ? 1 : 0;
    }
    // A site counts once for each vendor with a matching element there.
    std::vector<std::uint64_t> vendor_sites;
    rules::Tally regions;
    Finding finding = context.NewFinding(Kind());
    for (ElementIndex element : matched) {
      const Element& record = network.elements[element];
      if (record.site == kNone) continue;
      vendor_sites.push_back((static_cast<std::uint64_t>(record.vendor) << 32) | record.site);
      finding.elements.push_back(context.ElementId(element));
    }
    std::sort(vendor_sites.begin(), vendor_sites.end());
    vendor_sites.erase(std::unique(vendor_sites.begin(), vendor_sites.end()), vendor_sites.end());
    rules::Tally vendors;
    for (std::uint64_t key : vendor_sites) vendors.Add(static_cast<std::uint32_t>(key >> 32), 1);
    for (SiteIndex site = 0; site < network.sites.size(); ++site) {
      if (site_state[site] != 2) continue;
      finding.sites.emplace_back(network.Str(network.sites[site].id));
      regions.Add(network.sites[site].region, 1);
    }
    if (!without_site.empty()) {
      Unassessed unassessed{context.rule.id, network.info.id,
                            "elements in scope have no site, so they count for no site", {}, {}};
      for (ElementIndex element : without_site) {
        unassessed.elements.push_back(context.ElementId(element));
      }
      output.unassessed.push_back(std::move(unassessed));
    }
    Report(context, hit, total, "the sites in scope with a matching element", vendors, regions,
           std::move(finding), output);
  }

  void ByWeight(const RuleContext& context, const std::vector<std::uint8_t>& state,
                RuleOutput& output) const {
    const Network& network = context.network;
    double total = 0;
    double hit = 0;
    rules::Tally vendors;
    rules::Tally regions;
    Finding finding = context.NewFinding(Kind());
    std::vector<std::uint8_t> listed(network.elements.size(), 0);
    for (ServiceIndex index = 0; index < network.services.size(); ++index) {
      const Service& service = network.services[index];
      std::size_t in_scope = 0;
      for (ElementIndex element : service.attach) in_scope += state[element] != 0 ? 1 : 0;
      if (in_scope == 0) continue;
      total += service.weight;
      const double each = service.weight / static_cast<double>(in_scope);
      bool carried = false;
      for (ElementIndex element : service.attach) {
        if (state[element] != 2) continue;
        hit += each;
        carried = true;
        vendors.Add(network.elements[element].vendor, each);
        regions.Add(rules::RegionKey(network, element), each);
        if (listed[element] == 0) {
          listed[element] = 1;
          finding.elements.push_back(context.ElementId(element));
        }
      }
      if (carried) finding.services.emplace_back(network.Str(service.id));
    }
    Report(context, hit, total, "the service weight in scope carried by matching elements",
           vendors, regions, std::move(finding), output);
  }

  Selector scope_;
  Selector match_;
  double max_share_;
  Count count_;
};

}  // namespace

std::unique_ptr<RuleBody> ParseCapRule(const Node& node, RuleParseContext& context) {
  const std::size_t errors_before = context.diagnostics.ErrorCount();
  MapReader reader(node, context.source, context.diagnostics, "cap",
                   {"scope", "match", "max_share", "count"});
  if (!reader.ok()) return nullptr;
  auto scope = rules::ReadSelector(reader, "scope", Need::kOptional, SelectorSubject::kElement,
                                   context);
  auto match = rules::ReadSelector(reader, "match", Need::kRequired, SelectorSubject::kElement,
                                   context);
  auto max_share = reader.Number("max_share", Need::kRequired, {.min = 0, .max = 1});
  auto count = reader.Choice("count", kCounts);
  if (context.diagnostics.ErrorCount() != errors_before || !scope || !match || !max_share) {
    return nullptr;
  }
  return std::make_unique<CapRule>(std::move(*scope), std::move(*match), *max_share,
                                   static_cast<Count>(count.value_or(0)));
}

}  // namespace redoubt::policy
