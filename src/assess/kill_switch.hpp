// The kill-switch loss of one member, simulated the way `assess` simulates
// it, for what needs it outside an assessment: a posture's resilience loss
// (alliance/posture_document.hpp), so that `assess --postures` states the
// figure `assess` computes from the inventories.
//
//   auto scenario = LoadScenario("data/scenarios/vendor-kill-switch.yaml");
//   auto provider = KillSwitchProvider(scenario.value(), {.seed = 1});
//   BuildPosture(model, member, as_of, disclosure, cache, provider, MethodOf(...));
//
// Each of the member's networks (as the model passed in holds them on the
// date) runs `trials` trials from `seed` (PrepareRun, RunTrials) and adds to
// a KillSwitchTally; the loss is its Share over all services. Deterministic
// whatever the thread count; cost: trials × the scenario's cost per trial.
#pragma once

#include <cstdint>
#include <optional>

#include "alliance/assessment.hpp"
#include "sim/scenario.hpp"

namespace redoubt {

// Trials per scenario in `assess` unless --trials says otherwise: enough for
// stable bands and a whole alliance in well under a minute; `simulate` runs
// the scenario's own.
inline constexpr std::uint32_t kAssessTrials = 200;

struct KillSwitchRun {
  std::optional<std::uint32_t> trials;  // default: min(the scenario's own, kAssessTrials)
  std::uint64_t seed = 1;
  unsigned threads = 0;                 // 0: all cores
};

// The trial count a run uses (the default rule above).
[[nodiscard]] std::uint32_t TrialsOf(const Scenario& scenario, const KillSwitchRun& run);

// The scenario is copied into the provider.
[[nodiscard]] alliance::ResilienceProvider KillSwitchProvider(Scenario scenario, KillSwitchRun run);

}  // namespace redoubt
