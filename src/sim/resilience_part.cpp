#include "sim/resilience_part.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/error.hpp"
#include "core/hash.hpp"
#include "core/paths.hpp"
#include "io/inventory_reader.hpp"
#include "sim/metrics.hpp"
#include "sim/resilience_json.hpp"
#include "sim/scenario.hpp"

namespace redoubt {

namespace {

using Json = nlohmann::ordered_json;

Json InputJson(const PartInput& input) { return {{"path", input.path}, {"hash", input.hash}}; }

// Typed access that records the first problem instead of throwing.
class Reader {
 public:
  explicit Reader(std::string& problem) : problem_(problem) {}

  const Json* Field(const Json& object, const char* key, const char* where) {
    if (!object.is_object() || !object.contains(key)) {
      Fail(fmt::format("{} has no '{}'", where, key));
      return nullptr;
    }
    return &object[key];
  }
  template <typename T>
  T Get(const Json& object, const char* key, const char* where) {
    const Json* value = Field(object, key, where);
    if (value == nullptr) return T{};
    try {
      return value->get<T>();
    } catch (const nlohmann::json::exception&) {
      Fail(fmt::format("'{}' of {} has the wrong type", key, where));
      return T{};
    }
  }
  PartInput Input(const Json& object, const char* where) {
    return {Get<std::string>(object, "path", where), Get<std::string>(object, "hash", where)};
  }
  void Fail(std::string problem) {
    if (problem_.empty()) problem_ = std::move(problem);
  }
  [[nodiscard]] bool ok() const { return problem_.empty(); }

