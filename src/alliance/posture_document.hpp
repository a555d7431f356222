// Postures: what a member of an alliance shares with its allies instead of
// its inventories (DESIGN.md, "Alliance"; README, "Sharing between allies").
//
//   // On the member's own machine, with its own inventories only:
//   auto model = LoadAllianceModel(spec, inventory_options, {LoadScope::Kind::kMember, gb});
//   nlohmann::ordered_json posture = BuildPosture(model.value(), gb, as_of, Disclosure::kCounts, cache);
//   trust::SignDocument(posture, secret_key);
//
//   // Wherever the alliance view is built, with no inventory at all:
//   Days as_of = flag;                                 // or kNoDate: the latest inventory date
//   auto postures = ReadPostures(spec, folder, as_of, spec.assume_deadlines_met, allow_missing);
//   auto standards = LoadAllianceModel(spec, inventory_options, {LoadScope::Kind::kStandards});
//   AllianceModel shell = ShellModel(std::move(standards).value(), postures.value());
//   Assessment view = AssessFromPostures(shell, postures.value(), as_of);
//   nlohmann::ordered_json document = AllianceDocument(shell, view);   // assessment_json.hpp
//
// A `redoubt/posture@1` document holds exactly what the alliance view reads
// of a member's networks (see RecordEvidence in sharing.hpp), and nothing
// else: its compliance counts per rule and severity (on the assessment date
// with its own deadlines assumed met, and as inventoried); its posture
// vector (untrusted shares per domain, exposure figures of the services it
// owns, resilience loss); the vendors with equipment in its networks and
// which members' standards count each untrusted; the deadlines it assumed
// met; each sharing condition as its networks show it, for every provider;
// and, as host nation, each service another member owns on its networks with
// its exposure, addressed to that owner. Network ids, vendor ids, element
// kinds, rule ids and the ids of services owned by members appear; site ids
// and coordinates never do. With Disclosure::kCounts (the default) element
// ids and finding messages do not appear either (explanations give rules and
// counts); kElements adds the element ids behind each shortfall, finding
// and deadline, so that the alliance view equals the one from the
// inventories byte for byte (but for its provenance).
//
// Reading refuses, each with one `file: what — how to fix`: a file that is
// not JSON or not a posture@1, a posture for another alliance or a member the
// alliance does not have, a duplicate member, a member the alliance file
// gives no key for, an unsigned or malformed signature, a signature by
// another member's key or an unknown key, a changed byte, a posture dated
// after the assessment date or more than max_age_days before it, and one
// made on the other deadline basis. One bad posture fails the whole read;
// with `allow_missing`, a member without a posture file is recorded as such
// (its cells are none), but a bad file still fails.
//
// Dates: a posture covers the one date it was made on (`as_of`). The view
// takes it as the member's statement on the assessment date when that is no
// earlier and at most max_age_days later; it equals the view from the
// inventories when every member made its posture on the assessment date.
// The what-if, timeline and restore searches re-assess networks and are not
// available from postures.
//
// A posture is read with nlohmann::json (its signature is over the parsed
// document); a file that is not JSON is reported at its line and column, a
// structural problem inside a validly signed posture by its file.
//
// Deterministic: the same inputs give the same bytes; O(size of the document).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "alliance/assessment.hpp"
#include "alliance/sharing.hpp"
#include "core/result.hpp"
#include "io/inventory_reader.hpp"
#include "policy/judged_date.hpp"

