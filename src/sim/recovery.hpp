// Recovery: repair crews restoring what a hazard took down (DESIGN.md,
// "Resilience simulation": crews, repair times by kind, replacement lead
// time, priority order).
//
//   recovery:
//     crews: 40                          # or {count: 30, by_region: {London: 6}}
//     repair_hours: {lognormal: {median: 6, sigma: 0.6}}
//     #   or by kind: {default: 4, gnb: {exponential: {mean: 8}}, fiber: 12, core: 2}
//     replace_days: 21                   # lead time of new equipment (vendor, exploit)
//     priority: critical-first           # weight-first | nearest-first | {order: [ids]}
//     travel_kmh: 60                     # optional: crews travel between sites
//
// Model: every element or link that a hazard took down and that does not
// come back by itself becomes a job when it fails — or, when it must be
// replaced, `replace_days` later, when the new equipment arrives. A crew takes
// a waiting job as soon as it is free, works for a drawn repair time (plus
// the travel from its last job), and the equipment is up when it finishes.
// Crews of a region (`by_region`) serve only that region; the other `count`
// crews serve the rest. Repair times come from the element's kind, else its
// domain, else `default` (links: their medium, else `link`, else `default`).
//
// Priority among waiting jobs: critical-first — the most critical sector
// served, then most weight, then file order (sim/criticality.hpp);
// weight-first — most weight, then sector; nearest-first — the job closest
// to the crew's last position (great-circle), then critical-first; order —
// the listed elements and links in that order, then critical-first.
//
// Cost per trial: O(J log J) for J jobs (nearest-first: O(J²) worst case,
// a scan of the waiting jobs per assignment). Deterministic: repair times are
// drawn in target order before scheduling, and ties break by crew number and
// priority position.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/source.hpp"
#include "io/document.hpp"
#include "sim/distribution.hpp"
#include "sim/hazard.hpp"

namespace redoubt {

enum class Priority : std::uint8_t { kCriticalFirst, kWeightFirst, kNearestFirst, kOrder };

struct RecoverySpec {
  std::uint32_t crews = 0;
  std::vector<std::pair<std::string, std::uint32_t>> crews_by_region;
  Distribution repair = Distribution::Fixed(0);
  std::vector<std::pair<std::string, Distribution>> repair_by;  // kind, domain, medium or "link"
  double replace_hours = 0;
  Priority priority = Priority::kCriticalFirst;
  std::vector<std::string> order;
  double travel_kmh = 0;  // 0: no travel time
};

[[nodiscard]] std::optional<RecoverySpec> ReadRecovery(const Node& node, const SourceFile& source,
                                                       Diagnostics& diagnostics);

// A repair job of one trial.
struct RepairJob {
  std::uint32_t target = 0;
  bool link = false;
  bool replace = false;
  double failed_hours = 0;
  double repair_hours = 0;     // drawn
  double done_hours = kNever;  // set by Schedule; kNever when not done by the horizon
};

// A RecoverySpec bound to one network. Immutable; shared by all threads.
class RecoveryModel {
 public:
  RecoveryModel() = default;  // no recovery: nothing is repaired
  RecoveryModel(const RecoverySpec& spec, const SimNetwork& net, std::vector<std::string>& notes);

  [[nodiscard]] bool Repairs() const { return !pools_.empty(); }
  // Draws each job's repair time (jobs in the given order) and schedules the
  // crews; sets done_hours. Jobs must be sorted by (link, target).
  void Schedule(std::vector<RepairJob>& jobs, double horizon_hours, Rng& rng) const;

 private:
  struct Place {
    double lat = 0;
    double lon = 0;
    bool known = false;
  };
  [[nodiscard]] std::uint32_t Slot(const RepairJob& job) const {
    return job.link ? element_count_ + job.target : job.target;
  }
  void SchedulePool(std::vector<RepairJob>& jobs, std::vector<std::uint32_t>& members,
                    std::uint32_t crews, double horizon_hours) const;

  std::uint32_t element_count_ = 0;
  std::vector<std::uint32_t> pools_;            // crews per pool
  std::vector<std::uint32_t> pool_of_;          // per slot (elements, then links); kNone: no crew
  std::vector<std::uint16_t> distribution_of_;  // per slot
  std::vector<Distribution> distributions_;
  std::vector<std::uint32_t> position_;  // per slot: static priority position
  std::vector<Place> place_;             // per slot (nearest-first, travel)
  double replace_hours_ = 0;
  double travel_kmh_ = 0;
  bool nearest_ = false;
};

}  // namespace redoubt
