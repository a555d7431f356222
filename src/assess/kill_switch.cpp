#include "assess/kill_switch.hpp"

#include <algorithm>
#include <memory>

#include "assess/figures.hpp"
#include "sim/metrics.hpp"
#include "sim/simulation.hpp"

namespace redoubt {

std::uint32_t TrialsOf(const Scenario& scenario, const KillSwitchRun& run) {
  return run.trials.value_or(std::min(scenario.trials, kAssessTrials));
}

alliance::ResilienceProvider KillSwitchProvider(Scenario scenario, KillSwitchRun run) {
  auto shared = std::make_shared<const Scenario>(std::move(scenario));
  return [shared, run](const alliance::AllianceModel& model, std::size_t member,
                       Days) -> std::optional<double> {
    const std::uint32_t trials = TrialsOf(*shared, run);
    KillSwitchTally tally;
    for (std::size_t network_index : model.member_networks[member]) {
      auto prepared =
          PrepareRun(model.networks[network_index], *shared, {.seed = run.seed, .trials = trials});
      RunControl control;
      control.threads = run.threads;
      const RunResults results = RunTrials(*prepared, control);
      tally.Add(Summarize(*prepared, results), shared->horizon_hours);
    }
    return tally.Share(ServiceSet::kAll);
  };
}

}  // namespace redoubt