 private:
  std::string& problem_;
};

}  // namespace

Json ResiliencePartNetworkJson(const PreparedRun& run, const RunResults& results) {
  Json trials = Json::array();
  for (const TrialOutcome& outcome : results.trials) {
    trials.push_back({{"weight_share", outcome.weight_share},
                      {"service_share", outcome.service_share},
                      {"region_loss", outcome.region_loss}});
  }
  return {{"id", run.net.network->info.id},
          {"first", results.first},
          {"completed", results.completed},
          {"partial", results.partial},
          {"down_trials", results.down_trials},
          {"down_checkpoints", results.down_checkpoints},
          {"down_checkpoints_sq", results.down_checkpoints_sq},
          {"region_hurt_trials", results.region_hurt_trials},
          {"trials", trials}};
}

Json ResiliencePartDocument(const PartHeader& header, std::vector<Json> networks) {
  Json inventories = Json::array();
  for (const PartInput& input : header.inventories) inventories.push_back(InputJson(input));
  Json registers = Json::array();
  for (const PartInput& input : header.vendor_registers) registers.push_back(InputJson(input));
  Json document;
  document["format"] = kResiliencePartFormat;
  document["inputs"] = {{"inventories", inventories},
                        {"vendor_registers", registers},
                        {"bundled_vendors", header.bundled_vendors},
                        {"scenario", InputJson(header.scenario)}};
  document["seed"] = header.seed;
  document["trials"] = header.trials;
  document["shard"] = {{"index", header.shard},
                       {"count", header.shards},
                       {"first", header.range.first},
                       {"last", header.range.last}};
  document["partial"] = header.partial;
  document["top"] = header.top;
  document["scenario"] = header.scenario_document;
  document["networks"] = std::move(networks);
  return document;
}

std::optional<ResiliencePart> ReadResiliencePart(const Json& document, std::string& problem) {
  problem.clear();
  Reader read(problem);
  if (!document.is_object() || !document.contains("format") ||
      document["format"] != kResiliencePartFormat) {
    problem = fmt::format("not a {} document (write parts with redoubt simulate --shard I/N)",
                          kResiliencePartFormat);
    return std::nullopt;
  }
  ResiliencePart part;
  PartHeader& header = part.header;
  if (const Json* inputs = read.Field(document, "inputs", "the part")) {
    if (const Json* list = read.Field(*inputs, "inventories", "inputs")) {
      for (const Json& item : *list) header.inventories.push_back(read.Input(item, "an inventory"));
    }
    if (const Json* list = read.Field(*inputs, "vendor_registers", "inputs")) {
      for (const Json& item : *list)
        header.vendor_registers.push_back(read.Input(item, "a vendor register"));
    }
    header.bundled_vendors = read.Get<bool>(*inputs, "bundled_vendors", "inputs");
    if (const Json* scenario = read.Field(*inputs, "scenario", "inputs"))
      header.scenario = read.Input(*scenario, "the scenario input");
  }
  header.seed = read.Get<std::uint64_t>(document, "seed", "the part");
  header.trials = read.Get<std::uint32_t>(document, "trials", "the part");
  if (const Json* shard = read.Field(document, "shard", "the part")) {
    header.shard = read.Get<std::uint32_t>(*shard, "index", "shard");
    header.shards = read.Get<std::uint32_t>(*shard, "count", "shard");
    header.range.first = read.Get<std::uint32_t>(*shard, "first", "shard");
    header.range.last = read.Get<std::uint32_t>(*shard, "last", "shard");
  }
  header.partial = read.Get<bool>(document, "partial", "the part");
  header.top = read.Get<std::uint32_t>(document, "top", "the part");
  if (const Json* scenario = read.Field(document, "scenario", "the part"))
    header.scenario_document = *scenario;
  const Json* networks = read.Field(document, "networks", "the part");
  if (networks != nullptr && networks->is_array()) {
    for (const Json& item : *networks) {
      PartNetwork network;
      network.id = read.Get<std::string>(item, "id", "a network");
      RunResults& results = network.results;
      results.first = read.Get<std::uint32_t>(item, "first", "a network");
      results.completed = read.Get<std::uint32_t>(item, "completed", "a network");
      results.partial = read.Get<bool>(item, "partial", "a network");
      using Counts = std::vector<std::uint64_t>;
      results.down_trials = read.Get<Counts>(item, "down_trials", "a network");
      results.down_checkpoints = read.Get<Counts>(item, "down_checkpoints", "a network");
      results.down_checkpoints_sq = read.Get<Counts>(item, "down_checkpoints_sq", "a network");
      results.region_hurt_trials = read.Get<Counts>(item, "region_hurt_trials", "a network");
      if (const Json* trials = read.Field(item, "trials", "a network")) {
        for (const Json& trial : *trials) {
          using Values = std::vector<double>;
          results.trials.push_back({read.Get<Values>(trial, "weight_share", "a trial"),
                                    read.Get<Values>(trial, "service_share", "a trial"),
                                    read.Get<Values>(trial, "region_loss", "a trial")});
        }
      }
      if (read.ok() && results.trials.size() != results.completed) {
        read.Fail(fmt::format("network '{}' holds {} trials but says {} were completed", network.id,
                              results.trials.size(), results.completed));
      }
      part.networks.push_back(std::move(network));
    }
  } else if (read.ok()) {
    read.Fail("'networks' of the part must be a list");
  }
  if (!read.ok()) return std::nullopt;
  return part;
}

Result<Json> MergeResilienceParts(const std::vector<PartFile>& parts, int threads) {
  Diagnostics diagnostics;
  auto error = [&](const std::string& file, std::string message, std::string hint = {}) {
    diagnostics.Error({.file = file}, std::move(message), std::move(hint));
  };
  if (parts.empty()) {
    error("", "no part to merge", "give the part files that redoubt simulate --shard I/N wrote");
    return diagnostics;
  }
  const PartHeader& first = parts.front().part.header;
  for (const PartFile& file : parts) {
    const PartHeader& header = file.part.header;
    if (!header.SameRun(first)) {
      error(file.path,
            fmt::format("this part is of another run than {} (its inputs, seed, trials or shard "
                        "count differ)",
                        parts.front().path),
            "merge only the parts of one redoubt simulate command");
    }
  }
  if (diagnostics.HasErrors()) return diagnostics;

  // Every shard once.
  std::vector<std::vector<std::string>> by_shard(first.shards + 1);
  for (const PartFile& file : parts) {
    const std::uint32_t shard = file.part.header.shard;
    if (shard >= 1 && shard <= first.shards) by_shard[shard].push_back(file.path);
  }
  std::vector<std::string> missing;
  for (std::uint32_t shard = 1; shard <= first.shards; ++shard) {
    const TrialRange range = ShardRange(first.trials, shard - 1, first.shards);
    if (by_shard[shard].empty()) {
      missing.push_back(fmt::format("{}/{} (trials {}..{})", shard, first.shards, range.first,
                                    range.last - 1));
    } else if (by_shard[shard].size() > 1) {
      error(by_shard[shard][1],
            fmt::format("shard {}/{} is also in {}: its trials would count twice", shard,
                        first.shards, by_shard[shard][0]),
            "give each shard once");
    }
  }
  if (!missing.empty()) {
    error(parts.front().path,
          fmt::format("shard{} {} of this run {} missing", missing.size() == 1 ? "" : "s",
                      fmt::join(missing, ", "), missing.size() == 1 ? "is" : "are"),
          "run redoubt simulate --shard for the missing shards and merge again");
  }
  for (const PartFile& file : parts) {
    if (file.part.header.partial) {
      error(file.path, "this part was interrupted: its trials are incomplete",
            fmt::format("run shard {}/{} again", file.part.header.shard, first.shards));
    }
  }
  if (diagnostics.HasErrors()) return diagnostics;

  // The inputs must be as they were.
  std::vector<PartInput> inputs = first.inventories;
  inputs.insert(inputs.end(), first.vendor_registers.begin(), first.vendor_registers.end());
  inputs.push_back(first.scenario);
  for (const PartInput& input : inputs) {
    std::string now;
    try {
      now = FileContentHash(input.path);
    } catch (const IoError&) {
      error(input.path, "an input of the run cannot be read", "merge where the inputs are");
      continue;
    }
    if (now != input.hash) {
      error(input.path,
            fmt::format("this input changed since the parts were written ({} then, {} now)",
                        input.hash, now),
            "run the shards again on the current inputs");
    }
  }
  if (diagnostics.HasErrors()) return diagnostics;

  auto scenario = LoadScenario(first.scenario.path);
  diagnostics.Append(scenario.diagnostics());
  InventoryOptions options;
  options.use_bundled_vendors = first.bundled_vendors;
  for (std::size_t index = first.bundled_vendors ? 1 : 0; index < first.vendor_registers.size();
       ++index) {
    options.vendor_registers.push_back(first.vendor_registers[index].path);
  }
  options.warnings = false;
  options.threads = std::max(1, threads);
  std::vector<std::string> paths;
  for (const PartInput& input : first.inventories) paths.push_back(input.path);
  auto networks = LoadInventories(paths, options);
  diagnostics.Append(networks.diagnostics());
  if (!scenario.ok() || !networks.ok()) return diagnostics;

  RunHeader header;
  header.seed = first.seed;
  header.trials = first.trials;
  header.completed = first.trials;
  header.scenario = first.scenario_document;
  std::vector<Json> documents;
  for (std::size_t index = 0; index < networks.value().size(); ++index) {
    const Network& network = networks.value()[index];
    std::vector<RunResults> pieces;
    for (const PartFile& file : parts) {
      if (index >= file.part.networks.size() || file.part.networks[index].id != network.info.id) {
        error(file.path, fmt::format("this part has no results for network '{}'", network.info.id));
        continue;
      }
      pieces.push_back(file.part.networks[index].results);
    }
    if (diagnostics.HasErrors()) return diagnostics;
    std::string problem;
    auto merged = MergeRuns(std::move(pieces), problem);
    if (!merged || merged->completed != first.trials) {
      error(parts.front().path,
            fmt::format("network '{}': {}", network.info.id,
                        merged ? fmt::format("trials {}..{} are in no part", merged->completed,
                                             first.trials - 1)
                               : problem));
      return diagnostics;
    }
    auto run = PrepareRun(network, scenario.value(), {.seed = first.seed, .trials = first.trials});
    const ResilienceSummary summary = Summarize(*run, *merged, first.top);
    documents.push_back(ResilienceNetworkJson(*run, *merged, summary));
  }
  return Result<Json>(ResilienceDocument(header, std::move(documents)), std::move(diagnostics));
}

}  // namespace redoubt
