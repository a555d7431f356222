#include "cli/alliance_text.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "alliance/divergence.hpp"
#include "model/figures.hpp"

namespace redoubt::cli {

using alliance::AllianceModel;
using alliance::Assessment;
using alliance::Cell;

namespace {

// What the view takes each member to do about its deadlines: `others` for
// the members without a plan.
std::string DeadlineBasis(const AllianceModel& model, const std::string& others) {
  std::vector<std::string> planned;
  for (std::size_t member = 0; member < model.spec.members.size(); ++member) {
    if (model.PlanOf(member) != nullptr) planned.push_back(model.spec.members[member].code);
  }
  if (planned.empty()) return others;
  if (planned.size() == model.spec.members.size()) return "every member's swaps on the nights of its plan";
  return fmt::format("{}: swaps on the nights of their plan; others: {}", fmt::join(planned, ", "), others);
}

std::string Counts(const alliance::SeverityCounts& counts) {
  return fmt::format("{}/{}/{}/{}/{}", counts[4], counts[3], counts[2], counts[1], counts[0]);
}

// A headline share as assess and the report print it.
std::string Share(std::optional<double> value) {
  return value ? fmt::format("{:.1f}%", 100.0 * *value) : std::string("n/a");
}

std::string Code(const AllianceModel& model, std::size_t member) {
  return model.spec.members[member].code;
}

std::string Replacements(const AllianceModel& model,
                         const std::vector<alliance::Replacement>& replacements,
                         std::string_view indent) {
  std::string out;
  for (const alliance::Replacement& replacement : replacements) {
    std::string sample;
    for (std::size_t index = 0; index < replacement.element_ids.size() && index < 3; ++index) {
      sample += fmt::format("{}{}", index == 0 ? "" : ", ", replacement.element_ids[index]);
    }
    if (replacement.element_ids.size() > 3) sample += ", …";
    out += fmt::format("{}{} {}: {} element{} {} → {} ({}): {}\n", indent,
                       model.networks[replacement.network].info.id, Name(replacement.domain),
                       replacement.elements, replacement.elements == 1 ? "" : "s",
                       replacement.from_vendor,
                       replacement.to_vendor, fmt::join(replacement.kinds, ", "), sample);
  }
  return out;
}

}  // namespace

std::string RenderSharingMatrix(const AllianceModel& model, const Assessment& assessment) {
  const std::size_t count = model.spec.members.size();
  std::size_t width = 4;
  for (const std::string& level : model.spec.levels) width = std::max(width, level.size());
  std::string out = fmt::format("  {:<20}", "provider \\ recipient");
  for (std::size_t recipient = 0; recipient < count; ++recipient) {
    out += fmt::format(" {:<{}}", Code(model, recipient), width);
  }
  out += "\n";
  for (std::size_t provider = 0; provider < count; ++provider) {
    out += fmt::format("  {:<20}", Code(model, provider));
    for (std::size_t recipient = 0; recipient < count; ++recipient) {
      const Cell& cell = assessment.At(provider, recipient);
      out += fmt::format(" {:<{}}", cell.Self() ? "-" : alliance::LevelName(model.spec, cell.level),
                         width);
    }
    out += "\n";
  }
  return out;
}

std::string RenderCellReasons(const AllianceModel& model, const Cell& cell, std::size_t limit) {
  std::string out = fmt::format("  {} → {}: {}", Code(model, cell.provider), Code(model, cell.recipient),
                                alliance::LevelName(model.spec, cell.level));
  const auto holding = cell.Holding();
  // A cell with nothing to hold it down but a member without a valid posture.
  if (holding.empty() && !cell.level && !cell.reason.empty()) return out + " \u2014 " + cell.reason + "\n";
  if (holding.empty()) return out + " (nothing withheld)\n";
  out += fmt::format("; {} withheld by\n", model.spec.levels[holding.front()->level]);
  out += fmt::format("    in short: {}\n", cell.reason);
  for (const alliance::Shortfall* shortfall : holding) {
    out += fmt::format("    - {} [{}]: {}\n", shortfall->condition_text, shortfall->source,
                       shortfall->summary);
    for (std::size_t index = 0; index < shortfall->details.size(); ++index) {
      if (limit != 0 && index == limit) {
        out += fmt::format("        … {} more (use --limit 0 or --format json)\n",
                           shortfall->details.size() - limit);
        break;
      }
      out += fmt::format("        {}\n", shortfall->details[index]);
    }
  }
  std::vector<std::string> higher;
  for (const alliance::Shortfall& shortfall : cell.shortfalls) {
    if (shortfall.level != holding.front()->level) {
      higher.push_back(fmt::format("{} by {}", model.spec.levels[shortfall.level], shortfall.condition_text));
    }
  }
  if (!higher.empty()) out += fmt::format("    then: {}\n", fmt::join(higher, "; "));
  return out;
}

std::string RenderAssessment(const AllianceModel& model, const Assessment& assessment,
                             std::size_t limit) {
  const auto& spec = model.spec;
  std::string out = fmt::format("alliance {}{}\n", spec.id, spec.title.empty() ? "" : " — " + spec.title);
  out += fmt::format("as of {}; baseline {}; {}\n\n",
                     assessment.as_of == kNoDate ? "(every rule)" : FormatIsoDate(assessment.as_of),
                     model.baseline->id,
                     DeadlineBasis(model, spec.assume_deadlines_met
                                              ? "each member assumed to meet its own standard's future deadlines"
                                              : "networks as inventoried (no deadline assumed met)"));
  out += "compliance (findings critical/high/medium/low/info; baseline rules as each member's "
         "standard dates them)\n";
  out += fmt::format("  {:<6} {:<16} {:<16} {:<16} {}\n", "member", "standard", "baseline",
                     "own standard", "cross-border baseline findings");
  for (const alliance::MemberAssessment& member : assessment.members) {
    if (!member.no_posture.empty()) {
      out += fmt::format("  {:<6} {:<16} no valid posture: {}\n", Code(model, member.member),
                         model.standards[member.member]->id, member.no_posture);
      continue;
    }
    out += fmt::format("  {:<6} {:<16} {:<16} {:<16} {}\n", Code(model, member.member),
                       model.standards[member.member]->id, Counts(member.baseline),
                       Counts(member.standard), member.cross_border_findings.size());
  }
  out += fmt::format("\nposture (untrusted share under the baseline's definition, elements/sites; {}; "
                     "{}; {}, {})\n",
                     Label(Figure::kEspionage, ServiceSet::kCritical),
                     Label(Figure::kSabotage, ServiceSet::kCritical),
                     Label(Figure::kKillSwitchLoss, ServiceSet::kAll),
                     Define(spec.assume_deadlines_met ? Basis::kDeadlinesMet : Basis::kAsInventoried).name);
  out += fmt::format("  {:<6}", "member");
  for (Domain domain : alliance::kPostureDomains) out += fmt::format(" {:<13}", Name(domain));
  out += fmt::format(" {:<9} {:<9} {}\n", "espionage", "sabotage", "kill-switch");
  for (const alliance::MemberAssessment& member : assessment.members) {
    out += fmt::format("  {:<6}", Code(model, member.member));
    if (!member.no_posture.empty()) {
      out += " no valid posture\n";
      continue;
    }
    for (const alliance::DomainShare& share : member.posture.domains) {
      out += fmt::format(" {:<13}", share.elements == 0 ? std::string("-")
                                                         : fmt::format("{:.3f}/{:.3f}", share.ElementShare(),
                                                                       share.SiteShare()));
    }
    out += fmt::format(" {:<9} {:<9} {}\n", Share(member.posture.Espionage()),
                       Share(member.posture.Sabotage()), Share(member.posture.resilience_loss));
  }
  out += fmt::format("  espionage: {}\n  sabotage: {}\n  kill-switch: {}\n  {}: {}\n",
                     Explain(Figure::kEspionage, ServiceSet::kCritical),
                     Explain(Figure::kSabotage, ServiceSet::kCritical),
                     Explain(Figure::kKillSwitchLoss, ServiceSet::kAll),
                     Define(Scope::kOwnedServices).name, Define(Scope::kOwnedServices).sentence);
  for (const alliance::MemberAssessment& member : assessment.members) {
    for (const alliance::CrossBorderService& service : member.posture.cross_border) {
      const Network& network = model.networks[service.network];
      out += fmt::format("  cross-border: {}'s service {} on {} network {}: {}{}\n",
                         Code(model, member.member), service.service_id,
                         Code(model, model.network_member[service.network]), network.info.id,
                         service.exposed ? "exposed to untrusted equipment" : "not exposed",
                         service.lost_without_untrusted ? ", lost with untrusted equipment off" : "");
    }
  }
  out += "  (resilience loss under data/scenarios/vendor-kill-switch.yaml comes from the "
         "simulation: n/a when it is not run)\n";
  out += fmt::format("\ndivergence\n  {}\n", alliance::DivergenceFormula());
  out += fmt::format("  {:<6}", "");
  for (const auto& member : spec.members) out += fmt::format(" {:<6}", member.code);
  out += "\n";
  for (std::size_t a = 0; a < spec.members.size(); ++a) {
    out += fmt::format("  {:<6}", spec.members[a].code);
    for (std::size_t b = 0; b < spec.members.size(); ++b) {
      const bool known = assessment.members[a].no_posture.empty() &&
                         assessment.members[b].no_posture.empty();
      out += a == b    ? fmt::format(" {:<6}", "-")
             : known ? fmt::format(" {:<6.3f}", assessment.divergence.total[a][b])
                     : fmt::format(" {:<6}", "n/a");
    }
    out += "\n";
  }
  out += "\nsharing matrix (provider → recipient: the highest level shared; levels are cumulative)\n";
  out += RenderSharingMatrix(model, assessment);
  out += "\nwhy each cell is held down\n";
  for (const Cell& cell : assessment.cells) {
    if (!cell.Self()) out += RenderCellReasons(model, cell, limit);
  }
  bool any = false;
  for (const alliance::MemberAssessment& member : assessment.members) {
    for (const alliance::DeadlineAction& action : member.deadlines) {
      if (!any) out += "\ndeadlines assumed met, or swaps planned, by this date\n";
      any = true;
      if (action.from_plan) {
        out += fmt::format("  {} {} (due {}): planned swaps {} of {} done, the last on {}:\n{}",
                           Code(model, member.member), action.rule_id, FormatIsoDate(action.effective),
                           action.swapped, action.planned, FormatIsoDate(action.night),
                           Replacements(model, action.replacements, "    "));
        continue;
      }
      out += fmt::format("  {} {} ({}):\n{}", Code(model, member.member), action.rule_id,
                         FormatIsoDate(action.effective), Replacements(model, action.replacements, "    "));
    }
  }
  return out;
}

std::string RenderMoves(const AllianceModel& model, const std::vector<alliance::CellMove>& moves) {
  if (moves.empty()) return "  no cell moved\n";
  std::string out;
  for (const alliance::CellMove& move : moves) {
    out += fmt::format("  {} → {}: {} → {} ({})\n", Code(model, move.provider), Code(model, move.recipient),
                       alliance::LevelName(model.spec, move.before),
                       alliance::LevelName(model.spec, move.after), move.Up() ? "restored" : "degraded");
  }
  return out;
}

std::string RenderTimeline(const AllianceModel& model, const std::vector<alliance::TimelineStep>& steps,
                           Days to, std::size_t limit) {
  if (steps.empty()) return {};
  std::string out = fmt::format("alliance {} timeline {}..{} ({})\n\n", model.spec.id,
                                FormatIsoDate(steps.front().date), FormatIsoDate(to),
                                DeadlineBasis(model, model.spec.assume_deadlines_met
                                                         ? "each member assumed to meet its own standard's deadlines"
                                                         : "networks as inventoried"));
  out += fmt::format("{}: sharing matrix\n{}", FormatIsoDate(steps.front().date),
                     RenderSharingMatrix(model, steps.front().assessment));
  for (std::size_t index = 1; index < steps.size(); ++index) {
    const alliance::TimelineStep& step = steps[index];
    out += fmt::format("\n{}:", FormatIsoDate(step.date));
    if (!step.rules_starting.empty()) out += fmt::format(" binds: {}", fmt::join(step.rules_starting, ", "));
    if (!step.rules_ending.empty()) out += fmt::format("; expires: {}", fmt::join(step.rules_ending, ", "));
    out += "\n";
    for (const alliance::DeadlineAction& action : step.deadlines) {
      if (action.from_plan) {
        out += fmt::format("  planned swaps: {} {} (due {}) — {} more done, {} of {}\n",
                           Code(model, action.member), action.rule_id, FormatIsoDate(action.effective),
                           action.new_swaps, action.swapped, action.planned);
        continue;
      }
      out += fmt::format("  deadline met: {} {}\n{}", Code(model, action.member), action.rule_id,
                         Replacements(model, action.replacements, "    "));
    }
    if (step.moves.empty()) {
      out += "  no cell moved\n";
      continue;
    }
    out += RenderMoves(model, step.moves);
    for (const std::string& reason : step.reasons) out += fmt::format("  {}\n", reason);
    for (const alliance::CellMove& move : step.moves) {
      out += RenderCellReasons(model, step.assessment.At(move.provider, move.recipient), limit);
    }
  }
  out += fmt::format("\n{} to {}: sharing matrix\n{}", FormatIsoDate(steps.back().date),
                     FormatIsoDate(to), RenderSharingMatrix(model, steps.back().assessment));
  return out;
}

std::string RenderRestore(const AllianceModel& model, const alliance::RestorePlan& plan,
                          std::size_t limit) {
  std::string out = fmt::format(
      "restore {} → {} to {}\n  method: replace, like for like, the elements named by the "
      "conditions that withhold {} or a lower level (fewest elements: each one is named by a "
      "failing condition, and swapping equipment keeps routes), re-assess, repeat\n",
      Code(model, plan.provider), Code(model, plan.recipient), model.spec.levels[plan.level],
      model.spec.levels[plan.level]);
  const Cell& before = plan.before.At(plan.provider, plan.recipient);
  out += fmt::format("  now: {}\n", alliance::LevelName(model.spec, before.level));
  if (alliance::CellMove::Rank(before.level) > static_cast<int>(plan.level)) {
    return out + "  already shared at that level: nothing to change\n";
  }
  if (!plan.restored) {
    out += fmt::format("  not restorable by replacing equipment: {}\n", plan.reason);
    out += RenderCellReasons(model, plan.after.At(plan.provider, plan.recipient), limit);
    return out;
  }
  out += fmt::format("  restored by replacing {} element{} ({} round{}):\n", plan.elements,
                     plan.elements == 1 ? "" : "s", plan.rounds, plan.rounds == 1 ? "" : "s");
  out += Replacements(model, plan.replacements, "    ");
  out += "  cells that move with it:\n";
  out += RenderMoves(model, alliance::CompareCells(plan.before, plan.after));
  return out;
}

std::string RenderProvenance(const AllianceModel& model, const alliance::PostureSet& postures) {
  std::string out = "\npostures (the view is built from them; no inventory was read)\n";
  for (std::size_t member = 0; member < model.spec.members.size(); ++member) {
    const auto& statement = postures.members[member];
    if (!statement) {
      out += fmt::format("  {:<6} no valid posture: {}\n", Code(model, member), postures.missing[member]);
      continue;
    }
    const auto& how = statement->resilience;
    out += fmt::format("  {:<6} {} {} key {} disclosure {}{}\n", Code(model, member),
                       std::filesystem::path(statement->file).filename().string(),
                       FormatIsoDate(statement->as_of), statement->key_id,
                       alliance::Name(statement->disclosure),
                       how ? fmt::format(" resilience {} ({} trials, seed {})", how->scenario,
                                         how->trials, how->seed)
                           : std::string());
  }
  return out;
}

}  // namespace redoubt::cli
