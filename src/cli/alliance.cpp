// redoubt alliance FILE — the alliance view: each member's compliance and
// posture, the divergence between members, and the sharing matrix with the
// reasons each cell is held down; on a date, over a span of dates, after a
// what-if, or the smallest replacement of equipment that lifts one cell.
#include <unistd.h>

#include <iostream>
#include <map>

#include <fmt/format.h>

#include "alliance/alliance_reader.hpp"
#include "alliance/assessment_json.hpp"
#include "alliance/divergence.hpp"
#include "alliance/member_plan.hpp"
#include "alliance/posture_document.hpp"
#include "alliance/what_if.hpp"
#include "analysis/trust.hpp"
#include "cli/alliance_text.hpp"
#include "cli/common.hpp"
#include "cli/standard_options.hpp"
#include "core/error.hpp"
#include "plan/costs.hpp"
#include "policy/judged_date.hpp"
#include "policy/matcher.hpp"
#include "policy/selector.hpp"

namespace redoubt::cli {

namespace {

struct AllianceOptions {
  std::string path;
  std::string as_of;
  std::string timeline;
  std::string what_if;
  std::vector<std::string> restore;
  bool as_inventoried = false;
  std::string postures;
  std::vector<std::string> plans;  // --plan COSTS or CC=COSTS
  bool allow_missing = false;
  std::size_t limit = 5;
  InputOptions input;
  OutputFormat format = OutputFormat::kText;
  std::string output;
};

std::size_t MemberFlag(const alliance::AllianceSpec& spec, const std::string& code) {
  if (auto member = spec.FindMember(code)) return *member;
  std::vector<std::string_view> codes;
  for (const auto& member : spec.members) codes.push_back(member.code);
  throw UsageError(fmt::format("--restore: '{}' is not a member of alliance {} — {}", code, spec.id,
                               SuggestionHint(code, codes)));
}

// --plan entries: "COSTS" for every member, "CC=COSTS" for one (it wins
// over a plain entry); per member the costs file, "" for none.
std::vector<std::string> PlanFlags(const alliance::AllianceSpec& spec,
                                   const std::vector<std::string>& entries) {
  std::vector<std::string> per_member(spec.members.size());
  std::string every;
  std::vector<bool> named(spec.members.size(), false);
  for (const std::string& entry : entries) {
    const std::size_t equals = entry.find('=');
    // A path may hold '=', a member code never holds '/' or '.'.
    const bool member_entry = equals != std::string::npos && equals > 0 &&
                              entry.substr(0, equals).find_first_of("/.") == std::string::npos;
    if (!member_entry) {
      if (!every.empty()) {
        throw UsageError(fmt::format("--plan: '{}' and '{}' both name costs for every member — give "
                                     "one, and CC=COSTS for a member that differs", every, entry));
      }
      every = entry;
      continue;
    }
    const std::string code = entry.substr(0, equals);
    const auto member = spec.FindMember(code);
    if (!member) {
      std::vector<std::string_view> codes;
      for (const auto& candidate : spec.members) codes.push_back(candidate.code);
      throw UsageError(fmt::format("--plan: '{}' is not a member of alliance {} — {}", code, spec.id,
                                   SuggestionHint(code, codes)));
    }
    if (named[*member]) throw UsageError(fmt::format("--plan: member {} is given twice", code));
    if (equals + 1 == entry.size()) {
      throw UsageError(fmt::format("--plan: '{}' names no costs file — write {}=COSTS", entry, code));
    }
    named[*member] = true;
    per_member[*member] = entry.substr(equals + 1);
  }
  for (std::size_t member = 0; member < per_member.size(); ++member) {
    if (!named[member]) per_member[member] = every;
  }
  return per_member;
}

// The view from the members' signed postures, with no inventory loaded.
int RunFromPostures(const AllianceOptions& options) {
  if (!options.plans.empty()) {
    throw UsageError(
        "--plan needs inventories: a plan schedules swaps of the elements of each member's "
        "networks, which a posture does not hold — run it where the inventories are, or leave "
        "out --postures");
  }
  const char* needs = !options.timeline.empty() ? "--timeline"
                      : !options.what_if.empty() ? "--what-if"
                      : !options.restore.empty() ? "--restore"
                                                 : nullptr;
  if (needs != nullptr) {
    throw UsageError(fmt::format(
        "{} needs inventories: it re-assesses the networks on other dates or after changes, "
        "which a posture does not hold — run it where the inventories are, or leave out "
        "--postures", needs));
  }
  const Days flag = options.as_of.empty() ? kNoDate : ParseDateFlag(options.as_of, "--as-of");
  auto loaded = alliance::LoadPostureView(options.path, options.postures, flag,
                                          options.as_inventoried, options.allow_missing,
                                          options.input.ToInventoryOptions());
  PrintDiagnostics(loaded.diagnostics(), std::cerr);
  if (!loaded.ok()) return kExitBadInput;
  const alliance::PostureView& view = loaded.value();
  const alliance::AllianceModel& model = view.model;
  const alliance::PostureSet& postures = view.postures;
  const alliance::Assessment& assessment = view.assessment;
  const policy::JudgedDate& date = view.date;
  const auto& lags = view.lags;
  std::string content;
  if (options.format == OutputFormat::kJson) {
    auto document = policy::WithJudgedDate(alliance::AllianceDocument(model, assessment), date, lags);
    document["provenance"] = alliance::ProvenanceJson(model.spec, postures);
    content = JsonText(document);
  } else {
    content = policy::JudgedDateText(date, lags) + RenderAssessment(model, assessment, options.limit) +
              RenderProvenance(model, postures);
  }
  WriteOutput(options.output, content);
  return kExitOk;
}

int Run(const AllianceOptions& options) {
  if (!options.postures.empty()) return RunFromPostures(options);
  if (options.allow_missing) throw UsageError("--allow-missing goes with --postures DIR");
  const int modes = (options.timeline.empty() ? 0 : 1) + (options.what_if.empty() ? 0 : 1) +
                    (options.restore.empty() ? 0 : 1);
  if (modes > 1) throw UsageError("give at most one of --timeline, --what-if and --restore");
  if (!options.timeline.empty() && !options.as_of.empty()) {
    throw UsageError("--timeline sets its own dates; leave out --as-of");
  }
  auto spec = alliance::ReadAlliance(options.path);
  PrintDiagnostics(spec.diagnostics(), std::cerr);
  if (!spec.ok()) return kExitBadInput;
  if (options.as_inventoried) spec.value().assume_deadlines_met = false;
  auto loaded = alliance::LoadAllianceModel(spec.value(), options.input.ToInventoryOptions());
  PrintDiagnostics(loaded.diagnostics(), std::cerr);
  if (!loaded.ok()) return kExitBadInput;
  alliance::AllianceModel& model = loaded.value();
  if (!options.plans.empty()) {
    // Every plan starts on the inventories' date, the date judged on without
    // --as-of; a view on a later date takes the swaps planned by then.
    const Days start = policy::ChooseJudgedDate(kNoDate, model.networks, Today()).date;
    const std::vector<std::string> files = PlanFlags(model.spec, options.plans);
    std::map<std::string, plan::CostModel> costs;  // each file read once
    std::vector<const plan::CostModel*> per_member(files.size(), nullptr);
    for (std::size_t member = 0; member < files.size(); ++member) {
      if (files[member].empty()) continue;
      auto found = costs.find(files[member]);
      if (found == costs.end()) {
        auto read = plan::ReadCosts(files[member]);
        PrintDiagnostics(read.diagnostics(), std::cerr);
        if (!read.ok()) return kExitBadInput;
        found = costs.emplace(files[member], std::move(read).value()).first;
      }
      per_member[member] = &found->second;
    }
    if (isatty(STDERR_FILENO) != 0) std::cerr << "planning each member's swaps…\n";
    auto plans = alliance::PlanMembers(model, per_member, start);
    PrintDiagnostics(plans.diagnostics(), std::cerr);
    if (!plans.ok()) return kExitBadInput;
    model.plans = std::move(plans).value();
  }

  // The one date rule (policy/judged_date.hpp), and the inventories older than it.
  const policy::JudgedDate date = policy::ChooseJudgedDate(
      options.as_of.empty() ? kNoDate : ParseDateFlag(options.as_of, "--as-of"), model.networks,
      Today());
  const Days as_of = date.date;
  std::vector<policy::InventoryLag> lags;
  for (std::size_t network_index = 0; network_index < model.networks.size(); ++network_index) {
    const std::size_t member = model.network_member[network_index];
    const policy::Standard* standards[] = {model.baseline.get(), model.standards[member].get()};
    if (auto lag = policy::LagOf(model.networks[network_index], standards, as_of)) {
      lags.push_back(std::move(*lag));
    }
  }
  {
    // Suppliers nobody assessed, which the baseline's definition (posture, sharing) leaves trusted.
    Diagnostics unassessed;
    const policy::Standard& baseline = *model.baseline;
    const std::string definition = fmt::format(
        "the baseline {} (untrusted: {})", baseline.id,
        baseline.untrusted ? policy::Describe(*baseline.untrusted) : std::string("nothing"));
    for (const Network& network : model.networks) {
      const auto mask =
          policy::UntrustedMask(baseline.untrusted ? &*baseline.untrusted : nullptr, network);
      WarnUnassessedTrusted(network, CountUnassessedTrusted(network, mask), definition, unassessed);
    }
    PrintDiagnostics(unassessed, std::cerr);
  }
  auto dated = [&](const nlohmann::ordered_json& document) {
    return JsonText(policy::WithJudgedDate(document, date, lags));
  };
  const std::string dated_text = policy::JudgedDateText(date, lags);
  ExposureCache cache;
  alliance::AssessOptions assess;
  assess.as_of = as_of;
  assess.cache = &cache;
  const bool progress = isatty(STDERR_FILENO) != 0;
  const bool json = options.format == OutputFormat::kJson;

  if (!options.timeline.empty()) {
    const auto [from, to] = ParseDateSpan(options.timeline, "--timeline");
    if (progress) std::cerr << "assessing the alliance on each rule date…\n";
    const auto steps = alliance::AllianceTimeline(model, from, to, assess);
    std::string content;
    if (json) {
      auto document = alliance::AllianceDocument(model, steps.back().assessment);
      alliance::AddTimeline(document, model, steps);
      content = JsonText(document);
    } else {
      content = RenderTimeline(model, steps, to, options.limit);
    }
    WriteOutput(options.output, content);
    return kExitOk;
  }

  if (!options.restore.empty()) {
    const std::size_t provider = MemberFlag(model.spec, options.restore[0]);
    const std::size_t recipient = MemberFlag(model.spec, options.restore[1]);
    if (provider == recipient) throw UsageError("--restore: provider and recipient are the same member");
    const auto level = model.spec.FindLevel(options.restore[2]);
    if (!level) {
      std::vector<std::string_view> names(model.spec.levels.begin(), model.spec.levels.end());
      throw UsageError(fmt::format("--restore: '{}' is not a level of alliance {} — {}",
                                   options.restore[2], model.spec.id,
                                   SuggestionHint(options.restore[2], names)));
    }
    const auto plan = alliance::Restore(model, provider, recipient, *level, assess);
    std::string content;
    if (json) {
      auto document = alliance::AllianceDocument(model, plan.before);
      alliance::AddRestore(document, model, plan);
      content = dated(document);
    } else {
      content = dated_text + RenderRestore(model, plan, options.limit);
    }
    WriteOutput(options.output, content);
    return plan.restored ? kExitOk : kExitFindings;
  }

  const alliance::Assessment before = alliance::Assess(model, assess);
  if (!options.what_if.empty()) {
    auto changes = alliance::ReadChanges(options.what_if, model.spec);
    PrintDiagnostics(changes.diagnostics(), std::cerr);
    if (!changes.ok()) return kExitBadInput;
    alliance::AllianceModel changed = model;
    auto applied = alliance::ApplyChanges(changed, changes.value());
    PrintDiagnostics(applied.diagnostics(), std::cerr);
    if (!applied.ok()) return kExitBadInput;
    const alliance::Assessment after = alliance::Assess(changed, assess);
    const auto moves = alliance::CompareCells(before, after);
    bool degraded = false;
    for (const auto& move : moves) degraded = degraded || !move.Up();
    std::string content;
    if (json) {
      auto document = alliance::AllianceDocument(model, before);
      alliance::AddWhatIf(document, changed, applied.value(), after, moves);
      content = dated(document);
    } else {
      content = dated_text + fmt::format("what-if {}{}\n", options.what_if,
                            changes.value().title.empty() ? "" : " — " + changes.value().title);
      for (const std::string& line : applied.value()) content += fmt::format("  {}\n", line);
      content += fmt::format("\nbefore ({})\n{}", FormatIsoDate(as_of), RenderSharingMatrix(model, before));
      content += fmt::format("\nafter\n{}", RenderSharingMatrix(changed, after));
      content += "\ncells that moved\n" + RenderMoves(model, moves);
      // What holds each moved cell down after the change (none left for a cell restored in full).
      for (const auto& move : moves) {
        content += RenderCellReasons(changed, after.At(move.provider, move.recipient), options.limit);
      }
    }
    WriteOutput(options.output, content);
    return degraded ? kExitFindings : kExitOk;
  }

  const std::string content = json ? dated(alliance::AllianceDocument(model, before))
                                   : dated_text + RenderAssessment(model, before, options.limit);
  WriteOutput(options.output, content);
  return kExitOk;
}

}  // namespace

CommandRunner SetupAlliance(CLI::App& command) {
  auto options = std::make_shared<AllianceOptions>();
  command.add_option("file", options->path, "Alliance file (redoubt/alliance@1)")->required();
  command.add_option("--as-of", options->as_of,
                     "Judge on this date (YYYY-MM-DD); default: the latest as_of of the members' "
                     "inventories, else today (the same rule in every command)");
  command.add_option("--timeline", options->timeline,
                     "FROM..TO: the matrix on FROM and on every later date a rule starts or stops "
                     "binding, with the cells that move");
  command.add_option("--what-if", options->what_if,
                     "Apply a change file (redoubt/alliance-change@1) and show the matrix before "
                     "and after");
  command.add_option("--restore", options->restore,
                     "PROVIDER RECIPIENT LEVEL: the fewest elements to replace so that the cell "
                     "reaches LEVEL")
      ->expected(3);
  command.add_option("--plan", options->plans,
                     "COSTS or CC=COSTS (may repeat): judge a member by its rip-and-replace plan "
                     "(as `redoubt plan` makes it from the member's networks, its own standard and "
                     "this redoubt/costs@1 file) instead of assuming its deadlines met: on each date "
                     "the elements swapped by then are replaced, late swaps stay until their night. "
                     "COSTS alone: every member; CC=COSTS: member CC")
      ->type_name("COSTS");
  command.add_flag("--as-inventoried", options->as_inventoried,
                   "Do not assume members meet their own future deadlines");
  command.add_option("--postures", options->postures,
                     "DIR: build the view from the members' signed postures (redoubt posture) in "
                     "DIR, loading no inventory; each is checked against the member's key in the "
                     "alliance file")
      ->type_name("DIR");
  command.add_flag("--allow-missing", options->allow_missing,
                   "With --postures: a member without a posture is marked 'no valid posture' and "
                   "its cells are none (a bad posture still fails the run)");
  command.add_option("--limit", options->limit,
                     "Evidence lines shown per condition in text output (0: all; default 5)");
  options->input.AddTo(command);
  AddFormatOption(command, options->format);
  command.add_option("-o,--output", options->output, "Write the result here instead of stdout");
  command.footer(fmt::format(
      "Divergence: {}\n"
      "Sharing: provider P shares level L with recipient R when every condition of the "
      "alliance-wide rules and of P's own rules at L and at every lower level holds for R.\n"
      "Host networks: R's classified services on another member's network are judged apart "
      "from R's own, as the alliance's host_networks says for the level (espionage: routes "
      "free of untrusted equipment; sabotage: up without it; none), and shown as host-nation "
      "exposure.\n"
      "JSON output is a redoubt/alliance-assessment@1 document; it and the text name the date\n"
      "judged on (as_of, as_of_source) and each inventory older than it, with the deadlines\n"
      "that fell due in between (inventory_predates).\n"
      "With --postures DIR the view is built from the members' signed postures alone (no "
      "inventory is read): every posture must verify against its member's key, be for this "
      "alliance, dated on or before the assessment date and at most max_age_days before it; "
      "one bad posture fails the run (exit 2). --plan, --timeline, --what-if and --restore need "
      "inventories.\n"
      "With --plan the plans start on the inventories' date; --timeline then also assesses the "
      "nights on which planned swaps move a cell, and the JSON records each member's plan "
      "(method.plans: costs file, method, late swaps, lateness).\n"
      "Exit codes: 0 ok, 1 a what-if degrades a cell or --restore cannot lift it, 2 bad input.\n"
      "Example: redoubt alliance data/samples/allies/alliance.yaml --timeline 2019-07-01..2030-12-31",
      alliance::DivergenceFormula()));
  return [options] { return Run(*options); };
}

}  // namespace redoubt::cli
