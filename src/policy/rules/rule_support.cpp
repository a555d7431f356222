#include "policy/rules/rule_support.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "policy/matcher.hpp"
#include "policy/standard.hpp"

namespace redoubt::policy::rules {

std::optional<Selector> ReadSelector(MapReader& reader, std::string_view key, Need need,
                                     SelectorSubject subject, const RuleParseContext& context) {
  const Node* node = reader.Get(key, need);
  if (node == nullptr) {
    if (need == Need::kRequired) return std::nullopt;
    Selector everything;
    everything.subject = subject;
    everything.location = reader.LocationOf(reader.node());
    return everything;
  }
  return ParseSelector(*node, subject, subject == SelectorSubject::kElement,
                       fmt::format("'{}' of {} rule '{}'", key, reader.what(), context.rule_id),
                       context.source, context.diagnostics);
}

std::vector<std::string> MatchEvidence(const RuleContext& context, const Selector& selector,
                                       ElementIndex element) {
  std::vector<std::string> evidence;
  const Network& network = context.network;
  for (const Clause& clause : selector.clauses) {
    if (clause.attribute == Attribute::kUntrusted) {
      const std::string vendor(network.Str(network.vendors[network.elements[element].vendor].id));
      if (!clause.flag) {
        evidence.push_back(fmt::format("trusted: vendor {}", vendor));
        continue;
      }
      std::vector<std::string> reasons;
      if (context.untrusted_definition != nullptr) {
        for (const Clause& defining : context.untrusted_definition->clauses) {
          if (defining.attribute == Attribute::kVendor) continue;  // already named
          reasons.push_back(fmt::format("{} {}",
                                        AttributeName(SelectorSubject::kElement, defining.attribute),
                                        ElementValue(network, element, defining.attribute)));
        }
      }
      evidence.push_back(reasons.empty()
                             ? fmt::format("untrusted: vendor {}", vendor)
                             : fmt::format("untrusted: vendor {} ({})", vendor,
                                           fmt::join(reasons, ", ")));
      continue;
    }
    evidence.push_back(fmt::format("{} {}", AttributeName(SelectorSubject::kElement, clause.attribute),
                                   ElementValue(network, element, clause.attribute)));
  }
  return evidence;
}

std::string ScopeWords(const Selector& scope) {
  if (scope.Empty()) return "the network";
  return fmt::format("the elements where {}", Describe(scope));
}

std::vector<Contributor> Tally::Top(std::string_view kind, double total, std::size_t limit,
                                    const std::function<std::string(std::uint32_t)>& name_of) const {
  std::vector<std::pair<std::string, double>> sorted;
  sorted.reserve(sums_.size());
  for (const auto& [key, amount] : sums_) sorted.emplace_back(name_of(key), amount);
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::vector<Contributor> top;
  for (const auto& [name, amount] : sorted) {
    if (top.size() == limit) break;
    top.push_back({std::string(kind), name, amount, total > 0 ? amount / total : 0.0});
  }
  return top;
}

std::vector<Contributor> Tally::TopVendors(const Network& network, double total,
                                           std::size_t limit) const {
  return Top("vendor", total, limit, [&](std::uint32_t vendor) {
    return std::string(network.Str(network.vendors[vendor].id));
  });
}

std::vector<Contributor> Tally::TopRegions(const Network& network, double total,
                                           std::size_t limit) const {
  return Top("region", total, limit, [&](std::uint32_t region) {
    return region == kNoString ? std::string("(no region)") : std::string(network.Str(region));
  });
}

StringId RegionKey(const Network& network, ElementIndex element) {
  const SiteIndex site = network.elements[element].site;
  return site == kNone ? kNoString : network.sites[site].region;
}

std::string Percent(double share) { return fmt::format("{:.1f}%", 100.0 * share); }

}  // namespace redoubt::policy::rules
