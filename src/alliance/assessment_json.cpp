#include "alliance/assessment_json.hpp"

#include <cmath>

#include "alliance/divergence.hpp"
#include "alliance/member_plan.hpp"
#include "plan/plan_json.hpp"

namespace redoubt::alliance {

using Json = nlohmann::ordered_json;

namespace {

// What a member's plan had done of one rule by the date (model.hpp).
void AddPlanned(Json& entry, const DeadlineAction& action) {
  entry["planned"] = true;
  entry["night"] = FormatIsoDate(action.night);
  entry["swapped"] = action.swapped;
  entry["swaps_planned"] = action.planned;
}

double Round(double value) { return std::round(value * 1e6) / 1e6; }

Json Optional(const std::optional<double>& value) {
  return value ? Json(Round(*value)) : Json(nullptr);
}

Json Level(const AllianceSpec& spec, std::optional<std::size_t> level) {
  return level ? Json(spec.levels[*level]) : Json(nullptr);
}

// A finding as the alliance counts it: enough to match it with `check`'s
// (rule, network, subject) and its evidence ids; `check --format json` has the rest.
Json FindingRefs(const std::vector<policy::Finding>& findings) {
  Json out = Json::array();
  for (const policy::Finding& finding : findings) {
    out.push_back(Json{{"rule", finding.rule_id},
                       {"severity", policy::Name(finding.severity)},
                       {"network", finding.network},
                       {"subject", finding.subject},
                       {"elements", finding.elements},
                       {"services", finding.services}});
  }
  return out;
}

Json Counts(const SeverityCounts& counts) {
  Json out = Json::object();
  for (std::size_t index = counts.size(); index-- > 0;) {
    out[std::string(policy::Name(static_cast<policy::RuleSeverity>(index)))] = counts[index];
  }
  return out;
}

// Null for a pair with a member that has no valid posture (nothing of it is known).
Json Matrix(const std::vector<std::vector<double>>& matrix,
            const std::vector<MemberAssessment>& members) {
  const auto known = [&](std::size_t index) {
    return index >= members.size() || members[index].no_posture.empty();
  };
  Json out = Json::array();
  for (std::size_t a = 0; a < matrix.size(); ++a) {
    Json values = Json::array();
    for (std::size_t b = 0; b < matrix[a].size(); ++b) {
      values.push_back(known(a) && known(b) ? Json(Round(matrix[a][b])) : Json(nullptr));
    }
    out.push_back(std::move(values));
  }
  return out;
}

Json ReplacementsJson(const AllianceModel& model, const std::vector<Replacement>& replacements) {
  Json out = Json::array();
  for (const Replacement& replacement : replacements) {
    out.push_back(Json{{"network", model.networks[replacement.network].info.id},
                       {"member", model.spec.members[model.network_member[replacement.network]].code},
                       {"domain", Name(replacement.domain)},
                       {"from_vendor", replacement.from_vendor},
                       {"to_vendor", replacement.to_vendor},
                       {"elements", replacement.elements},
                       {"kinds", replacement.kinds},
                       {"element_ids", replacement.element_ids}});
  }
  return out;
}

Json MemberJson(const AllianceModel& model, const MemberAssessment& member) {
  const MemberSpec& spec = model.spec.members[member.member];
  Json posture = Json::object();
  Json shares = Json::object();
  for (std::size_t index = 0; index < kPostureDomains.size(); ++index) {
    const DomainShare& share = member.posture.domains[index];
    shares[std::string(Name(kPostureDomains[index]))] =
        Json{{"elements", share.elements}, {"untrusted_elements", share.untrusted_elements},
             {"element_share", Round(share.ElementShare())}, {"sites", share.sites},
             {"untrusted_sites", share.untrusted_sites}, {"site_share", Round(share.SiteShare())}};
  }
  posture["untrusted"] = std::move(shares);
  // The vector's components are over critical services; the same figures
  // over all the member's services are given beside them, labelled.
  const GroupTotals& critical = member.posture.critical;
  const GroupTotals& all = member.posture.all;
  posture["critical_services"] = critical.services;
  posture["critical_weight"] = Round(critical.weight);
  posture["espionage"] = Optional(critical.EspionageShare());
  posture["sabotage"] = Optional(critical.SabotageShare());
  posture["all_services"] = Json{{"services", all.services},
                                 {"weight", Round(all.weight)},
                                 {"espionage", Optional(all.EspionageShare())},
                                 {"sabotage", Optional(all.SabotageShare())}};
  posture["resilience_loss"] = Optional(member.posture.resilience_loss);
  // Host-nation exposure: its critical services on other members' networks.
  const GroupTotals& abroad = member.posture.abroad;
  posture["abroad"] = Json{{"critical_services", abroad.services},
                           {"weight", Round(abroad.weight)},
                           {"espionage", Optional(abroad.EspionageShare())},
                           {"sabotage", Optional(abroad.SabotageShare())}};
  Json cross = Json::array();
  for (const CrossBorderService& service : member.posture.cross_border) {
    const Network& network = model.networks[service.network];
    cross.push_back(Json{{"service", service.service_id},
                         {"network", network.info.id},
                         {"host", model.spec.members[model.network_member[service.network]].code},
                         {"exposed", service.exposed},
                         {"lost_without_untrusted", service.lost_without_untrusted}});
  }
  Json deadlines = Json::array();
  for (const DeadlineAction& action : member.deadlines) {
    Json entry{{"rule", action.rule_id},
               {"effective", FormatIsoDate(action.effective)},
               {"replaced", ReplacementsJson(model, action.replacements)}};
    if (action.from_plan) AddPlanned(entry, action);
    deadlines.push_back(std::move(entry));
  }
  return Json{{"code", spec.code},
              {"name", spec.name},
              {"standard", model.standards[member.member]->id},
              {"networks", [&] {
                 Json ids = Json::array();
                 for (std::size_t network : model.member_networks[member.member]) {
                   ids.push_back(model.networks[network].info.id);
                 }
                 return ids;
               }()},
              {"compliance", Json{{"baseline", Counts(member.baseline)},
                                  {"standard", Counts(member.standard)},
                                  {"cross_border_baseline_findings", member.cross_border_findings.size()},
                                  {"not_evaluated", member.not_evaluated},
                                  {"findings", Json{{"baseline", FindingRefs(member.baseline_findings)},
                                                    {"standard", FindingRefs(member.standard_findings)}}}}},
              {"posture", std::move(posture)},
              {"cross_border_services", std::move(cross)},
              {"deadlines_assumed_met", std::move(deadlines)}};
}

Json CellJson(const AllianceModel& model, const Cell& cell) {
  Json shortfalls = Json::array();
  for (const Shortfall& shortfall : cell.shortfalls) {
    shortfalls.push_back(Json{{"level", model.spec.levels[shortfall.level]},
                              {"condition", shortfall.condition_text},
                              {"source", shortfall.source},
                              {"summary", shortfall.summary},
                              {"plain", shortfall.plain},
                              {"host_networks", shortfall.host},
                              {"rationale", shortfall.rationale},
                              {"rules", shortfall.rules},
                              {"elements", shortfall.element_count},
                              {"details", shortfall.details}});
  }
  const auto holding = cell.Holding();
  return Json{{"provider", model.spec.members[cell.provider].code},
              {"recipient", model.spec.members[cell.recipient].code},
              {"level", Level(model.spec, cell.level)},
              {"withheld", holding.empty() ? Json(nullptr)
                                           : Json(model.spec.levels[holding.front()->level])},
              {"reason", cell.reason},
              {"shortfalls", std::move(shortfalls)}};
}

}  // namespace

Json AssessmentJson(const AllianceModel& model, const Assessment& assessment) {
  Json members = Json::array();
  for (const MemberAssessment& member : assessment.members) members.push_back(MemberJson(model, member));
  Json codes = Json::array();
  for (const MemberSpec& member : model.spec.members) codes.push_back(member.code);
  Json cells = Json::array();
  for (const Cell& cell : assessment.cells) {
    if (!cell.Self()) cells.push_back(CellJson(model, cell));
  }
  Json matrix = Json::array();
  for (std::size_t provider = 0; provider < model.spec.members.size(); ++provider) {
    Json row = Json::array();
    for (std::size_t recipient = 0; recipient < model.spec.members.size(); ++recipient) {
      const Cell& cell = assessment.At(provider, recipient);
      row.push_back(cell.Self() ? Json(nullptr) : Level(model.spec, cell.level));
    }
    matrix.push_back(std::move(row));
  }
  return Json{{"as_of", assessment.as_of == kNoDate ? Json(nullptr) : Json(FormatIsoDate(assessment.as_of))},
              {"members", std::move(members)},
              {"divergence", Json{{"members", codes},
                                  {"total", Matrix(assessment.divergence.total, assessment.members)},
                                  {"posture", Matrix(assessment.divergence.posture, assessment.members)},
                                  {"shortfall_from_provider", Matrix(assessment.divergence.shortfall, assessment.members)},
                                  {"trust", Matrix(assessment.divergence.trust, assessment.members)},
                                  {"rules", Matrix(assessment.divergence.rules, assessment.members)},
                                  {"vendors", assessment.divergence.vendors}}},
              {"sharing", Json{{"providers", codes}, {"recipients", codes},
                               {"matrix", std::move(matrix)}, {"cells", std::move(cells)}}}};
}

namespace {

// Which plan each member with one was judged by (member_plan.hpp).
Json PlansJson(const AllianceModel& model) {
  Json plans = Json::array();
  for (std::size_t member = 0; member < model.spec.members.size(); ++member) {
    const MemberPlan* plan = model.PlanOf(member);
    if (plan == nullptr) continue;
    plans.push_back(Json{{"member", model.spec.members[member].code},
                         {"costs", plan->costs_file},
                         {"method", plan::Name(plan->method)},
                         {"start", FormatIsoDate(plan->start)},
                         {"swaps", plan->swaps.size()},
                         {"late", plan->late},
                         {"unscheduled", plan->unscheduled},
                         {"lateness_days", Round(plan->lateness_days)},
                         {"last_night", plan->last_night == kNoDate
                                            ? Json(nullptr)
                                            : Json(FormatIsoDate(plan->last_night))}});
  }
  return plans;
}

}  // namespace

Json AllianceDocument(const AllianceModel& model, const Assessment& assessment) {
  Json document{{"format", kAssessmentFormat},
                {"alliance", Json{{"id", model.spec.id},
                                  {"title", model.spec.title},
                                  {"baseline", model.baseline->id},
                                  {"levels", model.spec.levels}}},
                {"method", Json{{"divergence", DivergenceFormula()},
                                {"levels", "cumulative: a level is shared when every condition of "
                                           "it and of every lower level holds for the recipient"},
                                {"deadlines_assumed_met", model.spec.assume_deadlines_met}}}};
  Json plans = PlansJson(model);
  if (!plans.empty()) document["method"]["plans"] = std::move(plans);
  Json body = AssessmentJson(model, assessment);
  for (auto& [key, value] : body.items()) document[key] = std::move(value);
  return document;
}

Json MovesJson(const AllianceModel& model, const std::vector<CellMove>& moves) {
  Json out = Json::array();
  for (const CellMove& move : moves) {
    out.push_back(Json{{"provider", model.spec.members[move.provider].code},
                       {"recipient", model.spec.members[move.recipient].code},
                       {"before", Level(model.spec, move.before)},
                       {"after", Level(model.spec, move.after)},
                       {"direction", move.Up() ? "up" : "down"}});
  }
  return out;
}

void AddTimeline(Json& document, const AllianceModel& model, const std::vector<TimelineStep>& steps) {
  Json out = Json::array();
  for (const TimelineStep& step : steps) {
    Json deadlines = Json::array();
    for (const DeadlineAction& action : step.deadlines) {
      Json entry{{"member", model.spec.members[action.member].code},
                 {"rule", action.rule_id},
                 {"replaced", ReplacementsJson(model, action.replacements)}};
      if (action.from_plan) {
        AddPlanned(entry, action);
        entry["new_swaps"] = action.new_swaps;
      }
      deadlines.push_back(std::move(entry));
    }
    Json matrix = Json::array();
    for (std::size_t provider = 0; provider < model.spec.members.size(); ++provider) {
      Json row = Json::array();
      for (std::size_t recipient = 0; recipient < model.spec.members.size(); ++recipient) {
        const Cell& cell = step.assessment.At(provider, recipient);
        row.push_back(cell.Self() ? Json(nullptr) : Level(model.spec, cell.level));
      }
      matrix.push_back(std::move(row));
    }
    Json moves = MovesJson(model, step.moves);
    for (std::size_t index = 0; index < moves.size() && index < step.reasons.size(); ++index) {
      moves[index]["reason"] = step.reasons[index];
      moves[index]["cell_reason"] =
          step.assessment.At(step.moves[index].provider, step.moves[index].recipient).reason;
    }
    out.push_back(Json{{"date", FormatIsoDate(step.date)},
                       {"rules_starting", step.rules_starting},
                       {"rules_ending", step.rules_ending},
                       {"deadlines_met", std::move(deadlines)},
                       {"moves", std::move(moves)},
                       {"matrix", std::move(matrix)}});
  }
  document["timeline"] = std::move(out);
}

void AddWhatIf(Json& document, const AllianceModel& model, const std::vector<std::string>& changes,
               const Assessment& after, const std::vector<CellMove>& moves) {
  document["what_if"] = Json{{"changes", changes},
                             {"moves", MovesJson(model, moves)},
                             {"after", AssessmentJson(model, after)}};
}

void AddRestore(Json& document, const AllianceModel& model, const RestorePlan& plan) {
  document["restore"] = Json{
      {"provider", model.spec.members[plan.provider].code},
      {"recipient", model.spec.members[plan.recipient].code},
      {"level", model.spec.levels[plan.level]},
      {"method", "replace, like for like, the elements named by the conditions that withhold the "
                 "level or a lower one; re-assess; repeat until lifted"},
      {"restored", plan.restored},
      {"reason", plan.reason},
      {"elements", plan.elements},
      {"rounds", plan.rounds},
      {"replacements", ReplacementsJson(model, plan.replacements)},
      {"moves", MovesJson(model, CompareCells(plan.before, plan.after))}};
}

}  // namespace redoubt::alliance
