#include "assess/assess.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "alliance/alliance_reader.hpp"
#include "alliance/assessment.hpp"
#include "alliance/assessment_json.hpp"
#include "alliance/model.hpp"
#include "analysis/exposure.hpp"
#include "analysis/exposure_json.hpp"
#include "analysis/exposure_summary.hpp"
#include "analysis/service_rule_evaluator.hpp"
#include "analysis/trust.hpp"
#include "dist/distributed_trials.hpp"
#include "model/summary.hpp"
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
// Trials per scenario unless --trials says otherwise: enough for stable bands
// and a whole alliance in well under a minute; `simulate` runs the scenario's own.
constexpr std::uint32_t kAssessTrials = 200;

std::string Percent(std::optional<double> share) {
  return share ? fmt::format("{:.1f}%", 100.0 * *share) : std::string("n/a");
}

// One member's part of the assessment.
struct MemberRun {
  Json findings;
  Json timeline;
  Json exposure;
  std::vector<Json> resilience;       // one per scenario
  std::optional<double> kill_switch;  // share of weight-hours lost, over its networks
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

  for (const Scenario& scenario : scenarios) {
    RunHeader header;
    header.seed = inputs.seed;
    header.trials = inputs.trials.value_or(std::min(scenario.trials, kAssessTrials));
    header.completed = header.trials;
    Json scenario_document = scenario.document;
    scenario_document["trials"] = header.trials;
    scenario_document["seed"] = header.seed;
    header.scenario = scenario_document;
    std::vector<Json> networks;
    double lost = 0;
    double horizon_weight = 0;
    for (std::size_t network_index : model.member_networks[member]) {
      const Network& network = model.networks[network_index];
      auto prepared = PrepareRun(network, scenario, {.seed = header.seed, .trials = header.trials});
      RunControl control;
      control.threads = inputs.threads;
      const RunResults results = inputs.world != nullptr
                                     ? RunTrialsAcrossRanks(*prepared, control, *inputs.world)
                                     : RunTrials(*prepared, control);
      const ResilienceSummary summary = Summarize(*prepared, results);
      header.completed = std::min(header.completed, results.completed);
      header.partial = header.partial || results.partial;
      networks.push_back(ResilienceNetworkJson(*prepared, results, summary));
      if (!summary.series.empty() && scenario.horizon_hours > 0) {
        const SeriesSummary& all = summary.series.front();
        lost += all.weight * all.loss_hours.mean;
        horizon_weight += all.weight * scenario.horizon_hours;
      }
    }
    partial = partial || header.partial;
    if (scenario.id == kKillSwitch && horizon_weight > 0) run.kill_switch = lost / horizon_weight;
    run.resilience.push_back(ResilienceDocument(header, std::move(networks)));
  }
  return run;
}

std::string TerminalSummary(const alliance::AllianceModel& model,
                            const alliance::Assessment& assessment, Days as_of) {
  const auto& members = model.spec.members;
  std::string out = fmt::format("assessment of {} as of {}\n\n", model.spec.id, FormatIsoDate(as_of));
  out += fmt::format("  {:<6} {:>16} {:>16} {:>10} {:>10} {:>11}\n", "member", "own standard*",
                     "baseline*", "espionage", "sabotage", "kill-switch");
  auto counts = [](const alliance::SeverityCounts& severities) {
    // critical/high first: the two that matter to a decision-maker.
    return fmt::format("{}C {}H {}M", severities[4], severities[3], severities[2]);
  };
  for (const alliance::MemberAssessment& member : assessment.members) {
    const alliance::Posture& posture = member.posture;
    out += fmt::format("  {:<6} {:>16} {:>16} {:>10} {:>10} {:>11}\n", members[member.member].code,
                       counts(member.standard), counts(member.baseline), Percent(posture.espionage),
                       Percent(posture.sabotage), Percent(posture.resilience_loss));
  }
  out += "  * findings (critical, high, medium) as the alliance view counts them: each member\n"
         "    assumed to have met its own deadlines since its inventory's date; the report's\n"
         "    per-member sections show the findings on the inventory as it is.\n";
  out += "\n  sharing (provider row → recipient column: highest level shared)\n  ";
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

}  // namespace

Result<AssessOutputs> RunAssessment(const AssessInputs& given, const AssessProgress& progress) {
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

  AssessOutputs outputs;
  SitesGeoJsonBuilder sites;
  Json findings = Json::array();
  Json timeline = Json::array();
  Json exposure = Json::array();
  Json resilience = Json::array();
  Json members = Json::array();
  std::vector<std::optional<double>> kill_switch(model.spec.members.size());
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
  options.resilience = [&kill_switch](const alliance::AllianceModel&, std::size_t member, Days) {
    return kill_switch[member];
  };
  const alliance::Assessment assessment = alliance::Assess(model, options);

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
  document["alliance"] = alliance::AllianceDocument(model, assessment);
  outputs.sites = sites.Build();
  document["sites"] = outputs.sites;
  outputs.summary = TerminalSummary(model, assessment, inputs.as_of) + "\n" +
                    policy::JudgedDateText(date, lags);
  return Result<AssessOutputs>(std::move(outputs), std::move(diagnostics));
}

}  // namespace redoubt
