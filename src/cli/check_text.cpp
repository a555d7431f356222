#include "cli/check_text.hpp"

#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace redoubt::cli {

namespace {

using policy::Finding;
using policy::StandardRule;

std::string Percent(double share) { return fmt::format("{:.1f}%", 100.0 * share); }

std::string Header(const policy::Standard& standard) {
  std::string out = fmt::format("standard {}", standard.id);
  if (!standard.title.empty()) out += fmt::format(" \u2014 {}", standard.title);
  out += fmt::format(", {} rule{} ({})\n", standard.rules.size(),
                     standard.rules.size() == 1 ? "" : "s", fmt::join(standard.chain, " + "));
  return out;
}

std::string Binds(const StandardRule& rule) {
  if (rule.effective == kNoDate && rule.expires == kNoDate) return "always";
  if (rule.expires == kNoDate) return "from " + FormatIsoDate(rule.effective);
  if (rule.effective == kNoDate) return "until " + FormatIsoDate(rule.expires);
  return fmt::format("from {} until {}", FormatIsoDate(rule.effective), FormatIsoDate(rule.expires));
}

std::string BySeverity(std::span<const Finding> findings) {
  std::map<int, std::size_t, std::greater<>> counts;
  for (const Finding& finding : findings) ++counts[static_cast<int>(finding.severity)];
  std::vector<std::string> parts;
  for (const auto& [severity, count] : counts) {
    parts.push_back(fmt::format("{} {}", count, policy::Name(static_cast<policy::RuleSeverity>(severity))));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

// The evidence lines under one finding.
void RenderEvidence(const Finding& finding, std::string& out) {
  if (!finding.distances.empty() && finding.distances.size() > 1) {
    std::vector<std::string> parts;
    for (const policy::Distance& distance : finding.distances) {
      parts.push_back(fmt::format("{} {:.2f} km", distance.element, distance.km));
    }
    out += fmt::format("      within reach: {}\n", fmt::join(parts, ", "));
  }
  std::vector<std::string> vendors;
  std::vector<std::string> regions;
  for (const policy::Contributor& contributor : finding.contributors) {
    auto& list = contributor.kind == "vendor" ? vendors : regions;
    list.push_back(fmt::format("{} {:g} ({})", contributor.id, contributor.amount,
                               Percent(contributor.share)));
  }
  if (!vendors.empty()) out += fmt::format("      vendors: {}\n", fmt::join(vendors, ", "));
  if (!regions.empty()) out += fmt::format("      regions: {}\n", fmt::join(regions, ", "));
  if (finding.kind == "cap" || (finding.kind == "diversity" && !finding.elements.empty())) {
    const std::size_t shown = std::min<std::size_t>(finding.elements.size(), 8);
    if (shown > 0) {
      out += fmt::format("      elements: {}{}\n",
                         fmt::join(finding.elements.begin(), finding.elements.begin() + static_cast<std::ptrdiff_t>(shown), ", "),
                         finding.elements.size() > shown
                             ? fmt::format(" and {} more", finding.elements.size() - shown)
                             : std::string());
    }
  }
}

void RenderRuleGroup(const StandardRule& rule, std::span<const Finding> findings,
                     std::size_t limit, std::string& out) {
  out += fmt::format("\n{}  {}  {}  {} finding{}  (binds {})\n", rule.id,
                     policy::Name(rule.severity), rule.Kind(), findings.size(),
                     findings.size() == 1 ? "" : "s", Binds(rule));
  if (!rule.title.empty()) out += fmt::format("  {}\n", rule.title);
  std::size_t shown = 0;
  for (const Finding& finding : findings) {
    if (limit != 0 && shown == limit) {
      out += fmt::format("  ... and {} more (all of them with --limit 0 or --format json)\n",
                         findings.size() - shown);
      break;
    }
    out += fmt::format("  - {}\n", finding.message);
    RenderEvidence(finding, out);
    ++shown;
  }
  if (!findings.empty()) out += fmt::format("  remedy: {}\n", findings.front().remedy);
}

}  // namespace

std::string RenderFindings(const policy::Standard& standard,
                           std::span<const policy::Evaluation> evaluations, std::size_t limit) {
  std::string out = Header(standard);
  for (const policy::Evaluation& evaluation : evaluations) {
    out += fmt::format("\nnetwork {}{}: ", evaluation.network,
                       evaluation.as_of == kNoDate ? std::string()
                                                   : " as of " + FormatIsoDate(evaluation.as_of));
    if (evaluation.findings.empty()) {
      out += "no findings\n";
    } else {
      out += fmt::format("{} finding{} ({})\n", evaluation.findings.size(),
                         evaluation.findings.size() == 1 ? "" : "s",
                         BySeverity(evaluation.findings));
    }
    // Findings are sorted by severity then rule id: each rule's findings are contiguous.
    std::size_t begin = 0;
    while (begin < evaluation.findings.size()) {
      std::size_t end = begin;
      while (end < evaluation.findings.size() &&
             evaluation.findings[end].rule == evaluation.findings[begin].rule) {
        ++end;
      }
      RenderRuleGroup(standard.rules[evaluation.findings[begin].rule],
                      std::span(evaluation.findings).subspan(begin, end - begin), limit, out);
      begin = end;
    }
    std::vector<std::string> not_binding;
    std::vector<std::string> not_evaluated;
    for (const policy::RuleStatus& status : evaluation.rules) {
      const StandardRule& rule = standard.rules[status.rule];
      if (!status.binding && status.note.empty()) {
        not_binding.push_back(fmt::format("{} ({})", rule.id, Binds(rule)));
      }
      if (status.binding && !status.evaluated) {
        not_evaluated.push_back(fmt::format("{} ({})", rule.id, status.note));
      }
    }
    if (!not_binding.empty() || !not_evaluated.empty() || !evaluation.unassessed.empty()) {
      out += "\n";
    }
    if (!not_binding.empty()) {
      out += fmt::format("not binding on {}: {}\n", FormatIsoDate(evaluation.as_of),
                         fmt::join(not_binding, ", "));
    }
    for (const std::string& entry : not_evaluated) out += fmt::format("not evaluated: {}\n", entry);
    for (const policy::Unassessed& entry : evaluation.unassessed) {
      std::vector<std::string> ids = entry.elements;
      ids.insert(ids.end(), entry.sites.begin(), entry.sites.end());
      const std::size_t shown = std::min<std::size_t>(ids.size(), 8);
      out += fmt::format("unassessed by {}: {}: {}{}\n", entry.rule_id, entry.reason,
                         fmt::join(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(shown), ", "),
                         ids.size() > shown ? fmt::format(" and {} more", ids.size() - shown)
                                            : std::string());
    }
  }
  return out;
}

std::string RenderTimeline(const policy::Standard& standard,
                           std::span<const policy::Timeline> timelines, std::size_t limit) {
  std::string out = Header(standard);
  for (const policy::Timeline& timeline : timelines) {
    out += fmt::format("\nnetwork {}: when the rules bind and findings fall due\n",
                       timeline.network);
    for (const policy::TimelineStep& step : timeline.steps) {
      out += fmt::format("\n{}  {} finding{} in force", FormatIsoDate(step.date), step.total,
                         step.total == 1 ? "" : "s");
      if (!step.due.empty()) out += fmt::format(", {} falling due", step.due.size());
      if (!step.resolved.empty()) out += fmt::format(", {} resolved", step.resolved.size());
      out += "\n";
      if (!step.starts.empty()) {
        out += fmt::format("  {}: {}\n", &step == &timeline.steps.front() ? "in force" : "starts",
                           fmt::join(step.starts, ", "));
      }
      if (!step.ends.empty()) out += fmt::format("  ends: {}\n", fmt::join(step.ends, ", "));
      std::size_t shown = 0;
      for (const Finding& finding : step.due) {
        if (limit != 0 && shown == limit) {
          out += fmt::format("  ... and {} more\n", step.due.size() - shown);
          break;
        }
        out += fmt::format("  - {} [{}]: {}\n", finding.rule_id, policy::Name(finding.severity),
                           finding.message);
        ++shown;
      }
    }
    if (!timeline.not_evaluated.empty()) {
      out += fmt::format("\nnot evaluated: {}\n", fmt::join(timeline.not_evaluated, ", "));
    }
  }
  return out;
}

}  // namespace redoubt::cli
