// redoubt posture ALLIANCE --member CC --key CC.key -o CC.posture.json — a
// member's signed statement of its own posture, made on its own machine from
// its own inventories, for its allies (alliance/posture_document.hpp).
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "alliance/alliance_reader.hpp"
#include "alliance/posture_document.hpp"
#include "assess/kill_switch.hpp"
#include "cli/common.hpp"
#include "cli/standard_options.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "policy/judged_date.hpp"
#include "sim/scenario.hpp"
#include "trust/signed_document.hpp"

namespace redoubt::cli {

namespace {

struct PostureOptions {
  std::string path;
  std::string member;
  std::string key;
  std::string output;
  std::string disclose = "counts";
  std::string as_of;
  bool as_inventoried = false;
  bool kill_switch = false;
  std::optional<std::uint32_t> trials;
  std::uint64_t seed = 1;
  InputOptions input;
};

int Run(const PostureOptions& options) {
  const auto disclosure = alliance::ParseDisclosure(options.disclose);
  if (!disclosure) {
    throw UsageError(fmt::format("--disclose: '{}' is neither counts nor elements — counts (the "
                                 "default) names no element; elements adds the element ids",
                                 options.disclose));
  }
  auto spec = alliance::ReadAlliance(options.path);
  PrintDiagnostics(spec.diagnostics(), std::cerr);
  if (!spec.ok()) return kExitBadInput;
  if (options.as_inventoried) spec.value().assume_deadlines_met = false;
  const auto member = spec.value().FindMember(options.member);
  if (!member) {
    std::vector<std::string_view> codes;
    for (const auto& entry : spec.value().members) codes.push_back(entry.code);
    throw UsageError(fmt::format("--member: '{}' is not a member of alliance {} — {}", options.member,
                                 spec.value().id, SuggestionHint(options.member, codes)));
  }
  // The key first: a posture nobody can check is not worth the work.
  auto key = trust::LoadSecretKey(options.key);
  PrintDiagnostics(key.diagnostics(), std::cerr);
  if (!key.ok()) return kExitBadInput;
  const auto& listed = spec.value().members[*member].key;
  if (listed && listed->Id() != key.value().Public().Id()) {
    throw UsageError(fmt::format(
        "{}: the key is {}, but the alliance file lists {} for {} — sign with {}'s own key, or "
        "update its key in the alliance file",
        options.key, key.value().Public().Id(), listed->Id(), options.member, options.member));
  }
  if (!listed) {
    std::cerr << fmt::format(
        "{}: warning: the alliance file lists no key for {}; allies will refuse the posture "
        "until it lists {} ({}.pub) — add key: to member {}\n",
        options.path, options.member, key.value().Public().Id(), options.member, options.member);
  }
  auto loaded = alliance::LoadAllianceModel(
      spec.value(), options.input.ToInventoryOptions(),
      {alliance::LoadScope::Kind::kMember, *member});
  PrintDiagnostics(loaded.diagnostics(), std::cerr);
  if (!loaded.ok()) return kExitBadInput;
  const alliance::AllianceModel& model = loaded.value();
  const policy::JudgedDate date = policy::ChooseJudgedDate(
      options.as_of.empty() ? kNoDate : ParseDateFlag(options.as_of, "--as-of"), model.networks,
      Today());
  ExposureCache cache;
  alliance::ResilienceProvider resilience;
  std::optional<alliance::ResilienceMethod> method;
  if (options.kill_switch) {
    // The scenario `assess` runs for the kill-switch loss, with its trial rule.
    auto scenario = LoadScenario(DataPath("scenarios/vendor-kill-switch.yaml"));
    PrintDiagnostics(scenario.diagnostics(), std::cerr);
    if (!scenario.ok()) return kExitBadInput;
    const Diagnostics vendors = CheckHazardVendors(scenario.value(), model.networks);
    PrintDiagnostics(vendors, std::cerr);
    if (vendors.HasErrors()) return kExitBadInput;
    const KillSwitchRun run{options.trials, options.seed, static_cast<unsigned>(options.input.threads)};
    method = alliance::ResilienceMethod{scenario.value().id, TrialsOf(scenario.value(), run), run.seed};
    resilience = KillSwitchProvider(std::move(scenario).value(), run);
  }
  auto document =
      alliance::BuildPosture(model, *member, date.date, *disclosure, cache, resilience, method);
  trust::SignDocument(document, key.value());
  WriteOutput(options.output, document.dump(2) + "\n");
  if (!options.output.empty()) {
    std::cerr << fmt::format("{}: posture of {} on {} ({}), signed with {}\n", options.output,
                             options.member, policy::DescribeJudgedDate(date), options.disclose,
                             key.value().Public().Id());
  }
  return kExitOk;
}

}  // namespace

CommandRunner SetupPosture(CLI::App& command) {
  auto options = std::make_shared<PostureOptions>();
  command.add_option("file", options->path, "Alliance file (redoubt/alliance@1)")->required();
  command.add_option("--member", options->member, "The member assessing itself (its code)")
      ->required();
  command.add_option("--key", options->key, "Its secret key (NAME.key from redoubt keygen)")
      ->required();
  command.add_option("--disclose", options->disclose,
                     "counts (default): rule ids and counts, no element id; elements: adds the "
                     "element ids behind each shortfall, finding and deadline");
  command.add_option("--as-of", options->as_of,
                     "Assess on this date (YYYY-MM-DD); default: the latest as_of of the member's "
                     "inventories, else today");
  command.add_flag("--as-inventoried", options->as_inventoried,
                   "Do not assume the member meets its own future deadlines");
  command.add_flag("--kill-switch", options->kill_switch,
                   "Simulate the vendor kill-switch scenario (data/scenarios/vendor-kill-switch.yaml) "
                   "on the member's networks and state its resilience loss, as `assess` computes it");
  command.add_option("--trials", options->trials,
                     "With --kill-switch: trials (default: the scenario's own, at most 200, as assess)")
      ->check(CLI::Range(1U, 1000000U));
  command.add_option("--seed", options->seed, "With --kill-switch: seed of the trials")
      ->check(SeedValidator())
      ->capture_default_str();
  options->input.AddTo(command);
  command.add_option("-o,--output", options->output, "Write the posture here instead of stdout");
  command.footer(
      "Reads only the member's own networks (the alliance file's other members' are not "
      "opened). The posture (redoubt/posture@1, schemas/posture-1.schema.json) holds the "
      "compliance counts per rule and severity, the untrusted shares per domain, the exposure "
      "figures, each sharing condition as the member's networks show it, and, as host nation, "
      "the exposure of each service another member owns on them; never a site id or a "
      "coordinate, and no element id unless --disclose elements. With --kill-switch it also "
      "states the resilience loss under the vendor kill-switch (and the trials and seed). It is signed with Ed25519; "
      "allies check it against the key the alliance file lists for the member.\n"
      "Exit codes: 0 written, 2 bad input, 3 environment error.\n"
      "Example: redoubt posture data/samples/allies/alliance.yaml --member GB --key gb.key -o "
      "GB.posture.json");
  return [options] { return Run(*options); };
}

}  // namespace redoubt::cli
