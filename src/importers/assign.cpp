#include "importers/assign.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <re2/re2.h>

#include "core/error.hpp"
#include "core/fnv.hpp"
#include "core/source.hpp"
#include "gen/geo.hpp"
#include "gen/random.hpp"
#include "importers/importer.hpp"
#include "io/document.hpp"
#include "io/node_reader.hpp"

namespace redoubt::importers {

namespace {

// RE2's budget for one compiled name pattern; beyond it the pattern is refused.
constexpr std::int64_t kPatternMemory = 8 << 20;

constexpr std::array<std::string_view, 3> kTopKeys = {"format", "seed", "rules"};
constexpr std::array<std::string_view, 5> kRuleKeys = {"match", "vendor", "kind", "domain", "shares"};
constexpr std::array<std::string_view, 5> kMatchKeys = {"id", "kind", "region", "name", "vendor"};

struct Rule {
  std::vector<std::string> ids, kinds, regions, vendors_match;
  // RE2, not std::regex: matching is linear in the name and nothing recurses, so
  // neither a long name nor a deeply nested pattern can exhaust the stack.
  std::unique_ptr<RE2> name;
  std::optional<VendorIndex> vendor;
  std::optional<KindId> kind;
  std::vector<std::pair<VendorIndex, double>> shares;
};


// Compiles a name pattern, or reports why it cannot be used and returns null.
std::unique_ptr<RE2> CompilePattern(const std::string& pattern, const Node& at,
                                    const MapReader& reader) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kPatternMemory);
  auto compiled = std::make_unique<RE2>(pattern, options);
  if (compiled->ok()) return compiled;
  const std::string what = compiled->error_code() == RE2::ErrorPatternTooLarge
                               ? std::string("the pattern is too large")
                               : compiled->error();
  const std::string hint =
      compiled->error_code() == RE2::ErrorPatternTooLarge
          ? "shorten the pattern or split it over several rules"
          : "write an RE2 pattern: no back-references (\\1) or look-around ((?=, (?!), "
            "and escape ( ) [ ] { } * + ? . | \\ ^ $ to match them literally";
  reader.Error(at, fmt::format("bad regular expression: {}", what), hint);
  return nullptr;
}

