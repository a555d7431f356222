#include "assess/assess.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "alliance/alliance_reader.hpp"
#include "alliance/assessment.hpp"
#include "alliance/assessment_json.hpp"
#include "alliance/member_plan.hpp"
#include "alliance/model.hpp"
#include "alliance/what_if.hpp"
#include "analysis/exposure.hpp"
#include "analysis/exposure_json.hpp"
#include "analysis/exposure_summary.hpp"
#include "analysis/service_rule_evaluator.hpp"
#include "analysis/trust.hpp"
#include "assess/figures.hpp"
#include "assess/kill_switch.hpp"
#include "dist/distributed_trials.hpp"
#include "model/summary.hpp"
#include "plan/costs.hpp"
#include "policy/evaluate.hpp"
#include "policy/findings_json.hpp"
#include "policy/judged_date.hpp"
#include "policy/matcher.hpp"
#include "policy/selector.hpp"
#include "report/geojson.hpp"
#include "sim/metrics.hpp"
#include "sim/resilience_json.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"

namespace redoubt {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kKillSwitch = "vendor-kill-switch";

// One scenario on some networks: its resilience document and the kill-switch
// figure's tally over them.
struct ScenarioRun {
  Json document;
  KillSwitchTally tally;
  bool partial = false;
};

ScenarioRun RunScenario(const std::vector<const Network*>& networks, const Scenario& scenario,
                        const AssessInputs& inputs) {
  RunHeader header;
  header.seed = inputs.seed;
  header.trials = TrialsOf(scenario, {.trials = inputs.trials});
  header.completed = header.trials;
  Json scenario_document = scenario.document;
  scenario_document["trials"] = header.trials;
  scenario_document["seed"] = header.seed;
  header.scenario = scenario_document;
  ScenarioRun run;
  std::vector<Json> documents;
  for (const Network* network : networks) {
    auto prepared = PrepareRun(*network, scenario, {.seed = header.seed, .trials = header.trials});
    RunControl control;
    control.threads = inputs.threads;
    control.stop = inputs.stop;
    const RunResults results = inputs.world != nullptr
                                   ? RunTrialsAcrossRanks(*prepared, control, *inputs.world)
                                   : RunTrials(*prepared, control);
    const ResilienceSummary summary = Summarize(*prepared, results);
    header.completed = std::min(header.completed, results.completed);
    header.partial = header.partial || results.partial;
    documents.push_back(ResilienceNetworkJson(*prepared, results, summary));
    run.tally.Add(summary, scenario.horizon_hours);
  }
  run.partial = header.partial;
  run.document = ResilienceDocument(header, std::move(documents));
  return run;
}

std::vector<const Network*> MemberNetworks(const alliance::AllianceModel& model, std::size_t member) {
  std::vector<const Network*> networks;
  for (std::size_t network_index : model.member_networks[member]) {
    networks.push_back(&model.networks[network_index]);
  }
  return networks;
}

// One member's part of the assessment.
struct MemberRun {
  Json findings;
  Json timeline;
  Json exposure;
  std::vector<Json> resilience;                // one per scenario
  std::optional<KillSwitchTally> kill_switch;  // over its networks, as inventoried
};

MemberRun RunMember(const alliance::AllianceModel& model, std::size_t member,
                    const std::vector<Scenario>& scenarios, const AssessInputs& inputs,
                    ExposureCache& cache, SitesGeoJsonBuilder& sites, bool& partial) {
  const policy::Standard& standard = *model.standards[member];
  const std::string& code = model.spec.members[member].code;
  const ExposureServiceEvaluator evaluator(cache);  // the alliance view reuses its analyses
  MemberRun run;

  std::vector<policy::Evaluation> evaluations;
  std::vector<policy::Timeline> timelines;
  std::vector<Json> exposure_networks;
  for (std::size_t network_index : model.member_networks[member]) {
    const Network& network = model.networks[network_index];
    policy::EvaluationOptions options;
    options.as_of = inputs.as_of;
    options.services = &evaluator;
    evaluations.push_back(policy::Evaluate(standard, network, options));
    timelines.push_back(policy::MakeTimeline(standard, network, inputs.as_of, &evaluator));

    const auto mask = policy::UntrustedMask(
        standard.untrusted ? &*standard.untrusted : nullptr, network);
    ExposureOptions exposure;
    // On the date, as `expose --standard` and the alliance's posture count it.
    const auto in_service = InServiceUntrusted(network, mask, inputs.as_of);
    exposure.untrusted.assign(in_service.begin(), in_service.end());
    exposure.threads = inputs.threads;
    const ExposureResult result = AnalyzeExposure(network, exposure);
    exposure_networks.push_back(
        ExposureNetworkJson(network, result, SummarizeExposure(network, result), {}));
  }
  // Compliant means no finding at all, whatever its severity.
  run.findings = policy::FindingsDocument(standard, evaluations, policy::RuleSeverity::kInfo);
  run.timeline = policy::TimelineDocument(standard, timelines);
  const std::string untrusted =
      standard.untrusted ? policy::Describe(*standard.untrusted) : std::string("nothing");
  run.exposure = ExposureDocument(untrusted, exposure_networks);
  for (std::size_t network_index : model.member_networks[member]) {
    const Network& network = model.networks[network_index];
    sites.Add(network, code, AnnotateSites(network, run.findings, run.exposure));
  }

  const std::vector<const Network*> networks = MemberNetworks(model, member);
  for (const Scenario& scenario : scenarios) {
    ScenarioRun scenario_run = RunScenario(networks, scenario, inputs);
    partial = partial || scenario_run.partial;
    if (scenario.id == kKillSwitch) run.kill_switch = scenario_run.tally;
    run.resilience.push_back(std::move(scenario_run.document));
  }
  return run;
}

// The kill-switch tallies with deadlines assumed met: the scenario again on
// the networks of each member whose equipment a deadline replaced; the other
// members' networks are those already simulated as inventoried.
std::vector<std::optional<KillSwitchTally>> KillSwitchWithDeadlinesMet(
    const alliance::AllianceModel& on_date, const std::vector<alliance::DeadlineAction>& deadlines,
    const std::vector<Scenario>& scenarios, std::vector<std::optional<KillSwitchTally>> tallies,
    const AssessInputs& inputs, const std::function<void(const std::string&)>& say, bool& partial) {
  const auto scenario = std::find_if(scenarios.begin(), scenarios.end(),
                                     [](const Scenario& candidate) { return candidate.id == kKillSwitch; });
  if (scenario == scenarios.end()) return tallies;
  for (std::size_t member = 0; member < on_date.spec.members.size(); ++member) {
    const bool replaced = std::any_of(deadlines.begin(), deadlines.end(), [&](const auto& action) {
      return std::any_of(action.replacements.begin(), action.replacements.end(),
                         [&](const alliance::Replacement& replacement) {
                           return on_date.network_member[replacement.network] == member;
                         });
    });
    if (!replaced) continue;
    say(fmt::format("{}: {} with deadlines assumed met", on_date.spec.members[member].code, kKillSwitch));
    ScenarioRun run = RunScenario(MemberNetworks(on_date, member), *scenario, inputs);
    partial = partial || run.partial;
    tallies[member] = run.tally;
  }
  return tallies;
}

}  // namespace

