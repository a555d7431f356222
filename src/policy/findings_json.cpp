#include "policy/findings_json.hpp"

#include <cmath>

#include <fmt/format.h>

namespace redoubt::policy {

namespace {

using Json = nlohmann::ordered_json;

Json DateOrNull(Days days) { return days == kNoDate ? Json(nullptr) : Json(FormatIsoDate(days)); }

Json StandardJson(const Standard& standard) {
  return {{"id", standard.id}, {"title", standard.title}, {"files", standard.chain}};
}

Json RuleJson(const StandardRule& rule) {
  Json out;
  out["id"] = rule.id;
  out["title"] = rule.title;
  out["kind"] = rule.Kind();
  out["severity"] = Name(rule.severity);
  out["effective"] = DateOrNull(rule.effective);
  out["expires"] = DateOrNull(rule.expires);
  out["defined_at"] = fmt::format("{}:{}", rule.location.file, rule.location.line);
  out["source"] = rule.source;
  return out;
}

Json Number(double value) { return std::isnan(value) ? Json(nullptr) : Json(value); }

}  // namespace

Json FindingJson(const Finding& finding) {
  Json out;
  out["rule"] = finding.rule_id;
  out["kind"] = finding.kind;
  out["severity"] = Name(finding.severity);
  out["network"] = finding.network;
  out["subject"] = finding.subject;  // with rule and network, what identifies the finding
  out["message"] = finding.message;
  out["elements"] = finding.elements;
  out["sites"] = finding.sites;
  out["services"] = finding.services;
  out["vendors"] = finding.vendors;
  Json evidence;
  evidence["reasons"] = finding.evidence;
  if (finding.measure) {
    const Measure& measure = *finding.measure;
    evidence["measure"] = {{"quantity", measure.quantity},
                           {"value", measure.value},
                           {"bound", measure.bound},
                           {"relation", measure.relation},
                           {"unit", measure.unit},
                           {"numerator", Number(measure.numerator)},
                           {"denominator", Number(measure.denominator)}};
  }
  if (!finding.distances.empty()) {
    Json distances = Json::array();
    for (const Distance& distance : finding.distances) {
      distances.push_back(
          {{"element", distance.element}, {"site", distance.site}, {"km", distance.km}});
    }
    evidence["distances"] = std::move(distances);
  }
  if (!finding.contributors.empty()) {
    Json contributors = Json::array();
    for (const Contributor& contributor : finding.contributors) {
      contributors.push_back({{"kind", contributor.kind},
                              {"id", contributor.id},
                              {"amount", contributor.amount},
                              {"share", contributor.share}});
    }
    evidence["contributors"] = std::move(contributors);
  }
  out["evidence"] = std::move(evidence);
  out["remedy"] = finding.remedy;
  out["due"] = DateOrNull(finding.due);
  return out;
}

bool AnyAtOrAbove(std::span<const Evaluation> evaluations, std::optional<RuleSeverity> fail_on) {
  if (!fail_on) return false;
  for (const Evaluation& evaluation : evaluations) {
    for (const Finding& finding : evaluation.findings) {
      if (finding.severity >= *fail_on) return true;
    }
  }
  return false;
}

Json FindingsDocument(const Standard& standard, std::span<const Evaluation> evaluations,
                      std::optional<RuleSeverity> fail_on) {
  Json document;
  document["format"] = "redoubt/findings@1";
  document["standard"] = StandardJson(standard);
  document["fail_on"] = fail_on ? Json(Name(*fail_on)) : Json("never");
  document["compliant"] = !AnyAtOrAbove(evaluations, fail_on);
  Json networks = Json::array();
  for (const Evaluation& evaluation : evaluations) {
    Json network;
    network["id"] = evaluation.network;
    network["as_of"] = DateOrNull(evaluation.as_of);
    Json by_severity = Json::object();
    for (std::string_view name : RuleSeverityNames()) by_severity[std::string(name)] = 0;
    for (const Finding& finding : evaluation.findings) {
      by_severity[std::string(Name(finding.severity))] =
          by_severity[std::string(Name(finding.severity))].get<int>() + 1;
    }
    network["summary"] = {{"findings", evaluation.findings.size()}, {"by_severity", by_severity}};
    Json rules = Json::array();
    for (const RuleStatus& status : evaluation.rules) {
      Json rule = RuleJson(standard.rules[status.rule]);
      rule["binding"] = status.binding;
      rule["evaluated"] = status.evaluated;
      rule["findings"] = status.findings;
      if (!status.note.empty()) rule["note"] = status.note;
      rules.push_back(std::move(rule));
    }
    network["rules"] = std::move(rules);
    Json findings = Json::array();
    for (const Finding& finding : evaluation.findings) findings.push_back(FindingJson(finding));
    network["findings"] = std::move(findings);
    Json unassessed = Json::array();
    for (const Unassessed& entry : evaluation.unassessed) {
      unassessed.push_back({{"rule", entry.rule_id},
                            {"reason", entry.reason},
                            {"elements", entry.elements},
                            {"sites", entry.sites}});
    }
    network["unassessed"] = std::move(unassessed);
    networks.push_back(std::move(network));
  }
  document["networks"] = std::move(networks);
  return document;
}

Json TimelineDocument(const Standard& standard, std::span<const Timeline> timelines) {
  Json document;
  document["format"] = "redoubt/timeline@1";
  document["standard"] = StandardJson(standard);
  Json rules = Json::array();
  for (const StandardRule& rule : standard.rules) rules.push_back(RuleJson(rule));
  document["rules"] = std::move(rules);
  Json networks = Json::array();
  for (const Timeline& timeline : timelines) {
    Json steps = Json::array();
    for (const TimelineStep& step : timeline.steps) {
      Json due = Json::array();
      for (const Finding& finding : step.due) due.push_back(FindingJson(finding));
      steps.push_back({{"date", FormatIsoDate(step.date)},
                       {"starts", step.starts},
                       {"ends", step.ends},
                       {"due", std::move(due)},
                       {"resolved", step.resolved},
                       {"in_force", step.total}});
    }
    networks.push_back({{"id", timeline.network},
                        {"steps", std::move(steps)},
                        {"not_evaluated", timeline.not_evaluated}});
  }
  document["networks"] = std::move(networks);
  return document;
}

}  // namespace redoubt::policy
