#include "policy/finding.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <tuple>

#include <fmt/format.h>

namespace redoubt::policy {

namespace {
constexpr std::array<std::string_view, 5> kSeverityNames = {"info", "low", "medium", "high",
                                                            "critical"};

const std::string& FirstOrEmpty(const std::vector<std::string>& ids) {
  static const std::string kEmpty;
  return ids.empty() ? kEmpty : ids.front();
}
}  // namespace

std::span<const std::string_view> RuleSeverityNames() { return kSeverityNames; }

std::string_view Name(RuleSeverity severity) {
  return kSeverityNames[static_cast<std::size_t>(severity)];
}

std::optional<RuleSeverity> ParseRuleSeverity(std::string_view name) {
  for (std::size_t index = 0; index < kSeverityNames.size(); ++index) {
    if (kSeverityNames[index] == name) return static_cast<RuleSeverity>(index);
  }
  return std::nullopt;
}

void SortFindings(std::vector<Finding>& findings) {
  // Sort positions, then move each finding once: findings are large, and a
  // merge sort over them would move each one log(n) times.
  std::vector<std::size_t> order(findings.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const Finding& a = findings[x];
    const Finding& b = findings[y];
    const int severity_a = -static_cast<int>(a.severity);
    const int severity_b = -static_cast<int>(b.severity);
    return std::forward_as_tuple(severity_a, a.rule_id, a.network, FirstOrEmpty(a.elements),
                                 FirstOrEmpty(a.sites), FirstOrEmpty(a.services),
                                 FirstOrEmpty(a.vendors), a.message) <
           std::forward_as_tuple(severity_b, b.rule_id, b.network, FirstOrEmpty(b.elements),
                                 FirstOrEmpty(b.sites), FirstOrEmpty(b.services),
                                 FirstOrEmpty(b.vendors), b.message);
  });
  std::vector<Finding> sorted;
  sorted.reserve(findings.size());
  for (std::size_t index : order) sorted.push_back(std::move(findings[index]));
  findings.swap(sorted);
}

std::string FindingKey(const Finding& finding) {
  return fmt::format("{}|{}|{}", finding.rule_id, finding.network, finding.subject);
}

}  // namespace redoubt::policy
