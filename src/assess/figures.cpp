#include "assess/figures.hpp"

#include <cmath>
#include <string>

#include <fmt/format.h>

#include "policy/finding.hpp"

namespace redoubt {

namespace {

using Json = nlohmann::ordered_json;

double Round(double value) { return std::round(value * 1e6) / 1e6; }

Json Share(std::optional<double> value) { return value ? Json(Round(*value)) : Json(nullptr); }

Json Counts(const alliance::SeverityCounts& counts) {
  Json out = Json::object();
  for (std::size_t index = counts.size(); index-- > 0;) {
    out[std::string(policy::Name(static_cast<policy::RuleSeverity>(index)))] = counts[index];
  }
  return out;
}

Json DefinitionJson(const FigureDefinition& definition) {
  return Json{{"key", definition.key}, {"name", definition.name}, {"definition", definition.sentence}};
}

Json DefinitionsJson(auto values) {
  Json out = Json::array();
  for (auto value : values) out.push_back(DefinitionJson(Define(value)));
  return out;
}

// Each figure with the scope it is counted over in an assessment.
Json FigureDefinitionsJson() {
  Json out = Json::array();
  for (Figure figure : {Figure::kEspionage, Figure::kSabotage, Figure::kKillSwitchLoss, Figure::kFindings}) {
    Json entry = DefinitionJson(Define(figure));
    entry["scope"] = Define(ScopeOf(figure)).key;
    out.push_back(std::move(entry));
  }
  return out;
}

// The sector a series of the resilience summary is named for, if any.
std::optional<Sector> SeriesSector(const std::string& name) {
  const auto names = SectorNames();
  for (std::size_t index = 0; index < names.size(); ++index) {
    if (names[index] == name) return static_cast<Sector>(index);
  }
  return std::nullopt;
}

std::string Percent(const Json& share) {
  return share.is_number() ? fmt::format("{:.1f}%", 100.0 * share.get<double>()) : std::string("n/a");
}

std::string CountsText(const Json& counts) {
  // critical/high first: the two that matter to a decision-maker.
  return fmt::format("{}C {}H {}M", counts.value("critical", 0), counts.value("high", 0),
                     counts.value("medium", 0));
}

bool HasBasis(const Json& figures, std::string_view key) {
  for (const Json& basis : figures["definitions"]["bases"]) {
    if (basis["key"] == key) return true;
  }
  return false;
}

}  // namespace

void KillSwitchTally::Add(const ResilienceSummary& summary, double horizon_hours) {
  if (summary.series.empty() || horizon_hours <= 0) return;
  const auto add = [&](ServiceSet set, const SeriesSummary& series) {
    lost_[static_cast<std::size_t>(set)] += series.weight * series.loss_hours.mean;
    possible_[static_cast<std::size_t>(set)] += series.weight * horizon_hours;
  };
  add(ServiceSet::kAll, summary.series.front());  // "all" comes first
  for (std::size_t index = 1; index < summary.series.size(); ++index) {
    const auto sector = SeriesSector(summary.series[index].name);
    if (sector && IsCritical(*sector)) add(ServiceSet::kCritical, summary.series[index]);
  }
}

std::optional<double> KillSwitchTally::Share(ServiceSet set) const {
  const auto index = static_cast<std::size_t>(set);
  if (possible_[index] <= 0) return std::nullopt;
  return lost_[index] / possible_[index];
}

Json FiguresJson(const alliance::AllianceModel& model, const FigureSources& sources) {
  Json members = Json::array();
  for (std::size_t member = 0; member < model.spec.members.size(); ++member) {
    Json entry{{"code", model.spec.members[member].code}};
    for (std::size_t basis = 0; basis < kBases.size(); ++basis) {
      if (sources.assessments[basis] == nullptr) continue;
      if (member < sources.absent.size() && sources.absent[member]) continue;
      const alliance::MemberAssessment& assessed = sources.assessments[basis]->members[member];
      const auto& tallies = sources.kill_switch[basis];
      const std::optional<KillSwitchTally> tally =
          member < tallies.size() ? tallies[member] : std::nullopt;
      // Without a tally (a view from postures), the loss the member stated
      // over all its services: what the tally's Share(kAll) gives elsewhere.
      const auto loss = [&](ServiceSet set) -> std::optional<double> {
        if (tally) return tally->Share(set);
        return set == ServiceSet::kAll ? assessed.posture.resilience_loss : std::nullopt;
      };
      Json figures{{"findings", Json{{"standard", Counts(assessed.standard)},
                                     {"baseline", Counts(assessed.baseline)}}}};
      for (ServiceSet set : kServiceSets) {
        const GroupTotals& totals = assessed.posture.Totals(set);
        figures[std::string(Define(set).key)] =
            Json{{"services", totals.services},
                 {"weight", Round(totals.weight)},
                 {std::string(Define(Figure::kEspionage).key), Share(totals.EspionageShare())},
                 {std::string(Define(Figure::kSabotage).key), Share(totals.SabotageShare())},
                 {std::string(Define(Figure::kKillSwitchLoss).key),
                  Share(loss(set))}};
      }
      entry[std::string(Define(kBases[basis]).key)] = std::move(figures);
    }
    members.push_back(std::move(entry));
  }
  std::vector<Basis> bases;
  for (std::size_t basis = 0; basis < kBases.size(); ++basis) {
    if (sources.assessments[basis] != nullptr) bases.push_back(kBases[basis]);
  }
  return Json{{"definitions",
               Json{{"figures", FigureDefinitionsJson()},
                    {"scopes", DefinitionsJson(std::array{Scope::kOwnedServices, Scope::kNetworkServices})},
                    {"service_sets", DefinitionsJson(kServiceSets)},
                    {"bases", DefinitionsJson(bases)}}},
              {"members", std::move(members)}};
}

std::string AssessmentSummaryText(const alliance::AllianceModel& model,
                                  const alliance::Assessment& assessment, const Json& figures,
                                  Days as_of, Basis sharing_basis) {
  const auto& members = model.spec.members;
  std::string out = fmt::format("assessment of {} as of {}\n", model.spec.id, FormatIsoDate(as_of));
  const std::string critical(Define(ServiceSet::kCritical).key);
  const std::string all(Define(ServiceSet::kAll).key);
  for (Basis basis : kBases) {
    const FigureDefinition& definition = Define(basis);
    if (!HasBasis(figures, definition.key)) continue;
    out += fmt::format("\n  {} — {}\n", definition.name, definition.sentence);
    out += fmt::format("  {:<6} {:>14} {:>14} {:>10} {:>10} {:>11}\n", "member", "own standard",
                       "baseline", "espionage", "sabotage", "kill-switch");
    for (const Json& member : figures["members"]) {
      if (!member.contains(definition.key)) {
        out += fmt::format("  {:<6} no figures: no valid posture\n", member["code"].get<std::string>());
        continue;
      }
      const Json& on = member[std::string(definition.key)];
      out += fmt::format("  {:<6} {:>14} {:>14} {:>10} {:>10} {:>11}\n",
                         member["code"].get<std::string>(), CountsText(on["findings"]["standard"]),
                         CountsText(on["findings"]["baseline"]),
                         Percent(on[critical][std::string(Define(Figure::kEspionage).key)]),
                         Percent(on[critical][std::string(Define(Figure::kSabotage).key)]),
                         Percent(on[all][std::string(Define(Figure::kKillSwitchLoss).key)]));
    }
  }
  out += "\n";
  // What each column is, in the words of model/figures.hpp.
  out += fmt::format("  own standard, baseline: {} (critical, high, medium), over {} — {}\n",
                     Define(Figure::kFindings).name, Define(ScopeOf(Figure::kFindings)).name,
                     Define(Figure::kFindings).sentence);
  out += fmt::format("  espionage: {}\n", Explain(Figure::kEspionage, ServiceSet::kCritical));
  out += fmt::format("  sabotage: {}\n", Explain(Figure::kSabotage, ServiceSet::kCritical));
  out += fmt::format("  kill-switch: {}\n", Explain(Figure::kKillSwitchLoss, ServiceSet::kAll));
  for (const FigureDefinition& term : {Define(Scope::kOwnedServices), Define(Scope::kNetworkServices),
                                       Define(ServiceSet::kCritical)}) {
    out += fmt::format("  {}: {}\n", term.name, term.sentence);
  }
  out += fmt::format("\n  sharing ({}; provider row → recipient column: highest level shared)\n  ",
                     Define(sharing_basis).name);
  out += fmt::format("{:<8}", "");
  for (const auto& member : members) out += fmt::format("{:<14}", member.code);
  out += "\n";
  for (std::size_t provider = 0; provider < members.size(); ++provider) {
    out += fmt::format("  {:<8}", members[provider].code);
    for (std::size_t recipient = 0; recipient < members.size(); ++recipient) {
      const alliance::Cell& cell = assessment.At(provider, recipient);
      const std::string level =
          cell.Self() ? "—" : (cell.level ? model.spec.levels[*cell.level] : "none");
      out += fmt::format("{:<14}", level);
    }
    out += "\n";
  }
  return out;
}

}  // namespace redoubt
