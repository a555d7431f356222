// AllianceModel: an alliance file with everything it names loaded — the
// baseline standard, each member's standard and networks — and the edits an
// assessment makes to a copy of it: equipment replaced on a national deadline
// or by a what-if.
//
//   auto spec = ReadAlliance(path);
//   auto model = LoadAllianceModel(spec.value(), inventory_options);
//   AllianceModel on_date = model.value();             // a copy to edit
//   auto actions = MeetDeadlines(on_date, as_of);
//
// Replacing equipment keeps the element (its kind, site and links) and gives
// it another vendor: the one trusted by the baseline and by every member's
// standard that already supplies most elements of the same kind in that
// network (then of the same domain, then of the network; ties by vendor id).
// Swapping like for like keeps the topology, so primary routes do not move.
//
// Deadlines. With `assume_deadlines_met` (the default), each member is taken
// to meet its own standard's future deadlines on time: on the `effective`
// date of a `forbid` rule that starts to bind after the inventory's `as_of`,
// the elements it forbids are replaced. A rule that already binds on the
// inventory date is a present violation with no date for its fix, and
// nothing is assumed about it. Other rule kinds (caps, services) name no
// definite equipment to remove and are not assumed met.
//
// Plans. A member with a plan (member_plan.hpp, `plans`) is judged by it
// instead: on a date, the elements whose planned swap night is on or before
// it are replaced, whatever the deadlines; a late or unscheduled swap stays
// in place until its night (for good when unscheduled).
//
// Complexity: loading is linear in the files; MeetDeadlines evaluates each
// dated forbid rule once, O(rules × elements).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "alliance/alliance.hpp"
#include "core/result.hpp"
#include "io/inventory_reader.hpp"
#include "model/network.hpp"
#include "policy/standard.hpp"

namespace redoubt::alliance {

struct MemberPlan;  // member_plan.hpp

struct AllianceModel {
  AllianceSpec spec;
  // Standards are immutable once loaded; copies of a model (one per date or
  // what-if) share them.
  std::shared_ptr<const policy::Standard> baseline;
  std::vector<std::shared_ptr<const policy::Standard>> standards;  // per member: its own or adopted
  std::vector<Network> networks;            // every member's networks, in member order
  std::vector<std::size_t> network_member;  // per network: the member whose network it is
  std::vector<std::vector<std::size_t>> member_networks;  // per member: its network indices
  // Per member (or empty): its rip-and-replace plan; null: deadlines assumed
  // met (or not, as spec.assume_deadlines_met says). Shared by copies.
  std::vector<std::shared_ptr<const MemberPlan>> plans;

  [[nodiscard]] const MemberPlan* PlanOf(std::size_t member) const {
    return member < plans.size() ? plans[member].get() : nullptr;
  }

  // The standard behind a trust source index: 0 the baseline, k + 1 member k's.
  [[nodiscard]] const policy::Standard& StandardAt(std::size_t index) const {
    return index == 0 ? *baseline : *standards[index - 1];
  }
};

// Loads the standards and networks the spec names; every diagnostic of every
// file is kept. Network ids must be unique across the alliance. Vendors named
// by the sharing rules and the standards are checked against the networks.
//
// A member assessing itself (posture_document.hpp) holds only its own
// networks: `scope` kMember loads that member's and no other's (vendors named
// by the sharing rules are then not checked: other members' networks may
// hold them); kStandards loads the standards alone (an alliance view built
// from postures).
struct LoadScope {
  enum class Kind : std::uint8_t { kAll, kMember, kStandards };
  Kind kind = Kind::kAll;
  std::size_t member = 0;  // kMember
};
[[nodiscard]] Result<AllianceModel> LoadAllianceModel(const AllianceSpec& spec,
                                                      const InventoryOptions& options,
                                                      LoadScope scope = {});

// An element of one of the model's networks.
struct ElementRef {
  std::size_t network = 0;
  ElementIndex element = kNone;
  friend auto operator<=>(const ElementRef&, const ElementRef&) = default;
};

// What a replacement did, for explanations.
struct Replacement {
  std::size_t network = 0;
  Domain domain = Domain::kOther;
  std::string from_vendor;
  std::string to_vendor;
  std::size_t elements = 0;
  std::vector<std::string> kinds;        // distinct, sorted
  std::vector<std::string> element_ids;  // sorted
  friend bool operator==(const Replacement&, const Replacement&) = default;
};

// Replaces the vendor of `elements` (see above); returns what changed,
// grouped by network, domain and vendors, in that order.
std::vector<Replacement> ReplaceElements(AllianceModel& model, std::vector<ElementRef> elements);

// A national deadline assumed met, or the swaps a member's plan has done of
// one rule's elements by the date.
struct DeadlineAction {
  std::size_t member = 0;
  std::string rule_id;
  Days effective = kNoDate;  // the rule's deadline
  std::vector<Replacement> replacements;
  // From the member's plan: `swapped` of the rule's `planned` swaps are done,
  // the last of them on `night`.
  bool from_plan = false;
  Days night = kNoDate;
  std::size_t swapped = 0;
  std::size_t planned = 0;
  // Set by AllianceTimeline: swaps done since the previous step.
  std::size_t new_swaps = 0;
};

// Applies every deadline in (inventory as_of, date] of each member's own
// standard without a plan, in date order (unless spec.assume_deadlines_met
// is false), and every planned swap on or before `date` of each member with
// one, by rule deadline then rule id.
std::vector<DeadlineAction> MeetDeadlines(AllianceModel& model, Days date);

// The dates in (from, to] on which a rule of the baseline or of a member's
// standard starts or stops binding, ascending.
[[nodiscard]] std::vector<Days> RuleDates(const AllianceModel& model, Days from, Days to);

}  // namespace redoubt::alliance