namespace redoubt::alliance {

inline constexpr std::string_view kPostureFormat = "redoubt/posture@1";

enum class Disclosure : std::uint8_t { kCounts, kElements };
[[nodiscard]] std::string_view Name(Disclosure disclosure);
[[nodiscard]] std::optional<Disclosure> ParseDisclosure(std::string_view text);

// The content hash of what a posture depends on besides its member's
// inventories: the alliance file's levels, members, sharing rules and host
// networks, and the bytes of the baseline and of each member's standard. A
// posture records it as "rules"; one made under other rules is refused.
[[nodiscard]] std::string RulesFingerprint(const AllianceSpec& spec);

// How a posture's resilience loss was simulated: recorded in it as
// `posture.resilience` so that an ally can tell (and reproduce) what it states.
struct ResilienceMethod {
  std::string scenario;  // the scenario's id (vendor-kill-switch)
  std::uint32_t trials = 0;
  std::uint64_t seed = 0;
};

// The unsigned posture of `member` on `as_of`; `model` need hold only that
// member's networks (LoadScope::Kind::kMember). Sign it with trust::SignDocument.
// With `resilience` (see assess/kill_switch.hpp), its resilience loss is
// simulated on the member's networks on the posture's basis and `method`
// recorded; without, it is null (n/a), as in `alliance` from inventories.
[[nodiscard]] nlohmann::ordered_json BuildPosture(const AllianceModel& model, std::size_t member,
                                                  Days as_of, Disclosure disclosure,
                                                  ExposureCache& cache,
                                                  const ResilienceProvider& resilience = {},
                                                  const std::optional<ResilienceMethod>& method = {});

// One hosted foreign-owned service, as its host states it.
struct HostedService {
  std::string network;
  CrossBorderService service;
};

// What the host states for one owner.
struct Hosted {
  std::size_t owner = 0;
  std::vector<HostedService> services;
  std::vector<policy::Finding> findings;  // baseline findings about them (rule, severity, network)
  std::vector<Evidence> evidence;
};

struct NetworkDate {
  std::string id;
  Days as_of = kNoDate;
};

// A verified posture, read back.
struct PostureStatement {
  std::string file;
  std::size_t member = 0;
  Days as_of = kNoDate;
  Disclosure disclosure = Disclosure::kCounts;
  std::string key_id;
  std::optional<ResilienceMethod> resilience;  // how its resilience loss was simulated
  bool deadlines_assumed_met = true;
  std::vector<NetworkDate> networks;
  MemberAssessment assessment;  // posture without abroad figures; deadlines by network id
  std::vector<std::string> deadline_networks;  // per deadline replacement, in order
  std::vector<std::pair<std::string, std::vector<std::string>>> vendors;  // id, untrusted by (codes)
  std::vector<Evidence> evidence;  // as recipient
  std::vector<Hosted> hosted;      // as host, by owner
};

// Per member in order: its statement, or nullopt with `missing[member]` the reason.
struct PostureSet {
  std::vector<std::optional<PostureStatement>> members;
  std::vector<std::string> missing;
  [[nodiscard]] bool Complete() const;
};

// Reads every *.json file of `folder`. `as_of`: the assessment date, or
// kNoDate for the one date rule over the networks the postures name (their
// latest inventory date; else the latest posture date), returned in `as_of`.
// `deadlines_met`: the basis of this run.
[[nodiscard]] Result<PostureSet> ReadPostures(const AllianceSpec& spec, const std::string& folder,
                                              Days& as_of, bool deadlines_met, bool allow_missing);

// The model an alliance view from postures is written with: `standards`
// (LoadScope::Kind::kStandards) with one empty network per network the
// postures name (id and as_of only), in member order.
[[nodiscard]] AllianceModel ShellModel(AllianceModel standards, const PostureSet& postures);

// The assessment from postures alone.
[[nodiscard]] Assessment AssessFromPostures(const AllianceModel& shell, const PostureSet& postures,
                                            Days as_of);

// {"postures": [{member, file, as_of, key_id, disclosure}], "missing": [...]}.
[[nodiscard]] nlohmann::ordered_json ProvenanceJson(const AllianceSpec& spec,
                                                    const PostureSet& postures);

// The whole alliance view from postures, as `alliance --postures` prints it
// and `assess --postures` reports it: the alliance file read, its standards
// loaded (no inventory), the postures of `folder` read and verified, the date
// judged on, and the assessment.
struct PostureView {
  AllianceModel model;  // ShellModel: standards and one empty network per posture network
  PostureSet postures;
  policy::JudgedDate date;
  // The posture networks older than the date (policy::LagOf over their as_of).
  std::vector<policy::InventoryLag> lags;
  Assessment assessment;
};

// `flag`: --as-of or kNoDate (then the one date rule over the posture
// networks, see ReadPostures). `as_inventoried` reads postures made on that
// basis. Diagnostics of every step; stops at the first that fails.
[[nodiscard]] Result<PostureView> LoadPostureView(const std::string& alliance_file,
                                                  const std::string& folder, Days flag,
                                                  bool as_inventoried, bool allow_missing,
                                                  const InventoryOptions& options);

}  // namespace redoubt::alliance
