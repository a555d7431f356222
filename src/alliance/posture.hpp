// A member's posture: the numbers that say how far it depends on untrusted
// equipment, as a vector two members can be compared by (divergence.hpp).
//
// Components, in order (all shares in [0, 1]):
//   untrusted share of ran, transport, core, management and edge, each by
//   elements and by sites (the baseline's definition of untrusted; a site
//   counts for a domain when it holds an element of it, and is untrusted
//   when one of those is);
//   espionage and sabotage shares of the member's critical services
//   (Figure::kEspionage, Figure::kSabotage over ServiceSet::kCritical, as
//   model/figures.hpp defines them), summed by GroupTotals over the services
//   it owns on its own networks; the same over all its services is kept
//   beside them, for the report, but is not part of the vector. Its critical
//   services on other members' networks (forces abroad) are host-nation
//   exposure: tallied apart (`abroad`, `cross_border`), not in the vector;
//   resilience loss under the vendor kill-switch scenario.
//
// Resilience comes from the simulation module, which is not part of this
// module: AssessOptions::resilience (assessment.hpp) is called once per member
// and date, and should run data/scenarios/vendor-kill-switch.yaml on the
// member's networks (as edited for the date) and return the share of service
// weight-hours lost over the horizon. Without it the component is absent
// ("n/a") and divergence leaves it out.
//
// O(elements + Σ routes of the member's services). Deterministic.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/exposure_cache.hpp"
#include "alliance/model.hpp"
#include "analysis/exposure_summary.hpp"
#include "model/figures.hpp"

namespace redoubt::alliance {

inline constexpr std::array<Domain, 5> kPostureDomains = {
    Domain::kRan, Domain::kTransport, Domain::kCore, Domain::kManagement, Domain::kEdge};

struct DomainShare {
  std::size_t elements = 0;
  std::size_t untrusted_elements = 0;
  std::size_t sites = 0;
  std::size_t untrusted_sites = 0;
  [[nodiscard]] double ElementShare() const {
    return elements == 0 ? 0.0 : static_cast<double>(untrusted_elements) / static_cast<double>(elements);
  }
  [[nodiscard]] double SiteShare() const {
    return sites == 0 ? 0.0 : static_cast<double>(untrusted_sites) / static_cast<double>(sites);
  }
};

// A critical service of the member that rides on another member's network.
struct CrossBorderService {
  std::size_t network = 0;
  ServiceIndex service = kNone;
  bool exposed = false;
  bool lost_without_untrusted = false;
  // What GroupTotals::Add took from it, so that the owner's `abroad` can be
  // summed again from the host's posture in the same order.
  std::string service_id;
  double weight = 0;
  bool up = false;
  bool single_point = false;
};

struct Posture {
  std::array<DomainShare, kPostureDomains.size()> domains{};
  GroupTotals all;       // every service the member owns on its own networks
  GroupTotals critical;  // those of them that are critical (IsCritical)
  GroupTotals abroad;    // its critical services on other members' networks
  std::optional<double> resilience_loss;  // Figure::kKillSwitchLoss, all services

  [[nodiscard]] const GroupTotals& Totals(ServiceSet set) const {
    return set == ServiceSet::kAll ? all : critical;
  }
  // Nullopt when it owns no critical service.
  [[nodiscard]] std::optional<double> Espionage() const { return critical.EspionageShare(); }
  [[nodiscard]] std::optional<double> Sabotage() const { return critical.SabotageShare(); }
  std::vector<CrossBorderService> cross_border;  // by network, then service
};

struct PostureComponent {
  std::string name;  // "ran.elements", "espionage", ...
  std::optional<double> value;
  double weight = 0;  // in the divergence
};
[[nodiscard]] std::vector<PostureComponent> PostureVector(const Posture& posture);

// `untrusted[n]` is network n's flags under the baseline's definition (zero
// for elements not in service on the date).
[[nodiscard]] Posture ComputePosture(const AllianceModel& model, std::size_t member,
                                     std::span<const std::vector<std::uint8_t>> untrusted,
                                     ExposureCache& cache);

}  // namespace redoubt::alliance
