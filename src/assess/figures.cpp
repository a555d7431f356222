#include "assess/figures.hpp"

#include <cmath>
#include <string>

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
      const alliance::MemberAssessment& assessed = sources.assessments[basis]->members[member];
      const auto& tallies = sources.kill_switch[basis];
      const std::optional<KillSwitchTally> tally =
          member < tallies.size() ? tallies[member] : std::nullopt;
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
                  Share(tally ? tally->Share(set) : std::nullopt)}};
      }
      entry[std::string(Define(kBases[basis]).key)] = std::move(figures);
    }
    members.push_back(std::move(entry));
  }
  return Json{{"definitions",
               Json{{"figures", FigureDefinitionsJson()},
                    {"scopes", DefinitionsJson(std::array{Scope::kOwnedServices, Scope::kNetworkServices})},
                    {"service_sets", DefinitionsJson(kServiceSets)},
                    {"bases", DefinitionsJson(kBases)}}},
              {"members", std::move(members)}};
}

}  // namespace redoubt
