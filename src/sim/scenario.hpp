// Scenario: what a resilience run simulates — a hazard, a recovery model, a
// horizon with checkpoints, a number of trials and a seed
// (`format: redoubt/scenario@1`, JSON or YAML; DESIGN.md, "Formats").
//
//   format: redoubt/scenario@1
//   id: vendor-kill-switch
//   title: A high-risk vendor switches off its radio and transport equipment
//   hazard: {vendor: {vendor: huawei, domains: [ran, transport]}}
//   recovery: {crews: 40, repair_hours: {lognormal: {median: 6, sigma: 0.6}},
//              replace_days: 21, priority: critical-first}
//   horizon_hours: 720
//   checkpoints: 121          # evenly spaced from 0 to the horizon, both included
//   trials: 500
//   seed: 1
//
// Every problem is reported with file:line:col; unknown keys are errors.
// Names of vendors, sites, substations and elements are resolved later,
// against each network (hazard.hpp), so one scenario fits any inventory.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>

#include "core/result.hpp"
#include "core/source.hpp"
#include "io/document.hpp"
#include "sim/hazard.hpp"
#include "sim/recovery.hpp"

namespace redoubt {

struct Scenario {
  std::string id;
  std::string title;
  std::shared_ptr<const Hazard> hazard;  // unbound; shared so a Scenario can be copied
  std::optional<RecoverySpec> recovery;
  double horizon_hours = 0;
  std::uint32_t checkpoints = 0;
  std::uint32_t trials = 0;
  std::uint64_t seed = 0;
  nlohmann::ordered_json document;  // the file as written, for result documents
  std::vector<VendorReference> vendors;  // vendors the hazard names, where it names them
};

inline constexpr std::uint32_t kDefaultCheckpoints = 101;
inline constexpr std::uint32_t kDefaultTrials = 100;
inline constexpr std::uint32_t kMaxCheckpoints = 100000;

[[nodiscard]] Result<Scenario> ReadScenario(const SourceFile& source);
[[nodiscard]] Result<Scenario> LoadScenario(const std::string& path);  // throws IoError

// An error for each vendor the scenario's hazard names that neither the vendor
// register nor any of the networks' own `vendors:` know (a typo: "huawai"),
// with did-you-mean. A vendor that is known but has no equipment in a network
// is not an error: the hazard is then a no-op there, with a note.
[[nodiscard]] Diagnostics CheckHazardVendors(const Scenario& scenario,
                                             std::span<const Network> networks);

// A document tree as JSON (numbers as integers when they are whole, else doubles).
[[nodiscard]] nlohmann::ordered_json NodeToJson(const Node& node);

}  // namespace redoubt
