// The main job (`redoubt assess`): for an alliance, every member's findings
// against its own standard and their timeline, the exposure of its services,
// its resilience under each scenario, the alliance view, an inventory
// summary and the sites map — gathered into one `redoubt/assessment@1`
// document that the HTML report renders (src/report).
//
//   auto run = RunAssessment(inputs, progress);   // Result: diagnostics on bad input
//   WriteFileAtomically(dir + "/assessment.json", run.value().assessment.dump(2));
//
// Every part comes from the library function its own command uses (check,
// expose, simulate, alliance), so the numbers match what those commands
// print. Deterministic: the same inputs, date, seed and trials give the same
// bytes, whatever the number of threads.
// Cost: dominated by the Monte Carlo trials (scenarios × networks × trials).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.hpp"
#include "dist/communicator.hpp"
#include "core/text.hpp"
#include "io/inventory_reader.hpp"

namespace redoubt {

struct AssessInputs {
  std::string alliance;                 // redoubt/alliance@1 file
  std::vector<std::string> scenarios;   // redoubt/scenario@1 files
  Days as_of = kNoDate;                 // kNoDate: the rule of policy/judged_date.hpp
  std::uint64_t seed = 1;
  std::optional<std::uint32_t> trials;  // default: each scenario's own, at most 200
  unsigned threads = 0;                 // 0: all cores
  InventoryOptions inventory;
  std::string command;                  // the command line, for the record; " --as-of DATE" is added
  // The sharing matrix over time (alliance::AllianceTimeline), written into
  // the alliance part as `timeline`, when `sharing_to` is a date: from
  // `sharing_from` (kNoDate: the date judged on) to `sharing_to`.
  Days sharing_from = kNoDate;
  Days sharing_to = kNoDate;
  // A redoubt/costs@1 file: when given, each member's rip-and-replace plan
  // from the date judged on (alliance/member_plan.hpp, the document `redoubt
  // plan --as-of DATE` writes) is the `plan` part, and the sharing timeline
  // judges members by it (as `alliance --timeline --plan`).
  std::string costs;
  // MPI ranks to share each scenario's trials over (dist/communicator.hpp);
  // null: this process alone. Only rank 0's outputs are the assessment.
  const Communicator* world = nullptr;
  // Set (by a Ctrl-C handler) to stop early: the trials not yet started are
  // skipped and the outputs are marked partial.
  const std::atomic<bool>* stop = nullptr;
  // A folder of signed postures (alliance/posture_document.hpp): the
  // assessment is then made from them alone, with no inventory read (see
  // RunPostureAssessment); `allow_missing` records a member without one.
  std::string postures;
  bool allow_missing = false;
};

struct AssessOutputs {
  nlohmann::ordered_json assessment;  // redoubt/assessment@1
  nlohmann::ordered_json sites;       // GeoJSON FeatureCollection
  std::string summary;                // a few lines for the terminal
  bool partial = false;               // some trials were not run (interrupted)
};

// Called with a short description of the step being started.
using AssessProgress = std::function<void(const std::string& step)>;

// With `inputs.postures` set, RunPostureAssessment.
[[nodiscard]] Result<AssessOutputs> RunAssessment(const AssessInputs& inputs,
                                                  const AssessProgress& progress = {});

// The assessment an alliance can make from its members' signed postures: the
// alliance view with its `provenance` (each posture's member, file, date, key
// and disclosure; each member without one), the headline figures on the one
// basis the postures were made on, and the members. Findings, timelines,
// exposure, resilience, the inventory summary and the sites are not part of
// it: they need the inventories, which stay with each member. The alliance
// part equals `redoubt alliance --postures --format json` but for the date
// keys, which the assessment holds at its top. Scenarios, trials and the
// sharing timeline are not used (the CLI refuses them). O(size of the postures).
[[nodiscard]] Result<AssessOutputs> RunPostureAssessment(const AssessInputs& inputs,
                                                         const AssessProgress& progress = {});

}  // namespace redoubt
