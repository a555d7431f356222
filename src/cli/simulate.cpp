// redoubt simulate INVENTORY... --scenario FILE — Monte Carlo resilience:
// how much critical service a hazard takes down and how fast recovery brings
// it back, per sector, with bands and confidence intervals; or, with
// --percolation, the service level against the share of elements failed.
//
// Ctrl-C (or SIGUSR1) stops the run cleanly: trials in flight finish, the output holds the
// completed trials marked "partial": true, and the exit code is 130.
#include <fmt/format.h>
#include <unistd.h>

#include <charconv>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/common.hpp"
#include "core/error.hpp"
#include "core/hash.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"
#include "dist/communicator.hpp"
#include "dist/distributed_trials.hpp"
#include "sim/metrics.hpp"
#include "sim/percolation.hpp"
#include "sim/resilience_json.hpp"
#include "sim/resilience_part.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"

namespace redoubt::cli {

namespace {

struct SimulateOptions {
  std::vector<std::string> paths;
  InputOptions input;
  std::string scenario;
  std::optional<std::uint32_t> trials;
  std::optional<std::uint64_t> seed;
  OutputFormat format = OutputFormat::kText;
  std::string output;
  bool percolation = false;
  std::uint32_t points = 101;
  std::size_t top = 10;
  bool quiet = false;
  std::string shard;  // "I/N": run shard I of N and write a part document
};

// "I/N" with 1 ≤ I ≤ N; nullopt when malformed.
std::optional<std::pair<std::uint32_t, std::uint32_t>> ParseShard(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  std::uint32_t index = 0;
  std::uint32_t count = 0;
  const char* begin = text.data();
  const char* end = begin + text.size();
  auto [at, error] = std::from_chars(begin, begin + slash, index);
  if (error != std::errc() || at != begin + slash) return std::nullopt;
  auto [tail, error2] = std::from_chars(begin + slash + 1, end, count);
  if (error2 != std::errc() || tail != end) return std::nullopt;
  if (count == 0 || index == 0 || index > count) return std::nullopt;
  return std::pair{index, count};
}

PartInput Input(const std::string& path) {
  return {std::filesystem::absolute(path).lexically_normal().string(), FileContentHash(path)};
}

// A progress bar on stderr when it is a terminal; nothing otherwise.
std::function<void(std::uint32_t, std::uint32_t)> ProgressBar(const SimulateOptions& options,
                                                              std::string label) {
  if (options.quiet || isatty(STDERR_FILENO) == 0) return nullptr;
  return [label = std::move(label)](std::uint32_t done, std::uint32_t total) {
    constexpr int kWidth = 30;
    const int filled =
        total == 0 ? kWidth : static_cast<int>(static_cast<std::uint64_t>(done) * kWidth / total);
    std::cerr << fmt::format(
                     "\r{} [{}{}] {}/{}", label, std::string(static_cast<std::size_t>(filled), '#'),
                     std::string(static_cast<std::size_t>(kWidth - filled), '.'), done, total)
              << (done >= total || g_interrupted.load() ? "\n" : "") << std::flush;
  };
}

std::string Percent(double share) { return fmt::format("{:.1f}%", 100.0 * share); }

std::string Hours(const Estimate& estimate) {
  return fmt::format("{:.1f}{}", estimate.mean, estimate.censored > 0 ? "+" : "");
}

std::string RenderRun(const PreparedRun& run, const RunResults& results,
                      const ResilienceSummary& summary, std::size_t top) {
  const Network& network = *run.net.network;
  std::string out = fmt::format(
      "network {}: {} elements, {} links, {} services followed, {} trials{}\n", network.info.id,
      network.elements.size(), network.links.size(), run.series.services.size(), results.completed,
      results.partial ? " (partial: interrupted)" : "");
  for (const std::string& note : run.notes) out += fmt::format("  note: {}\n", note);
  if (!run.down_at_start.empty()) {
    out += fmt::format("  note: {} service(s) already down before the hazard are left out\n",
                       run.down_at_start.size());
  }
  out += fmt::format("\n  {:<14} {:>8} {:>10}  {:>22}  {:>9}  {:>8} {:>8} {:>8}\n", "series",
                     "services", "weight", "loss (level-hours) CI95", "min level", "to 90%",
                     "to 95%", "to 100%");
  for (const SeriesSummary& series : summary.series) {
    out += fmt::format("  {:<14} {:>8} {:>10g}  {:>22}  {:>9}  {:>8} {:>8} {:>8}\n", series.name,
                       series.services, series.weight,
                       fmt::format("{:.2f} [{:.2f}, {:.2f}]", series.loss_hours.mean,
                                   series.loss_hours.ci_low, series.loss_hours.ci_high),
                       Percent(series.min_level.mean), Hours(series.recover_90_hours),
                       Hours(series.recover_95_hours), Hours(series.recover_100_hours));
  }
  out +=
      "  (times in hours, means over trials; + : some trials had not recovered by the horizon)\n";
  if (!summary.series.empty()) {
    const SeriesSummary& all = summary.series.front();
    out += "\n  share of weight up (all services): mean [p5, p95]\n";
    const std::uint32_t count = run.grid.count;
    const std::uint32_t step = std::max(1U, (count - 1) / 10);
    for (std::uint32_t checkpoint = 0; checkpoint < count; checkpoint += step) {
      out += fmt::format("    t = {:>8.1f} h  {:>7} [{}, {}]\n", run.grid.At(checkpoint),
                         Percent(all.weight_level.mean[checkpoint]),
                         Percent(all.weight_level.p5[checkpoint]),
                         Percent(all.weight_level.p95[checkpoint]));
    }
  }
  if (!summary.services.empty()) {
    out += "\n  services hurt most (share of trials down at some checkpoint, mean hours down)\n";
    for (std::size_t index = 0; index < std::min(top, summary.services.size()); ++index) {
      const ServiceHurt& hurt = summary.services[index];
      const Service& service = network.services[hurt.service];
      out +=
          fmt::format("    {:<32} {:<13} {:>7} [{}, {}]  {:>8.1f} h\n", network.Str(service.id),
                      Name(service.sector), Percent(hurt.down_share), Percent(hurt.down_share_low),
                      Percent(hurt.down_share_high), hurt.mean_down_hours);
    }
  }
  if (!summary.regions.empty()) {
    out += "\n  regions hurt most (share of trials hurt, mean weight-hours lost)\n";
    for (std::size_t index = 0; index < std::min(top, summary.regions.size()); ++index) {
      const RegionHurt& hurt = summary.regions[index];
      out += fmt::format("    {:<32} {:>7}  {:>12.1f}\n",
                         hurt.region.empty() ? "(unknown)" : hurt.region, Percent(hurt.hurt_share),
                         hurt.weight_hours_lost.mean);
    }
  }
  return out;
}

std::string RenderPercolation(const Network& network, const PercolationResult& result) {
  std::string out =
      fmt::format("network {}: percolation over {} random orderings{}\n", network.info.id,
                  result.completed, result.partial ? " (partial: interrupted)" : "");
  out +=
      fmt::format("  {:>8}  {:>22}  {:>22}\n", "failed", "giant component", "weight up (p5-p95)");
  const std::size_t step = std::max<std::size_t>(1, (result.fraction_failed.size() - 1) / 10);
  for (std::size_t point = 0; point < result.fraction_failed.size(); point += step) {
    out += fmt::format("  {:>8}  {:>22}  {:>22}\n", Percent(result.fraction_failed[point]),
                       Percent(result.giant_share.mean[point]),
                       fmt::format("{} ({}-{})", Percent(result.weight_level.mean[point]),
                                   Percent(result.weight_level.p5[point]),
                                   Percent(result.weight_level.p95[point])));
  }
  return out;
}

int Run(const SimulateOptions& options) {
  const Communicator& world = Communicator::World();
  InterruptScope interrupt_scope(world.Distributed());
  // Every rank reads the inputs itself; only rank 0 speaks and writes.
  NullStream quiet;
  std::optional<StreamRedirect> silence;
  if (world.Rank() != 0) silence.emplace(std::cerr, quiet);

  std::optional<Scenario> scenario;
  if (!options.scenario.empty()) {
    auto loaded = LoadScenario(options.scenario);
    PrintDiagnostics(loaded.diagnostics(), std::cerr);
    if (!loaded.ok()) return kExitBadInput;
    scenario = std::move(loaded).value();
  } else if (!options.percolation) {
    std::cerr << "redoubt simulate: error: no scenario \u2014 give --scenario FILE (see "
                 "data/scenarios/), "
                 "or --percolation\n";
    return kExitBadInput;
  }
  std::optional<std::pair<std::uint32_t, std::uint32_t>> shard;
  if (!options.shard.empty() && world.Distributed()) {
    std::cerr << "redoubt simulate: error: --shard and mpirun both split the trials: use one\n";
    return kExitBadInput;
  }
  if (!options.shard.empty()) {
    shard = ParseShard(options.shard);
    if (!shard) {
      std::cerr << fmt::format(
          "redoubt simulate: error: --shard '{}' must be I/N with 1 \u2264 I \u2264 N, e.g. "
          "--shard 2/4\n",
          options.shard);
      return kExitBadInput;
    }
    if (options.percolation || options.output.empty() || options.output == "-") {
      std::cerr << "redoubt simulate: error: --shard writes a part document for redoubt merge: "
                   "give a scenario and -o part-I.json (not --percolation)\n";
      return kExitBadInput;
    }
    // Each part names its inputs by content hash and merge reads them again: a
    // pipe or FIFO can be read only once.
    std::vector<std::string> inputs = options.paths;
    inputs.push_back(options.scenario);
    inputs.insert(inputs.end(), options.input.vendor_registers.begin(),
                  options.input.vendor_registers.end());
    bool streams = false;
    for (const std::string& path : inputs) {
      std::error_code error;
      if (std::filesystem::exists(path, error) && !std::filesystem::is_regular_file(path, error)) {
        std::cerr << fmt::format(
            "redoubt simulate: error: --shard needs its inputs as files, and '{}' is a pipe or "
            "device — save it to a file first: each part names its inputs by content hash, and "
            "redoubt merge reads them again to check that they did not change\n",
            EscapeControlCharacters(path));
        streams = true;
      }
    }
    if (streams) return kExitBadInput;
  }
  auto networks = LoadNetworks(options.paths, options.input);
  if (!networks) return kExitBadInput;
  if (scenario) {
    const Diagnostics vendors = CheckHazardVendors(*scenario, *networks);
    PrintDiagnostics(vendors, std::cerr);
    if (vendors.HasErrors()) return kExitBadInput;
  }

  RunHeader header;
  header.seed = options.seed.value_or(scenario && !options.percolation ? scenario->seed : 1);
  header.trials =
      options.trials.value_or(scenario && !options.percolation ? scenario->trials : 100);
  header.completed = header.trials;
  std::vector<nlohmann::ordered_json> documents;
  std::vector<nlohmann::ordered_json> parts;  // --shard
  std::string text;
  if (options.percolation) {
    header.scenario = nullptr;
    for (const Network& network : *networks) {
      PercolationOptions percolation{.orderings = header.trials,
                                     .seed = header.seed,
                                     .points = options.points,
                                     .threads = static_cast<unsigned>(options.input.threads),
                                     .stop = &g_interrupted};
      const PercolationResult result = RunPercolation(network, percolation);
      header.completed = std::min(header.completed, result.completed);
      header.partial = header.partial || result.partial;
      documents.push_back(PercolationNetworkJson(network, result));
      text += (text.empty() ? "" : "\n") + RenderPercolation(network, result);
      if (g_interrupted.load()) break;
    }
  } else {
    scenario->document["trials"] = header.trials;
    scenario->document["seed"] = header.seed;
    header.scenario = scenario->document;
    text = fmt::format("scenario {}{} (seed {}, {} trials, horizon {:g} h, {} checkpoints)\n\n",
                       scenario->id, scenario->title.empty() ? "" : " \u2014 " + scenario->title,
                       header.seed, header.trials, scenario->horizon_hours, scenario->checkpoints);
    const TrialRange range =
        shard ? ShardRange(header.trials, shard->first - 1, shard->second) : TrialRange{};
    for (const Network& network : *networks) {
      auto run = PrepareRun(network, *scenario, {.seed = header.seed, .trials = header.trials});
      RunControl control{
          .range = range,
          .threads = static_cast<unsigned>(options.input.threads),
          .stop = &g_interrupted,
          .progress = world.Rank() == 0
                          ? ProgressBar(options, fmt::format("simulate {}", network.info.id))
                          : nullptr};
      const RunResults results = RunTrialsAcrossRanks(*run, control, world);
      if (world.Rank() != 0) continue;
      if (shard) {
        header.partial = header.partial || results.partial;
        parts.push_back(ResiliencePartNetworkJson(*run, results));
        if (g_interrupted.load()) break;
        continue;
      }
      const ResilienceSummary summary = Summarize(*run, results, options.top);
      header.completed = std::min(header.completed, results.completed);
      header.partial = header.partial || results.partial;
      documents.push_back(ResilienceNetworkJson(*run, results, summary));
      text += RenderRun(*run, results, summary, options.top) + "\n";
      if (g_interrupted.load()) break;
    }
  }
  if (shard) {
    PartHeader part;
    for (const std::string& path : options.paths) part.inventories.push_back(Input(path));
    part.bundled_vendors = !options.input.no_bundled_vendors;
    if (part.bundled_vendors) part.vendor_registers.push_back(Input(DataPath("vendors.yaml")));
    for (const std::string& path : options.input.vendor_registers)
      part.vendor_registers.push_back(Input(path));
    part.scenario = Input(options.scenario);
    part.scenario_document = header.scenario;
    part.seed = header.seed;
    part.trials = header.trials;
    part.shard = shard->first;
    part.shards = shard->second;
    part.range = ShardRange(header.trials, shard->first - 1, shard->second);
    part.partial = header.partial || parts.size() < networks->size();
    part.top = static_cast<std::uint32_t>(std::min<std::size_t>(options.top, UINT32_MAX));
    WriteOutput(options.output, ResiliencePartDocument(part, std::move(parts)).dump() + "\n");
    if (part.partial) {
      std::cerr << "redoubt simulate: interrupted; the part is marked partial\n";
      return kExitInterrupted;
    }
    return kExitOk;
  }
  if (world.Rank() != 0) return kExitOk;
  header.partial = header.partial || documents.size() < networks->size();
  if (options.format == OutputFormat::kJson) {
    WriteOutput(options.output, JsonText(ResilienceDocument(header, std::move(documents))));
  } else {
    WriteOutput(options.output, text);
  }
  if (header.partial) {
    std::cerr << fmt::format(
        "redoubt simulate: interrupted after {} of {} trials; the results are partial\n",
        header.completed, header.trials);
    return kExitInterrupted;
  }
  return kExitOk;
}

}  // namespace

CommandRunner SetupSimulate(CLI::App& command) {
  auto options = std::make_shared<SimulateOptions>();
  command.add_option("files", options->paths, "Inventory files (JSON or YAML)")->required();
  options->input.AddTo(command);
  command.add_option("--scenario", options->scenario, "Scenario file (redoubt/scenario@1)")
      ->check(CLI::ExistingFile);
  command
      .add_option("--trials", options->trials,
                  "Trials (default: the scenario's; percolation: orderings, 100)")
      ->check(CLI::Range(1U, 1000000000U));
  command.add_option("--seed", options->seed, "Seed (default: the scenario's)")
      ->check(SeedValidator());
  AddFormatOption(command, options->format);
  command.add_option("-o,--output", options->output, "Write the result here instead of stdout");
  command.add_flag("--percolation", options->percolation,
                   "Service level against the share of elements failed at random (Newman-Ziff)");
  command.add_option("--points", options->points, "Percolation: points on the curve (default 101)")
      ->check(CLI::Range(2U, 100000U));
  command.add_option("--top", options->top, "Services and regions to list (default 10)");
  command.add_flag("-q,--quiet", options->quiet, "No progress bar");
  command.add_option("--shard", options->shard,
                     "Run only shard I of N of the trials and write a redoubt/resilience-part@1 "
                     "document to -o; `redoubt merge` joins the parts (see docs/sharding.md)");
  command.footer(
      "JSON output is a redoubt/resilience@1 document with the seed, the trials and the scenario, "
      "so a run can be reproduced. Results do not depend on --threads. Ctrl-C stops cleanly: "
      "the completed trials are reported as partial and the exit code is 130.\n\n"
      "Past one machine: `mpirun -np N redoubt simulate ...` (Open MPI) shares the trials of each "
      "network out over N ranks; each rank reads the inputs itself, rank 0 gathers the trials, "
      "writes the output and shows progress, and the output is the same bytes as one process. "
      "As root, Open MPI needs `mpirun --allow-run-as-root`. To stop a distributed run cleanly, "
      "send SIGUSR1 to mpirun (`kill -USR1 PID`): it passes the signal to every rank, they stop "
      "after their current trial, rank 0 writes the partial result and mpirun exits 130. Ctrl-C "
      "also stops the ranks and rank 0 writes the partial result, but mpirun exits 1 (its own "
      "code) and kills the ranks one second after passing it on (Open MPI's "
      "odls_base_sigkill_timeout), so on large networks a partial result needs a longer grace: "
      "`mpirun --mca odls_base_sigkill_timeout 60 ...`. "
      "SIGUSR1 stops a local or --shard run the same way, for batch schedulers' warnings "
      "(Slurm's --signal=USR1@60). Without mpirun, redoubt does not "
      "start MPI at all. For batch schedulers without MPI, see --shard and `redoubt merge`.");
  return [options] { return Run(*options); };
}

}  // namespace redoubt::cli
