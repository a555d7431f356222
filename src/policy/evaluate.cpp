#include "policy/evaluate.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

#include <fmt/format.h>

#include "core/text.hpp"
#include "policy/matcher.hpp"

namespace redoubt::policy {

Evaluation Evaluate(const Standard& standard, const Network& network,
                    const EvaluationOptions& options) {
  Evaluation evaluation;
  evaluation.network = network.info.id;
  evaluation.as_of = options.as_of;
  const Selector* untrusted = standard.untrusted ? &*standard.untrusted : nullptr;
  const std::vector<std::uint8_t> mask = UntrustedMask(untrusted, network);
  for (std::size_t index = 0; index < standard.rules.size(); ++index) {
    const StandardRule& rule = standard.rules[index];
    RuleStatus status;
    status.rule = index;
    const bool selected = options.only.empty() || std::find(options.only.begin(), options.only.end(),
                                                            rule.id) != options.only.end();
    status.binding = selected && rule.BindsOn(options.as_of);
    if (!status.binding) {
      if (!selected) status.note = "not selected";
      evaluation.rules.push_back(std::move(status));
      continue;
    }
    RuleContext context{network, rule, index, mask, untrusted, options.as_of, options.services};
    RuleOutput output;
    rule.body->Evaluate(context, output);
    status.evaluated = output.evaluated;
    status.note = std::move(output.note);
    status.findings = output.findings.size();
    if (evaluation.findings.empty()) {
      evaluation.findings = std::move(output.findings);
    } else {
      evaluation.findings.reserve(evaluation.findings.size() + output.findings.size());
      for (Finding& finding : output.findings) evaluation.findings.push_back(std::move(finding));
    }
    for (Unassessed& entry : output.unassessed) evaluation.unassessed.push_back(std::move(entry));
    evaluation.rules.push_back(std::move(status));
  }
  SortFindings(evaluation.findings);
  return evaluation;
}

Timeline MakeTimeline(const Standard& standard, const Network& network, Days from,
                      const ServiceEvaluator* services) {
  Timeline timeline;
  timeline.network = network.info.id;
  std::set<Days> dates = {from};
  for (const StandardRule& rule : standard.rules) {
    if (rule.effective != kNoDate && rule.effective > from) dates.insert(rule.effective);
    if (rule.expires != kNoDate && rule.expires > from) dates.insert(rule.expires);
  }
  std::unordered_set<std::string> previous;
  std::vector<std::string> previous_keys;
  bool first = true;
  for (Days date : dates) {
    EvaluationOptions options;
    options.as_of = date;
    options.services = services;
    Evaluation evaluation = Evaluate(standard, network, options);
    TimelineStep step;
    step.date = date;
    for (const RuleStatus& status : evaluation.rules) {
      const StandardRule& rule = standard.rules[status.rule];
      const bool starts = first ? status.binding : rule.effective == date;
      if (starts) step.starts.push_back(rule.id);
      if (!first && rule.expires == date) step.ends.push_back(rule.id);
      if (status.binding && !status.evaluated &&
          std::find(timeline.not_evaluated.begin(), timeline.not_evaluated.end(), rule.id) ==
              timeline.not_evaluated.end()) {
        timeline.not_evaluated.push_back(rule.id);
      }
    }
    std::unordered_set<std::string> current;
    std::vector<std::string> current_keys;
    for (Finding& finding : evaluation.findings) {
      std::string key = FindingKey(finding);
      if (!current.insert(key).second) continue;
      current_keys.push_back(key);
      if (!previous.count(key)) step.due.push_back(std::move(finding));
    }
    for (const std::string& key : previous_keys) {
      if (!current.count(key)) step.resolved.push_back(key);
    }
    step.total = current.size();
    previous = std::move(current);
    previous_keys = std::move(current_keys);
    timeline.steps.push_back(std::move(step));
    first = false;
  }
  return timeline;
}

namespace {

// The values of a clause that name records (vendor, site, kind ids).
bool NamesRecords(Attribute attribute) {
  return attribute == Attribute::kVendor || attribute == Attribute::kSiteId ||
         attribute == Attribute::kKind;
}

}  // namespace

void CheckStandardAgainst(const Standard& standard, std::span<const Network> networks,
                          Diagnostics& diagnostics) {
  std::set<std::string, std::less<>> vendors;
  std::set<std::string, std::less<>> sites;
  std::set<std::string, std::less<>> kinds;
  for (const Network& network : networks) {
    for (const Vendor& vendor : network.vendors) vendors.emplace(network.Str(vendor.id));
    for (const Site& site : network.sites) sites.emplace(network.Str(site.id));
    for (const KindEntry& kind : network.kinds) kinds.insert(kind.name);
  }
  std::vector<const Selector*> selectors;
  if (standard.untrusted) selectors.push_back(&*standard.untrusted);
  for (const StandardRule& rule : standard.rules) {
    for (const Selector* selector : rule.body->Selectors()) selectors.push_back(selector);
  }
  std::set<std::pair<std::string, std::string>> reported;
  for (const Selector* selector : selectors) {
    for (const Clause& clause : selector->clauses) {
      if (!NamesRecords(clause.attribute)) continue;
      const auto& known = clause.attribute == Attribute::kVendor   ? vendors
                          : clause.attribute == Attribute::kSiteId ? sites
                                                                   : kinds;
      const std::string_view noun = clause.attribute == Attribute::kVendor   ? "vendor"
                                    : clause.attribute == Attribute::kSiteId ? "site"
                                                                             : "element kind";
      for (const std::string& text : clause.texts) {
        if (known.count(text) != 0) continue;
        if (!reported.emplace(noun, text).second) continue;
        std::vector<std::string_view> candidates(known.begin(), known.end());
        const auto match = ClosestMatch(text, candidates);
        const std::string message = fmt::format(
            "{} '{}' is named by the standard but known to no loaded inventory or vendor register",
            noun, text);
        if (match) {
          diagnostics.Error(clause.location, message,
                            fmt::format("did you mean '{}'? A misspelt id would make the rule "
                                        "miss what it is meant to catch",
                                        *match));
        } else {
          diagnostics.Warning(clause.location, message,
                              "the rule cannot match it here; check the spelling");
        }
      }
    }
  }
}

}  // namespace redoubt::policy
