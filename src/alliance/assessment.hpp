// The alliance view on one date (DESIGN.md, "Alliance"): each member's
// compliance and posture, the divergence between members, and the sharing
// matrix — provider × recipient → the highest level shared, each cell
// explained by the conditions that hold it down and the evidence behind them.
//
//   ExposureCache cache;
//   AssessOptions options{.as_of = date, .cache = &cache};
//   Assessment result = Assess(model, options);
//   const Cell& cell = result.At(provider, recipient);
//
// Compliance. `baseline`: the findings of the baseline's rules, each as the
// member's own standard reads it (a national standard that extends the
// baseline may override a rule to set its own deadline; the baseline leaves
// deadlines to them), on the member's networks. `standard`: the findings of
// the member's own standard. Service rules are judged by the exposure
// analysis (analysis/service_rule_evaluator.hpp), through the shared
// analysis/exposure_cache.hpp.
//
// Cross-border dependence. A service whose `owner` is another member (forces
// deployed abroad, an embassy) is host-nation exposure for its owner: tallied
// apart from the owner's posture (Posture::abroad, cross_border) and judged by
// `classified_on_trusted_paths` apart from the owner's own networks, as the
// alliance's `host_networks` says (alliance.hpp), so the host's supplier
// choices hold down what its guests receive only where the alliance says so. Baseline findings about such
// a service stay the host's (its network breaks the rule; they count in its
// compliance and its `baseline_max_severity`) and are listed for the owner as
// `cross_border_findings`, for information.
//
// Posture (per member, over its own networks and the services it owns):
//   untrusted share per domain, by elements and by sites (baseline's definition
//   of untrusted); a site counts when it holds an element of the domain, and is
//   untrusted when one of them is;
//   espionage and sabotage shares of its critical services, as
//   model/figures.hpp defines them (and the same over all its services);
//   resilience loss under the vendor kill-switch scenario, from a
//   ResilienceProvider (the simulation module); absent, it is "n/a".
//
// Sharing. Levels are cumulative: provider P shares level L with recipient R
// when every condition of the alliance-wide rules and of P's own rules at L
// and at every lower level holds for R. The cell is the highest such level
// (none when the lowest already fails).
//
// Dates: on `as_of`, each member is assumed to have met its own future
// deadlines (model.hpp) unless the alliance says otherwise, or has done the
// swaps its plan schedules by then when it has one (member_plan.hpp); rules bind and
// elements count as policy/evaluate.hpp says.
//
// Complexity: per date, O(standards × rules × elements) for the policy
// evaluations plus one exposure analysis per network and distinct definition
// of untrusted (cached). Deterministic: the same inputs give the same result.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "alliance/divergence.hpp"
#include "analysis/exposure_cache.hpp"
#include "alliance/model.hpp"
#include "alliance/posture.hpp"
#include "policy/finding.hpp"

namespace redoubt::alliance {

// Resilience loss of a member under the vendor kill-switch scenario, in
// [0, 1] (share of service weight-hours lost over the horizon), or nullopt.
// The simulation module fills it (see src/alliance/README note in posture.hpp).
using ResilienceProvider =
    std::function<std::optional<double>(const AllianceModel& model, std::size_t member, Days as_of)>;

struct AssessOptions {
  Days as_of = kNoDate;  // kNoDate: every rule binds and every element counts
  ExposureCache* cache = nullptr;  // required
  ResilienceProvider resilience;   // may be empty
};

using SeverityCounts = std::array<std::size_t, 5>;  // indexed by policy::RuleSeverity

struct MemberAssessment {
  std::size_t member = 0;
  SeverityCounts baseline{};
  SeverityCounts standard{};
  std::vector<policy::Finding> baseline_findings;  // on its networks, sorted
  std::vector<policy::Finding> standard_findings;  // on its networks, sorted
  // Baseline service findings on other members' networks about services it
  // owns (information: they count in the host's compliance, not in its own).
  std::vector<policy::Finding> cross_border_findings;
  std::vector<std::string> not_evaluated;  // rule ids that could not be judged
  Posture posture;
  std::vector<DeadlineAction> deadlines;  // assumed met, or swapped as planned, by as_of
  // In a view from postures: why the member has none (empty: it has one, or
  // the view is from inventories). Nothing of it is then known: outputs say
  // so instead of printing its empty counts, and its divergences are n/a.
  std::string no_posture;
};

// One condition that does not hold, with its evidence.
struct Shortfall {
  std::size_t rule = 0;  // index into AllianceSpec::sharing
  std::size_t condition = 0;
  std::size_t level = 0;
  std::string condition_text;  // "no_untrusted_in [core, management]"
  std::string source;          // "alliance" or "provider US"
  std::string summary;         // "1 management element of vendor huawei"
  std::vector<std::string> details;  // one line each
  std::vector<ElementRef> elements;  // what would have to change (on a loaded model)
  std::size_t element_count = 0;     // how many elements: elements.size() on a loaded model
  std::vector<std::string> rules;    // policy rule ids behind it (baseline_max_severity)
  // classified_on_trusted_paths about the recipient's services on other
  // members' networks (host-nation exposure), reported apart from its own.
  bool host = false;
  std::string plain;      // one plain sentence: "GB's networks carry Huawei equipment (…)"
  std::string rationale;  // the sharing rule's, when it gives one
};

struct Cell {
  std::size_t provider = 0;
  std::size_t recipient = 0;
  std::optional<std::size_t> level;    // highest level shared; nullopt: none
  std::vector<Shortfall> shortfalls;   // every failing condition, by level then rule
  // One sentence, for a reader who knows no rule ids: what the recipient
  // receives and what holds it down ("US shares confidential with GB, not
  // secret: …"); empty on the diagonal.
  std::string reason;
  [[nodiscard]] bool Self() const { return provider == recipient; }
  // The shortfalls at the first level withheld (what holds the cell down).
  [[nodiscard]] std::vector<const Shortfall*> Holding() const;
};

struct Assessment {
  Days as_of = kNoDate;
  std::vector<MemberAssessment> members;
  std::vector<Cell> cells;  // provider-major, members × members
  Divergence divergence;

  [[nodiscard]] const Cell& At(std::size_t provider, std::size_t recipient) const {
    return cells[provider * members.size() + recipient];
  }
};

// Assesses a copy of `model` on `options.as_of` (deadlines assumed met on the copy).
[[nodiscard]] Assessment Assess(const AllianceModel& model, const AssessOptions& options);

// The same on a model whose deadlines are already applied (MeetDeadlines).
[[nodiscard]] Assessment AssessPrepared(const AllianceModel& model,
                                        std::vector<DeadlineAction> deadlines,
                                        const AssessOptions& options);

class TrustMasks;  // sharing.hpp

// The members' part of AssessPrepared: compliance, cross-border findings,
// posture (with resilience) and the deadlines met, per member in order.
[[nodiscard]] std::vector<MemberAssessment> AssessMembers(const AllianceModel& model,
                                                          std::vector<DeadlineAction> deadlines,
                                                          const AssessOptions& options,
                                                          TrustMasks& masks);

// What divergence needs of each member's standard; `vendors` receives the
// vendors with equipment in the model's networks, sorted.
[[nodiscard]] std::vector<StandardProfile> StandardProfiles(const AllianceModel& model, Days as_of,
                                                            std::vector<std::string>& vendors);

// "secret" or "none".
[[nodiscard]] std::string LevelName(const AllianceSpec& spec, std::optional<std::size_t> level);

}  // namespace redoubt::alliance
