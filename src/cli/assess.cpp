// redoubt assess [ALLIANCE.yaml] -o DIR — the whole picture in one run: check,
// expose, the bundled scenarios of simulate and the alliance view, written as
// DIR/assessment.json, DIR/report.html and DIR/sites.geojson.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "assess/assess.hpp"
#include "cli/standard_options.hpp"
#include "cli/common.hpp"
#include "dist/communicator.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/output_file.hpp"
#include "report/html_report.hpp"

namespace redoubt::cli {

namespace {

struct AssessCliOptions {
  std::string alliance;
  std::string output = "assessment";
  std::vector<std::string> scenarios;
  std::string as_of;
  std::uint64_t seed = 1;
  std::optional<std::uint32_t> trials;
  std::string sharing_timeline;
  std::string postures;
  bool allow_missing = false;
  bool seed_given = false;
  std::string costs;
  bool quiet = false;
  InputOptions input;
  std::vector<std::string> argv;
};

std::vector<std::string> BundledScenarios() {
  std::vector<std::string> paths;
  const std::filesystem::path folder = DataPath("scenarios");
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    const std::string name = entry.path().string();
    if (name.ends_with(".yaml") || name.ends_with(".yml")) paths.push_back(name);
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

int Run(const AssessCliOptions& options) {
  if (options.postures.empty()) {
    if (options.allow_missing) throw UsageError("--allow-missing goes with --postures DIR");
  } else {
    const char* needs = !options.scenarios.empty()         ? "--scenario"
                        : options.trials                   ? "--trials"
                        : options.seed_given               ? "--seed"
                        : !options.sharing_timeline.empty() ? "--sharing-timeline"
                        : !options.costs.empty()            ? "--costs"
                                                            : nullptr;
    if (needs != nullptr) {
      throw UsageError(fmt::format(
          "{} needs inventories: it simulates or re-assesses the networks, which a posture does "
          "not hold \u2014 run it where the inventories are, or leave out --postures", needs));
    }
  }
  const Communicator& world = Communicator::World();
  // Every rank reads the inputs and runs its share of the trials; only rank 0 speaks and writes.
  NullStream quiet;
  std::optional<StreamRedirect> silence;
  if (world.Rank() != 0) silence.emplace(std::cerr, quiet);
  AssessInputs inputs;
  inputs.world = &world;
  inputs.alliance =
      options.alliance.empty() ? DataPath("samples/allies/alliance.yaml") : options.alliance;
  inputs.scenarios = options.scenarios.empty() ? BundledScenarios() : options.scenarios;
  if (options.as_of.empty()) {
    inputs.as_of = kNoDate;  // the library applies the one date rule
  } else if (auto date = ParseIsoDate(options.as_of)) {
    inputs.as_of = *date;
  } else {
    std::cerr << fmt::format("redoubt assess: error: --as-of '{}' is not a date \u2014 write "
                             "YYYY-MM-DD, such as 2024-06-01\n",
                             options.as_of);
    return kExitBadInput;
  }
  inputs.seed = options.seed;
  inputs.trials = options.trials;
  if (!options.sharing_timeline.empty()) {
    std::tie(inputs.sharing_from, inputs.sharing_to) =
        ParseDateSpan(options.sharing_timeline, "--sharing-timeline");
  }
  inputs.postures = options.postures;
  inputs.allow_missing = options.allow_missing;
  inputs.inventory = options.input.ToInventoryOptions();
  inputs.threads = static_cast<unsigned>(options.input.threads);
  // The command that reproduces this run; RunAssessment adds the date judged on.
  inputs.command =
      options.postures.empty()
          ? fmt::format("redoubt assess {} --seed {}{}", inputs.alliance, inputs.seed,
                        inputs.trials ? fmt::format(" --trials {}", *inputs.trials) : "")
          : fmt::format("redoubt assess {} --postures {}{}", inputs.alliance, options.postures,
                        options.allow_missing ? " --allow-missing" : "");
  // Scenarios given by hand are part of the run (the default is every bundled one).
  for (const std::string& path : options.scenarios) inputs.command += " --scenario " + path;
  if (!options.sharing_timeline.empty()) {
    inputs.command += " --sharing-timeline " + options.sharing_timeline;
  }
  inputs.costs = options.costs;
  if (!options.costs.empty()) inputs.command += " --costs " + options.costs;

  const bool show_progress = !options.quiet && ::isatty(STDERR_FILENO) != 0;
  const auto start = std::chrono::steady_clock::now();
  auto progress = [&](const std::string& step) {
    if (!show_progress) return;
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << fmt::format("\r\033[K[{:5.1f}s] {}", seconds, step) << std::flush;
  };
  InterruptScope interrupt_scope(world.Distributed());
  inputs.stop = &g_interrupted;
  auto run = RunAssessment(inputs, progress);
  if (world.Rank() != 0) return run.ok() ? kExitOk : kExitBadInput;
  if (show_progress) std::cerr << "\r\033[K" << std::flush;
  PrintDiagnostics(run.diagnostics(), std::cerr);
  if (!run.ok()) return kExitBadInput;
  // An assessment is read as a whole: one with scenarios cut short would look
  // like a complete one in the report, so an interrupted run writes nothing.
  if (g_interrupted.load() || run.value().partial) {
    std::cerr << fmt::format("redoubt assess: interrupted; nothing written, and {} is as it was "
                             "\u2014 run it again to completion\n",
                             options.output);
    return kExitInterrupted;
  }
  const AssessOutputs& outputs = run.value();

  const std::string html = RenderReportHtml(outputs.assessment, LoadReportAssets(ReportAssetsDir()));
  const std::string folder = options.output;
  // One set: a reader sees the previous three files or these three, never a mix.
  // Each file is streamed from its document: at national scale the
  // assessment's text alone is hundreds of MB.
  WriteFileSetAtomically(
      folder, {{"assessment.json", [&](OutputFile& out) { WriteJsonText(out, outputs.assessment); }},
               {"sites.geojson", [&](OutputFile& out) { WriteJsonText(out, outputs.sites, 1); }},
               {"report.html", [&](OutputFile& out) { out.Write(html); }}});
  std::cout << outputs.summary << fmt::format("\nwrote {0}/report.html, {0}/assessment.json, "
                                              "{0}/sites.geojson\n",
                                              folder);
  return kExitOk;
}

}  // namespace

CommandRunner SetupAssess(CLI::App& command) {
  auto options = std::make_shared<AssessCliOptions>();
  command.add_option("alliance", options->alliance,
                     "Alliance file (default: the bundled data/samples/allies/alliance.yaml)");
  command.add_option("-o,--output", options->output, "Folder to write the results to")
      ->capture_default_str();
  command.add_option("--scenario", options->scenarios,
                     "Scenario file; may repeat (default: every data/scenarios/*.yaml)");
  command.add_option("--as-of", options->as_of,
                     "Date to judge on, YYYY-MM-DD (default: the latest as_of of the members' "
                     "inventories, else today: the same rule in every command)");
  command.add_option("--seed", options->seed, "Seed of the Monte Carlo trials")
      ->check(SeedValidator())
      ->capture_default_str()
      ->each([options](const std::string&) { options->seed_given = true; });
  command.add_option("--trials", options->trials,
                     "Trials per scenario (default: each scenario's own, at most 200)")
      ->check(CLI::Range(1U, 1000000U));
  command.add_option("--sharing-timeline", options->sharing_timeline,
                     "FROM..TO: add the sharing matrix on FROM and on every later rule date, with "
                     "the cause of each move, to the assessment and the report (as `alliance "
                     "--timeline` computes it)");
  command.add_option("--postures", options->postures,
                     "DIR: assess from the members' signed postures (redoubt posture) in DIR, "
                     "reading no inventory: the alliance view, its provenance and the headline "
                     "figures the postures state")
      ->type_name("DIR");
  command.add_flag("--allow-missing", options->allow_missing,
                   "With --postures: a member without a posture is marked 'no valid posture' and "
                   "its cells are none (a bad posture still fails the run)");
  command.add_option("--costs", options->costs,
                     "COSTS: add each member's rip-and-replace plan from the date judged on (the "
                     "document `redoubt plan --as-of DATE` writes, with this redoubt/costs@1 file), "
                     "and judge the sharing timeline by it (as `alliance --timeline --plan`)")
      ->type_name("COSTS");
  command.add_flag("-q,--quiet", options->quiet, "No progress on the terminal");
  options->input.AddTo(command);
  command.footer(
      "Writes DIR/assessment.json (redoubt/assessment@1), DIR/report.html (self-contained,\n"
      "works offline) and DIR/sites.geojson. The assessment records the command that\n"
      "reproduces it, with the date judged on made explicit (JSON: as_of, as_of_source, and\n"
      "inventory_predates for inventories older than it, with the deadlines in between).\n"
      "The three files are written as one set (into a temporary folder renamed into place):\n"
      "a reader sees the previous set or the new one, never a mix. DIR must be new, empty or\n"
      "an earlier output of assess. Ctrl-C stops the run: no partial assessment is written\n"
      "and DIR is left as it was.\n"
      "With --postures DIR the assessment is made from signed postures alone, checked as\n"
      "`alliance --postures` checks them; its report lists each posture (member, date, key\n"
      "fingerprint, disclosure) and says which parts need the inventories.\n"
      "Exit codes: 0 done, 2 bad input, 3 environment error, 130 interrupted.\n"
      "Under `mpirun -np N` (Open MPI; as root add --allow-run-as-root) every scenario's trials\n"
      "are shared out over the N ranks and rank 0 writes the same files as one process would.");
  return [options] { return Run(*options); };
}

}  // namespace redoubt::cli
