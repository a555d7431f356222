// RunPostureAssessment (assess.hpp): the assessment from signed postures.
#include <fmt/format.h>

#include "alliance/assessment_json.hpp"
#include "alliance/posture_document.hpp"
#include "assess/assess.hpp"
#include "assess/figures.hpp"
#include "policy/judged_date.hpp"

namespace redoubt {

Result<AssessOutputs> RunPostureAssessment(const AssessInputs& inputs,
                                           const AssessProgress& progress) {
  using Json = nlohmann::ordered_json;
  if (progress) progress("reading the postures in " + inputs.postures);
  auto loaded = alliance::LoadPostureView(inputs.alliance, inputs.postures, inputs.as_of,
                                          /*as_inventoried=*/false, inputs.allow_missing,
                                          inputs.inventory);
  if (!loaded.ok()) return Result<AssessOutputs>(Diagnostics(loaded.diagnostics()));
  const alliance::PostureView& view = loaded.value();
  const alliance::AllianceModel& model = view.model;
  const Basis basis =
      model.spec.assume_deadlines_met ? Basis::kDeadlinesMet : Basis::kAsInventoried;

  FigureSources sources;
  sources.assessments[basis == Basis::kAsInventoried ? 0 : 1] = &view.assessment;
  for (const auto& statement : view.postures.members) sources.absent.push_back(!statement);
  Json figures = FiguresJson(model, sources);

  Json members = Json::array();
  for (std::size_t member = 0; member < model.spec.members.size(); ++member) {
    Json networks = Json::array();
    for (std::size_t network_index : model.member_networks[member]) {
      networks.push_back(model.networks[network_index].info.id);
    }
    members.push_back({{"code", model.spec.members[member].code},
                       {"name", model.spec.members[member].name},
                       {"networks", std::move(networks)}});
  }
  Json standards = Json::array();
  standards.push_back(model.spec.baseline);
  for (const alliance::MemberSpec& member : model.spec.members) standards.push_back(member.standard);

  AssessOutputs outputs;
  Json& document = outputs.assessment;
  document["format"] = "redoubt/assessment@1";
  document["redoubt_version"] = REDOUBT_VERSION;
  document["title"] = model.spec.title.empty() ? model.spec.id : model.spec.title;
  const Json judged = policy::JudgedDateJson(view.date, view.lags);
  for (const auto& [key, value] : judged.items()) document[key] = value;
  document["seed"] = nullptr;  // nothing simulated here
  document["command"] = inputs.command + " --as-of " + FormatIsoDate(view.date.date);
  document["partial"] = false;
  document["inputs"] = {{"alliance", inputs.alliance},
                        {"baseline", model.baseline->id},
                        {"standards", std::move(standards)},
                        {"postures", inputs.postures},
                        {"scenarios", Json::array()}};
  document["members"] = std::move(members);
  // What needs the inventories, which stay with each member.
  for (const char* part : {"inventory", "findings", "timeline", "exposure", "resilience"}) {
    document[part] = nullptr;
  }
  document["alliance"] = alliance::AllianceDocument(model, view.assessment);
  document["alliance"]["provenance"] = alliance::ProvenanceJson(model.spec, view.postures);
  outputs.summary = AssessmentSummaryText(model, view.assessment, figures, view.date.date, basis) +
                    "\n" + policy::JudgedDateText(view.date, view.lags);
  document["figures"] = std::move(figures);
  document["sites"] = nullptr;
  // sites.geojson: no site of any member leaves its machine.
  outputs.sites = Json{{"type", "FeatureCollection"}, {"features", Json::array()}};
  return Result<AssessOutputs>(std::move(outputs), Diagnostics(loaded.diagnostics()));
}

}  // namespace redoubt
