// diversity: a scope uses enough vendors, and none holds too large a share.
//
//   diversity: {scope: {domain: ran}, min_vendors: 2, max_share: 0.7, count: sites}
//
// Vendors are counted over the elements in service of the scope (`count:
// elements`, the default) or over its sites (a vendor's share is the share of
// the scope's sites where it has an element, so shares may add up to more
// than 100%). The placeholder vendor `unknown` is not a vendor: its equipment
// counts in the total but never towards min_vendors. A shortfall of vendors is
// one finding listing the vendors and their shares; each vendor above
// max_share is one finding naming its elements. O(elements + vendors).
#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "io/node_reader.hpp"
#include "policy/matcher.hpp"
#include "policy/rules/rule_kinds.hpp"
#include "policy/rules/rule_support.hpp"

namespace redoubt::policy {

namespace {

constexpr std::array<std::string_view, 2> kCounts = {"elements", "sites"};

class DiversityRule : public RuleBody {
 public:
  DiversityRule(Selector scope, std::optional<std::uint32_t> min_vendors,
                std::optional<double> max_share, bool by_sites)
      : scope_(std::move(scope)), min_vendors_(min_vendors), max_share_(max_share),
        by_sites_(by_sites) {}

  [[nodiscard]] std::string_view Kind() const override { return "diversity"; }

  [[nodiscard]] std::optional<std::string> Unreachable(const Selector* untrusted) const override {
    if (auto reason = Unsatisfiable(Expand(scope_, untrusted), scope_.subject)) {
      return "its scope can never match: " + *reason;
    }
    if ((!min_vendors_ || *min_vendors_ <= 1) && (!max_share_ || *max_share_ >= 1.0)) {
      return "min_vendors of at most 1 and max_share of 1 can never be breached";
    }
    return std::nullopt;
  }

  [[nodiscard]] std::vector<const Selector*> Selectors() const override { return {&scope_}; }

  void Evaluate(const RuleContext& context, RuleOutput& output) const override {
    const Network& network = context.network;
    const ElementMatcher scope(scope_, network, context.untrusted);
    const std::size_t vendor_count = network.vendors.size();
    std::vector<double> amount(vendor_count, 0);
    std::vector<std::uint64_t> vendor_sites;
    std::vector<std::uint8_t> site_seen(network.sites.size(), 0);
    std::vector<ElementIndex> in_scope;
    double total = 0;
    for (ElementIndex element = 0; element < network.elements.size(); ++element) {
      if (!context.InService(element) || !scope.Matches(element)) continue;
      in_scope.push_back(element);
      const Element& record = network.elements[element];
      if (!by_sites_) {
        amount[record.vendor] += 1;
        total += 1;
      } else if (record.site != kNone) {
        vendor_sites.push_back((static_cast<std::uint64_t>(record.vendor) << 32) | record.site);
        if (site_seen[record.site] == 0) {
          site_seen[record.site] = 1;
          total += 1;
        }
      }
    }
    if (by_sites_) {
      std::sort(vendor_sites.begin(), vendor_sites.end());
      vendor_sites.erase(std::unique(vendor_sites.begin(), vendor_sites.end()), vendor_sites.end());
      for (std::uint64_t key : vendor_sites) amount[key >> 32] += 1;
    }
    if (total <= 0) return;
    rules::Tally tally;
    std::vector<std::string> used;
    for (VendorIndex vendor = 0; vendor < vendor_count; ++vendor) {
      if (amount[vendor] <= 0) continue;
      tally.Add(vendor, amount[vendor]);
      const std::string_view id = network.Str(network.vendors[vendor].id);
      if (id != "unknown") used.emplace_back(id);
    }
    std::sort(used.begin(), used.end());
    const std::vector<Contributor> table = tally.TopVendors(network, total, vendor_count);
    const std::string_view unit = by_sites_ ? "sites" : "elements";
    if (min_vendors_ && used.size() < *min_vendors_) {
      Finding finding = context.NewFinding(Kind());
      finding.vendors = used;
      finding.contributors = table;
      finding.measure = Measure{"vendors in scope", static_cast<double>(used.size()),
                                static_cast<double>(*min_vendors_), ">=", "vendors"};
      finding.message = fmt::format(
          "{} vendor{} ({}) among {}; at least {} required", used.size(),
          used.size() == 1 ? "" : "s",
          used.empty() ? std::string("none known") : fmt::format("{}", fmt::join(used, ", ")),
          rules::ScopeWords(scope_), *min_vendors_);
      output.findings.push_back(std::move(finding));
    }
    if (!max_share_) return;
    for (const Contributor& entry : table) {
      if (entry.share <= *max_share_ || entry.id == "unknown") continue;
      const VendorIndex vendor = network.FindVendor(entry.id);
      Finding finding = context.NewFinding(Kind());
      finding.subject = entry.id;
      finding.vendors.push_back(entry.id);
      for (ElementIndex element : in_scope) {
        if (network.elements[element].vendor == vendor) {
          finding.elements.push_back(context.ElementId(element));
        }
      }
      finding.contributors = table;
      finding.measure = Measure{fmt::format("share of the scope's {} held by {}", unit, entry.id),
                                entry.share, *max_share_, "<=", "share", entry.amount, total};
      finding.message = fmt::format("vendor {} holds {} of the {} in scope ({:g} of {:g}), above "
                                    "the limit of {}",
                                    entry.id, rules::Percent(entry.share), unit, entry.amount,
                                    total, rules::Percent(*max_share_));
      output.findings.push_back(std::move(finding));
    }
  }

