// What changes the sharing matrix: a what-if applied to members, national
// deadlines passing over a span of dates, and the smallest replacement of
// equipment that lifts one cell.
//
// A change file (`format: redoubt/alliance-change@1`, paths relative to it):
//
//   format: redoubt/alliance-change@1
//   title: Germany takes Huawei out of management; the UK lets it into half its RAN
//   changes:
//     - {member: DE, remove_vendor: huawei, domains: [core, management]}  # domains: default all
//     - {member: GB, vendor_share: {vendor: huawei, domain: ran, share: 0.5}}
//     - {member: CA, adopt_standard: ../../standards/gb.yaml}
//
// remove_vendor replaces the vendor's elements (model.hpp says by whom);
// vendor_share sets the vendor's share of the domain's elements in each of the
// member's networks, replacing its elements or handing it others' (chosen
// by a hash of the element id: deterministic and spread over the network);
// adopt_standard makes the member judged by another standard.
//
// Restore (`--restore P R LEVEL`): the cell is lifted by replacing, like for
// like, the elements named by the conditions that withhold LEVEL or a level
// below it, then re-assessing, until the cell reaches LEVEL (at most 8
// rounds; a round that finds nothing new to replace ends the search as not
// restorable). Each element replaced is one a failing condition names —
// untrusted equipment in a forbidden domain, a named vendor's equipment, an
// untrusted element on a classified service's primary route (routes do not
// move when equipment is swapped like for like), an element of a finding
// above the allowed severity — so no smaller set of replacements of this kind
// lifts the cell; findings of cap and diversity rules list all their matching
// elements and may ask more than strictly needed. The result is reported by
// member, network and domain (fewest elements first within ties by domain order).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "alliance/assessment.hpp"
#include "core/result.hpp"

namespace redoubt::alliance {

inline constexpr std::string_view kChangeFormat = "redoubt/alliance-change@1";

struct Change {
  enum class Kind : std::uint8_t { kRemoveVendor, kVendorShare, kAdoptStandard };
  Kind kind = Kind::kRemoveVendor;
  std::size_t member = 0;
  std::string vendor;
  std::vector<Domain> domains;  // remove_vendor (empty: every domain)
  Domain domain = Domain::kRan; // vendor_share
  double share = 0;             // vendor_share
  std::string standard;         // adopt_standard: resolved path
  Location location;
};

struct ChangeSet {
  std::string file;
  std::string title;
  std::vector<Change> changes;
};

[[nodiscard]] Result<ChangeSet> ReadChanges(const std::string& path, const AllianceSpec& spec);

// One line per change applied ("DE: huawei out of core, management — 1 element replaced").
[[nodiscard]] Result<std::vector<std::string>> ApplyChanges(AllianceModel& model,
                                                            const ChangeSet& changes);

struct CellMove {
  std::size_t provider = 0;
  std::size_t recipient = 0;
  std::optional<std::size_t> before;
  std::optional<std::size_t> after;
  [[nodiscard]] bool Up() const { return Rank(after) > Rank(before); }
  [[nodiscard]] static int Rank(std::optional<std::size_t> level) {
    return level ? static_cast<int>(*level) + 1 : 0;
  }
};
[[nodiscard]] std::vector<CellMove> CompareCells(const Assessment& before, const Assessment& after);

struct TimelineStep {
  Days date = kNoDate;
  std::vector<std::string> rules_starting;  // "GB gb-5g-exit"
  std::vector<std::string> rules_ending;
  std::vector<DeadlineAction> deadlines;  // newly met on this date (planned: with new swaps)
  std::vector<CellMove> moves;            // against the previous step
  // Per move, one sentence with its cause: the deadlines the recipient (else
  // the provider, else any member) met on the date, else the rules that
  // started or stopped binding for them — "2024-06-28: CA's deadline “…”
  // passes → GB shares secret with CA (was restricted)".
  std::vector<std::string> reasons;
  Assessment assessment;
};

// Assesses `from` and every later date in (from, to] where a rule of the
// baseline or of a member's standard starts or stops binding, and, for the
// members with a plan (member_plan.hpp), the nights on which planned swaps
// move a cell: every swap night when there are at most
// `every_night_limit`, else the night
// each rule's batch completes plus the nights a bisection finds between
// (what_if.cpp says when that is exact). A planned move's reason reads
// "GB's planned swap of 3 elements completed on 2024-05-02 (“…”)".
// `every_night_limit`: the most swap nights assessed one by one (tests set
// it to compare the bisection with every night).
inline constexpr std::size_t kEveryNightLimit = 64;
[[nodiscard]] std::vector<TimelineStep> AllianceTimeline(const AllianceModel& model, Days from,
                                                         Days to, const AssessOptions& options,
                                                         std::size_t every_night_limit = kEveryNightLimit);

struct RestorePlan {
  bool restored = false;
  std::size_t provider = 0;
  std::size_t recipient = 0;
  std::size_t level = 0;
  std::vector<Replacement> replacements;  // by network, domain, vendor
  std::size_t elements = 0;
  std::size_t rounds = 0;
  std::string reason;  // when not restored
  Assessment before;
  Assessment after;
};

[[nodiscard]] RestorePlan Restore(const AllianceModel& model, std::size_t provider,
                                  std::size_t recipient, std::size_t level,
                                  const AssessOptions& options);

}  // namespace redoubt::alliance