Result<AssessOutputs> RunAssessment(const AssessInputs& given, const AssessProgress& progress) {
  if (!given.postures.empty()) return RunPostureAssessment(given, progress);
  auto say = [&](const std::string& step) {
    if (progress) progress(step);
  };
  Diagnostics diagnostics;
  say("reading " + given.alliance);
  auto spec = alliance::ReadAlliance(given.alliance);
  diagnostics.Append(spec.diagnostics());
  if (!spec.ok()) return Result<AssessOutputs>(std::move(diagnostics));
  auto loaded = alliance::LoadAllianceModel(spec.value(), given.inventory);
  diagnostics.Append(loaded.diagnostics());
  std::vector<Scenario> scenarios;
  for (const std::string& path : given.scenarios) {
    auto scenario = LoadScenario(path);
    diagnostics.Append(scenario.diagnostics());
    if (scenario.ok()) scenarios.push_back(std::move(scenario).value());
  }
  if (loaded.ok()) {
    for (const Scenario& scenario : scenarios)
      diagnostics.Append(CheckHazardVendors(scenario, loaded.value().networks));
  }
  if (!loaded.ok() || diagnostics.HasErrors()) return Result<AssessOutputs>(std::move(diagnostics));
  const alliance::AllianceModel& model = loaded.value();
  // The one date rule (policy/judged_date.hpp); from here on `inputs.as_of` is that date.
  const policy::JudgedDate date = policy::ChooseJudgedDate(given.as_of, model.networks, Today());
  AssessInputs inputs = given;
  inputs.as_of = date.date;
  inputs.command += " --as-of " + FormatIsoDate(date.date);
  std::vector<policy::InventoryLag> lags;
  for (std::size_t network_index = 0; network_index < model.networks.size(); ++network_index) {
    const std::size_t member = model.network_member[network_index];
    const policy::Standard* standards[] = {model.baseline.get(), model.standards[member].get()};
    if (auto lag = policy::LagOf(model.networks[network_index], standards, date.date)) {
      lags.push_back(std::move(*lag));
    }
  }
  for (std::size_t network_index = 0; network_index < model.networks.size(); ++network_index) {
    // Suppliers nobody assessed, which the member's standard leaves trusted.
    const Network& network = model.networks[network_index];
    const policy::Standard& standard = *model.standards[model.network_member[network_index]];
    const auto mask =
        policy::UntrustedMask(standard.untrusted ? &*standard.untrusted : nullptr, network);
    WarnUnassessedTrusted(
        network, CountUnassessedTrusted(network, mask),
        fmt::format("standard {} (untrusted: {})", standard.id,
                    standard.untrusted ? policy::Describe(*standard.untrusted) : "nothing"),
        diagnostics);
  }
  ExposureCache cache;

  // Each member's plan, once: the `plan` part and the sharing timeline's.
  std::vector<std::shared_ptr<const alliance::MemberPlan>> plans;
  if (!inputs.costs.empty()) {
    say("planning each member's swaps");
    auto costs = plan::ReadCosts(inputs.costs);
    diagnostics.Append(costs.diagnostics());
    if (!costs.ok()) return Result<AssessOutputs>(std::move(diagnostics));
    const std::vector<const plan::CostModel*> per_member(model.spec.members.size(), &costs.value());
    auto planned = alliance::PlanMembers(model, per_member, inputs.as_of);
    diagnostics.Append(planned.diagnostics());
    if (!planned.ok()) return Result<AssessOutputs>(std::move(diagnostics));
    plans = std::move(planned).value();
  }

  AssessOutputs outputs;
  SitesGeoJsonBuilder sites;
  Json findings = Json::array();
  Json timeline = Json::array();
  Json exposure = Json::array();
  Json resilience = Json::array();
  Json members = Json::array();
  std::vector<std::optional<KillSwitchTally>> kill_switch(model.spec.members.size());
  for (std::size_t member = 0; member < model.spec.members.size(); ++member) {
    const alliance::MemberSpec& spec_member = model.spec.members[member];
    say(fmt::format("{}: check, expose, simulate {} scenario{}", spec_member.code,
                    scenarios.size(), scenarios.size() == 1 ? "" : "s"));
    MemberRun run = RunMember(model, member, scenarios, inputs, cache, sites, outputs.partial);
    const std::string standard_id = model.standards[member]->id;
    findings.push_back({{"member", spec_member.code}, {"standard", standard_id},
                        {"document", std::move(run.findings)}});
    timeline.push_back({{"member", spec_member.code}, {"document", std::move(run.timeline)}});
    exposure.push_back({{"member", spec_member.code}, {"document", std::move(run.exposure)}});
    for (std::size_t index = 0; index < scenarios.size(); ++index) {
      resilience.push_back({{"member", spec_member.code},
                            {"scenario", scenarios[index].id},
                            {"document", std::move(run.resilience[index])}});
    }
    kill_switch[member] = run.kill_switch;
    Json networks = Json::array();
    for (std::size_t network_index : model.member_networks[member]) {
      networks.push_back(model.networks[network_index].info.id);
    }
    members.push_back({{"code", spec_member.code}, {"name", spec_member.name}, {"networks", networks}});
  }

  say("alliance view");
  alliance::AssessOptions options;
  options.as_of = inputs.as_of;
  options.cache = &cache;
  const auto kill_switch_loss = [](const std::vector<std::optional<KillSwitchTally>>& tallies) {
    return [&tallies](const alliance::AllianceModel&, std::size_t member, Days) {
      return tallies[member] ? tallies[member]->Share(ServiceSet::kAll) : std::nullopt;
    };
  };
  options.resilience = kill_switch_loss(kill_switch);
  const alliance::Assessment as_inventoried = alliance::AssessPrepared(model, {}, options);

  alliance::AllianceModel on_date = model;
  auto deadlines = alliance::MeetDeadlines(on_date, inputs.as_of);
  const std::vector<std::optional<KillSwitchTally>> kill_switch_met =
      KillSwitchWithDeadlinesMet(on_date, deadlines, scenarios, kill_switch, inputs, say, outputs.partial);
  options.resilience = kill_switch_loss(kill_switch_met);
  const alliance::Assessment assessment = alliance::AssessPrepared(on_date, std::move(deadlines), options);
  FigureSources sources;
  sources.assessments = {&as_inventoried, &assessment};
  sources.kill_switch = {kill_switch, kill_switch_met};
  Json figures = FiguresJson(model, sources);

  std::vector<InventorySummary> summaries;
  for (const Network& network : model.networks) summaries.push_back(Summarize(network));
  Json scenario_files = Json::array();
  for (const std::string& path : inputs.scenarios) scenario_files.push_back(path);
  Json standards = Json::array();
  standards.push_back(model.spec.baseline);
  for (const alliance::MemberSpec& member : model.spec.members) standards.push_back(member.standard);

  Json& document = outputs.assessment;
  document["format"] = "redoubt/assessment@1";
  document["redoubt_version"] = REDOUBT_VERSION;
  document["title"] = model.spec.title.empty() ? model.spec.id : model.spec.title;
  const Json judged = policy::JudgedDateJson(date, lags);
  for (const auto& [key, value] : judged.items()) document[key] = value;
  document["seed"] = inputs.seed;
  document["command"] = inputs.command;
  document["partial"] = outputs.partial;
  document["inputs"] = {{"alliance", inputs.alliance},
                        {"baseline", model.baseline->id},
                        {"standards", standards},
                        {"scenarios", scenario_files}};
  document["members"] = members;
  document["inventory"] = SummaryJson(summaries);
  document["findings"] = std::move(findings);
  document["timeline"] = std::move(timeline);
  document["exposure"] = std::move(exposure);
  document["resilience"] = std::move(resilience);
  if (!plans.empty()) {
    Json plan_part = Json::array();
    for (const auto& plan : plans) {
      plan_part.push_back({{"member", model.spec.members[plan->member].code}, {"document", plan->document}});
    }
    document["plan"] = std::move(plan_part);
  }
  document["alliance"] = alliance::AllianceDocument(on_date, assessment);
  if (inputs.sharing_to != kNoDate) {
    say("sharing over time");
    alliance::AssessOptions dated;
    dated.as_of = inputs.as_of;
    dated.cache = &cache;
    const Days from = inputs.sharing_from == kNoDate ? inputs.as_of : inputs.sharing_from;
    alliance::AllianceModel planned = model;
    planned.plans = plans;
    const auto steps =
        alliance::AllianceTimeline(planned, from, std::max(from, inputs.sharing_to), dated);
    alliance::AddTimeline(document["alliance"], planned, steps);
  }
  outputs.summary = AssessmentSummaryText(model, assessment, figures, inputs.as_of,
                                          Basis::kDeadlinesMet) + "\n" +
                    policy::JudgedDateText(date, lags);
  document["figures"] = std::move(figures);
  outputs.sites = sites.Build();
  document["sites"] = outputs.sites;
  return Result<AssessOutputs>(std::move(outputs), std::move(diagnostics));
}

}  // namespace redoubt