bool Contains(const std::vector<std::string>& list, std::string_view value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

std::vector<std::pair<std::string, std::size_t>> ApplyAssignment(const std::string& path,
                                                                 std::uint64_t seed,
                                                                 Network& network,
                                                                 Diagnostics& diagnostics) {
  SourceFile source;
  try {
    source = SourceFile::Read(path);
  } catch (const IoError& error) {
    diagnostics.Error(Location{path, 0, 0}, fmt::format("cannot read assignment: {}", error.what()));
    return {};
  }
  const std::size_t errors_before = diagnostics.ErrorCount();
  const auto tree = ParseTree(source, diagnostics);
  if (!tree) return {};
  MapReader top(*tree, source, diagnostics, "assignment", kTopKeys);
  if (!top.ok()) return {};
  CheckFormat(top.Get("format"), tree->offset, "redoubt/assign@1", source, diagnostics);
  if (auto value = top.Number("seed", Need::kOptional, {.min = 0, .integer = true})) {
    seed = static_cast<std::uint64_t>(*value);
  }
  std::vector<std::string_view> vendor_ids;
  for (const Vendor& vendor : network.vendors) vendor_ids.push_back(network.Str(vendor.id));
  auto find_vendor = [&](const Node& node, const std::string& id) -> std::optional<VendorIndex> {
    const auto it = std::find(vendor_ids.begin(), vendor_ids.end(), id);
    if (it != vendor_ids.end()) return static_cast<VendorIndex>(it - vendor_ids.begin());
    diagnostics.Error(source.LocationOf(node.offset), fmt::format("unknown vendor '{}'", id),
                      SuggestionHint(id, vendor_ids));
    return std::nullopt;
  };
  std::vector<Rule> rules;
  const Node* rule_list = top.Get("rules", Need::kRequired);
  if (rule_list != nullptr && !rule_list->IsSequence()) {
    top.Error(*rule_list, "'rules' must be a list", "write rules: [- match: ..., vendor: ...]");
  } else if (rule_list != nullptr) {
    for (const Node& item : rule_list->items) {
      MapReader reader(item, source, diagnostics, "rule", kRuleKeys);
      if (!reader.ok()) continue;
      Rule rule;
      if (const Node* match = reader.Get("match")) {
        MapReader m(*match, source, diagnostics, "match", kMatchKeys);
        if (m.ok()) {
          rule.ids = m.StringList("id").value_or(std::vector<std::string>{});
          rule.kinds = m.StringList("kind").value_or(std::vector<std::string>{});
          rule.regions = m.StringList("region").value_or(std::vector<std::string>{});
          rule.vendors_match = m.StringList("vendor").value_or(std::vector<std::string>{});
          if (auto pattern = m.String("name")) {
            rule.name = CompilePattern(*pattern, *m.Get("name"), m);
          }
        }
      }
      if (auto vendor = reader.String("vendor")) rule.vendor = find_vendor(*reader.Get("vendor"), *vendor);
      if (auto kind = reader.String("kind")) {
        std::optional<Domain> domain;
        if (auto index = reader.Choice("domain", DomainNames())) domain = static_cast<Domain>(*index);
        if (auto builtin = network.FindKind(*kind)) {
          rule.kind = *builtin;
        } else if (domain) {
          rule.kind = KindFor(network, *kind, *domain);
        } else {
          reader.Error(*reader.Get("kind"), fmt::format("unknown kind '{}'", *kind),
                       "give 'domain' for a custom kind, or use a built-in kind");
        }
      }
      if (const Node* shares = reader.Get("shares")) {
        if (!shares->IsMap()) {
          reader.Error(*shares, "'shares' must be a map of vendor: share");
        } else {
          double sum = 0;
          for (const Field& field : shares->fields) {
            const auto share = ReadNumber(field.value, source, diagnostics, "share",
                                          {.min = 0, .max = 1, .exclusive_min = true});
            const Node key_node{Node::Type::kString, field.key_offset, field.key, {}, {}};
            const auto vendor = find_vendor(key_node, field.key);
            if (share && vendor) {
              rule.shares.emplace_back(*vendor, *share);
              sum += *share;
            }
          }
          if (std::abs(sum - 1) > 1e-6 && !rule.shares.empty()) {
            reader.Error(*shares, fmt::format("shares sum to {:g}, not 1", sum),
                         "make the shares add up to 1");
          }
        }
        if (rule.vendor) {
          reader.Error(*shares, "a rule gives either 'vendor' or 'shares', not both");
        }
      }
      rules.push_back(std::move(rule));
    }
  }
  if (diagnostics.ErrorCount() > errors_before) return {};

  // Apply.
  const std::size_t unknown_before = static_cast<std::size_t>(std::count_if(
      network.elements.begin(), network.elements.end(),
      [&](const Element& e) { return network.Str(network.vendors[e.vendor].id) == "unknown"; }));
  std::vector<std::uint64_t> curve(network.sites.size(), UINT64_MAX);
  gen::LatLon south_west{90, 180}, north_east{-90, -180};
  for (const Site& site : network.sites) {
    if (!site.HasCoordinates()) continue;
    south_west = {std::min(south_west.lat, site.lat), std::min(south_west.lon, site.lon)};
    north_east = {std::max(north_east.lat, site.lat), std::max(north_east.lon, site.lon)};
  }
  for (SiteIndex site = 0; site < network.sites.size(); ++site) {
    if (network.sites[site].HasCoordinates()) {
      curve[site] = gen::HilbertIndex({network.sites[site].lat, network.sites[site].lon},
                                      south_west, north_east);
    }
  }
  std::size_t changed = 0;
  for (const Rule& rule : rules) {
    std::vector<ElementIndex> matched;
    for (ElementIndex e = 0; e < network.elements.size(); ++e) {
      const Element& element = network.elements[e];
      const Site* site = element.site == kNone ? nullptr : &network.sites[element.site];
      if (!Contains(rule.ids, network.Str(element.id))) continue;
      if (!Contains(rule.kinds, network.kinds[element.kind].name)) continue;
      if (!Contains(rule.vendors_match, network.Str(network.vendors[element.vendor].id))) continue;
      if (!rule.regions.empty() &&
          (site == nullptr || !Contains(rule.regions, network.Str(site->region)))) {
        continue;
      }
      if (rule.name) {
        const std::string_view name =
            site == nullptr ? std::string_view() : network.Str(site->name);
        if (!RE2::PartialMatch(name, *rule.name)) continue;
      }
      matched.push_back(e);
    }
    for (ElementIndex e : matched) {
      Element& element = network.elements[e];
      if (rule.kind) {
        element.kind = *rule.kind;
        element.domain = network.kinds[*rule.kind].domain;
      }
      if (rule.vendor) element.vendor = *rule.vendor;
    }
    changed += matched.size();
    if (rule.shares.empty()) continue;
    // Shares per region, contiguous along the curve.
    auto region_of = [&](ElementIndex e) {
      const SiteIndex site = network.elements[e].site;
      return site == kNone ? kNoString : network.sites[site].region;
    };
    auto curve_of = [&](ElementIndex e) {
      const SiteIndex site = network.elements[e].site;
      return site == kNone ? UINT64_MAX : curve[site];
    };
    std::stable_sort(matched.begin(), matched.end(), [&](ElementIndex a, ElementIndex b) {
      return std::pair(region_of(a), curve_of(a)) < std::pair(region_of(b), curve_of(b));
    });
    for (std::size_t first = 0; first < matched.size();) {
      std::size_t end = first;
      while (end < matched.size() && region_of(matched[end]) == region_of(matched[first])) ++end;
      const StringId region = region_of(matched[first]);
      gen::Random rng(seed, region == kNoString ? 0 : Fnv1a64(network.Str(region)));
      const double start = rng.Uniform();
      const double n = static_cast<double>(end - first);
      for (std::size_t rank = first; rank < end; ++rank) {
        double position = start + (static_cast<double>(rank - first) + 0.5) / n;
        position -= std::floor(position);
        double cumulative = 0;
        VendorIndex vendor = rule.shares.back().first;
        for (const auto& [candidate, share] : rule.shares) {
          cumulative += share;
          if (position < cumulative) {
            vendor = candidate;
            break;
          }
        }
        network.elements[matched[rank]].vendor = vendor;
      }
      first = end;
    }
  }
  const std::size_t unknown_after = static_cast<std::size_t>(std::count_if(
      network.elements.begin(), network.elements.end(),
      [&](const Element& e) { return network.Str(network.vendors[e.vendor].id) == "unknown"; }));
  return {{"assignment rules", rules.size()},
          {"elements matched by a rule", changed},
          {"elements given a vendor", unknown_before - unknown_after},
          {"elements still vendor unknown", unknown_after}};
}

}  // namespace redoubt::importers