  [[nodiscard]] std::string Describe() const override {
    std::vector<std::string> parts;
    if (min_vendors_) parts.push_back(fmt::format("use at least {} vendors", *min_vendors_));
    if (max_share_) {
      parts.push_back(fmt::format("no vendor may hold more than {} of their {}",
                                  rules::Percent(*max_share_), by_sites_ ? "sites" : "elements"));
    }
    std::string scope = rules::ScopeWords(scope_);
    scope[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(scope[0])));
    return fmt::format("{} must {}.", scope, fmt::join(parts, ", and "));
  }

  [[nodiscard]] std::string DefaultRemedy() const override {
    return "bring in a further vendor for part of the scope, starting where one vendor dominates";
  }

 private:
  Selector scope_;
  std::optional<std::uint32_t> min_vendors_;
  std::optional<double> max_share_;
  bool by_sites_;
};

}  // namespace

std::unique_ptr<RuleBody> ParseDiversityRule(const Node& node, RuleParseContext& context) {
  const std::size_t errors_before = context.diagnostics.ErrorCount();
  MapReader reader(node, context.source, context.diagnostics, "diversity",
                   {"scope", "min_vendors", "max_share", "count"});
  if (!reader.ok()) return nullptr;
  auto scope = rules::ReadSelector(reader, "scope", Need::kOptional, SelectorSubject::kElement,
                                   context);
  auto min_vendors = reader.Number("min_vendors", Need::kOptional,
                                   {.min = 1, .max = 1000, .integer = true});
  auto max_share = reader.Number("max_share", Need::kOptional,
                                 {.min = 0, .max = 1, .exclusive_min = true});
  auto count = reader.Choice("count", kCounts);
  if (reader.Get("min_vendors") == nullptr && reader.Get("max_share") == nullptr) {
    context.diagnostics.Error(context.source.LocationOf(node.offset),
                              fmt::format("'diversity' of rule '{}' sets no bound",
                                          context.rule_id),
                              "give min_vendors, max_share or both");
  }
  if (context.diagnostics.ErrorCount() != errors_before || !scope) return nullptr;
  std::optional<std::uint32_t> vendors;
  if (min_vendors) vendors = static_cast<std::uint32_t>(*min_vendors);
  return std::make_unique<DiversityRule>(std::move(*scope), vendors, max_share,
                                         count.value_or(0) == 1);
}

}  // namespace redoubt::policy
