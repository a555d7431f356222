// The parsers of the rule kinds, one per file in this folder; the registry
// (policy/rule_registry.cpp) lists them. Each reads the map under its key
// (`forbid: {...}`, `cap: {...}`) and returns nullptr after reporting what is
// wrong.
#pragma once

#include <memory>

#include "policy/rule.hpp"

namespace redoubt::policy {

// forbid: SELECTOR — no element in service matches. One finding per element.
std::unique_ptr<RuleBody> ParseForbidRule(const Node& node, RuleParseContext& context);
// cap: {scope, match, max_share, count: elements|sites|weight} — the share of
// the scope that matches stays at or under max_share. One finding per breach.
std::unique_ptr<RuleBody> ParseCapRule(const Node& node, RuleParseContext& context);
// near: {match, sites, within_km} — no match within within_km of a selected
// site. One finding per site with matches near it.
std::unique_ptr<RuleBody> ParseNearRule(const Node& node, RuleParseContext& context);
// diversity: {scope, min_vendors, max_share, count: elements|sites} — the scope
// uses enough vendors and none above max_share.
std::unique_ptr<RuleBody> ParseDiversityRule(const Node& node, RuleParseContext& context);
// require: {scope, attribute, includes | among} — every element of the scope
// has the attribute (includes the values / has one of the values).
std::unique_ptr<RuleBody> ParseRequireRule(const Node& node, RuleParseContext& context);
// service: {match, disjoint_paths, trusted_disjoint_paths, trusted_paths,
// survives_untrusted_loss, survives_vendor_loss} — judged by a ServiceEvaluator.
std::unique_ptr<RuleBody> ParseServiceRule(const Node& node, RuleParseContext& context);

}  // namespace redoubt::policy
