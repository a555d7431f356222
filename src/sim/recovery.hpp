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
// Model: every failure of an element or link that needs a crew (outages
// that end by themselves, like a power cut, need none) makes the target wait
// for a job. A job is *ready* at its failure time, or, when the equipment
// must be replaced (vendor, exploit), `replace_days` later, when the new
// equipment arrives. A crew is dispatched when it is free and a job is ready,
// never before: the job starts at max(crew free, ready), the crew travels
// (great-circle distance from its last job at `travel_kmh`, when given) and
// then works for the drawn repair time; the target is up when it finishes.
// While no job is ready, idle crews wait; the first to be dispatched is the
// crew free the longest (then the lowest crew number).
//
// Several failures of one target (composite hazards that overlap in time)
// are taken in time order. A failure of a target that is up starts a new
// job. A failure while the target waits for its crew joins that job (which
// then needs replacement if either cause says so, and is ready at the later
// of the two ready times). A failure while a crew is working on it makes a
// follow-up job, ready when the current one ends (or when its replacement
// arrives, if later): the target stays down throughout.
//
// Crews of a region (`by_region`) serve only that region; the other `count`
// crews serve the rest, and never a region with crews of its own. A link
// belongs to the region of its first end that has a site. Repair times come
// from the element's kind, else its domain, else `default` (links: their
// medium, else `link`, else `default`); one is drawn per failure, in failure
// order, before scheduling, and a job uses the draw of the failure that made it.
//
// Priority among ready jobs: critical-first — the most critical sector
// served, then most weight, then file order (sim/criticality.hpp);
// weight-first — most weight, then sector; nearest-first — the job closest
// to the crew's last position (great-circle), then critical-first; order —
// the listed elements and links in that order, then critical-first.
//
// Cost per trial: O(F log F) for F failures (nearest-first: O(F²) worst
// case, a scan of the ready jobs per dispatch). Deterministic: the draws come
// before scheduling in failure order, and ties break by crew number and
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

// A failure of one trial that needs a crew.
struct RepairFailure {
  std::uint32_t target = 0;  // ElementIndex, or LinkIndex when `link`
  bool link = false;
  bool replace = false;
  double failed_hours = 0;
};

// A repair job of one trial: its target is down from `failed_hours` until
// `done_hours` (kNever when not done by the horizon, or never started).
struct RepairJob {
  std::uint32_t target = 0;
  bool link = false;
  bool replace = false;
  double failed_hours = 0;
  double ready_hours = 0;       // failure + replacement lead time (or when the job before ends)
  double start_hours = kNever;  // crew dispatched: max(crew free, ready)
  double repair_hours = 0;      // drawn
  double done_hours = kNever;   // start + travel + repair
};

// A RecoverySpec bound to one network. Immutable; shared by all threads.
class RecoveryModel {
 public:
  RecoveryModel() = default;  // no recovery: nothing is repaired
  RecoveryModel(const RecoverySpec& spec, const SimNetwork& net, std::vector<std::string>& notes);

  [[nodiscard]] bool Repairs() const { return !pools_.empty(); }
  // Draws one repair time per failure (in the given order) and schedules the
  // crews. `failures` must be sorted by (link, target, failed_hours). Returns
  // the jobs sorted by (link, target, failed_hours); every failure lies in
  // the down interval of one of them. Without crews, each target has one job
  // from its first failure that is never done.
  [[nodiscard]] std::vector<RepairJob> Schedule(const std::vector<RepairFailure>& failures,
                                                double horizon_hours, Rng& rng) const;

  // Nearest-first picks through a spatial index over the waiting jobs'
  // places (O(log J) a dispatch). With `scan`, it compares every waiting job
  // instead (O(J)): the reference the tests hold the index to, choice for
  // choice.
  void ScanForNearestFirst(bool scan) { nearest_scan_ = scan; }

 private:
  struct Place {
    double lat = 0;
    double lon = 0;
    bool known = false;
  };
  [[nodiscard]] std::uint32_t Slot(bool link, std::uint32_t target) const {
    return link ? element_count_ + target : target;
  }
  [[nodiscard]] double LeadHours(bool replace) const { return replace ? replace_hours_ : 0.0; }
  struct PoolScratch {
    std::vector<std::size_t> open_job;     // per failure group
    std::vector<std::uint32_t> version;    // per job
    std::vector<std::uint8_t> dispatched;  // per job
    std::vector<std::uint32_t> place;      // per job, nearest-first: its place in the index
    std::vector<std::uint8_t> indexed;     // per job, nearest-first: counted in the index
  };
  void SchedulePool(const std::vector<RepairFailure>& failures, const std::vector<double>& draws,
                    const std::vector<std::uint32_t>& group, std::vector<std::uint32_t>& members,
                    std::uint32_t crews, double horizon_hours, std::vector<RepairJob>& jobs,
                    PoolScratch& scratch) const;

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
  bool nearest_scan_ = false;
};

}  // namespace redoubt
