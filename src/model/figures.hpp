// The headline figures a user sees, each defined once: a key (its name in the
// JSON), a name (what the terminal and the report call it) and one sentence of
// definition, used verbatim by the JSON, the terminal and the report.
//
//   const FigureDefinition& espionage = Define(Figure::kEspionage);
//   Label(Figure::kEspionage, ServiceSet::kCritical);  // "espionage share, critical services"
//
// Each figure is measured over a named set of services (ServiceSet), within a
// scope that the command gives (one network's services for `expose`; in an
// assessment, ScopeOf: the services a member owns, or those on its networks)
// and on a named basis (Basis): the inventory as it is, or with each member's
// future deadlines assumed met. Two bases or two sets are never shown under
// one caption: a figure's label names its set, and each table its basis.
//
// Where each is computed (one implementation each):
//   espionage and sabotage shares — GroupTotals (analysis/exposure_summary.hpp),
//     summed over the member's services by the posture (alliance/posture.hpp);
//   kill-switch loss — KillSwitchTally (assess/figures.hpp);
//   findings by severity — policy::Evaluate, counted by alliance::Assess.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/vocabulary.hpp"

namespace redoubt {

// Which services a figure is measured over.
enum class ServiceSet : std::uint8_t { kAll, kCritical };

// The one definition of a critical service: every sector but `public`
// (hospitals, power, transport, factories, defence, government, finance,
// water, emergency services; not the general public's traffic).
[[nodiscard]] constexpr bool IsCritical(Sector sector) { return sector != Sector::kPublic; }
[[nodiscard]] constexpr bool InSet(ServiceSet set, Sector sector) {
  return set == ServiceSet::kAll || IsCritical(sector);
}

// On which state of the networks a figure is measured.
enum class Basis : std::uint8_t { kAsInventoried, kDeadlinesMet };

enum class Figure : std::uint8_t { kEspionage, kSabotage, kKillSwitchLoss, kFindings };

// Whose services a figure of an alliance assessment counts.
enum class Scope : std::uint8_t { kOwnedServices, kNetworkServices };
// Espionage and sabotage: the services a member owns on its own networks
// (its services on other members' networks are host-nation exposure,
// reported apart: a host's suppliers are the host's posture, not its
// guests'); kill-switch loss and findings: what is on the member's own
// networks (the simulation runs network by network).
[[nodiscard]] constexpr Scope ScopeOf(Figure figure) {
  return figure == Figure::kEspionage || figure == Figure::kSabotage ? Scope::kOwnedServices
                                                                     : Scope::kNetworkServices;
}

struct FigureDefinition {
  std::string_view key;       // "espionage", "critical", "as_inventoried"
  std::string_view name;      // "espionage share", "critical services"
  std::string_view sentence;  // one sentence of definition
};

[[nodiscard]] const FigureDefinition& Define(Figure figure);
[[nodiscard]] const FigureDefinition& Define(ServiceSet set);
[[nodiscard]] const FigureDefinition& Define(Basis basis);
[[nodiscard]] const FigureDefinition& Define(Scope scope);

// "espionage share, critical services" — the name and the set, for captions.
[[nodiscard]] std::string Label(Figure figure, ServiceSet set);
// "espionage share, critical services, over the member's services — Share of
// …" — the label, the scope in an assessment and the sentence, for legends.
[[nodiscard]] std::string Explain(Figure figure, ServiceSet set);

}  // namespace redoubt
