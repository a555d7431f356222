#include "model/figures.hpp"

#include <array>

namespace redoubt {

namespace {

constexpr std::array<FigureDefinition, 4> kFigures = {{
    {"espionage", "espionage share",
     "Share of the services' weight whose primary routes cross, or are managed by, untrusted "
     "equipment."},
    {"sabotage", "sabotage share",
     "Share of the services' weight that is up now and goes down when every untrusted element is "
     "switched off."},
    {"kill_switch_loss", "kill-switch loss",
     "Share of the services' weight-hours lost over the horizon of the vendor kill-switch "
     "scenario, mean over the trials."},
    {"findings", "findings",
     "Findings of a standard's rules, by severity: the member's own standard, and the alliance "
     "baseline as its own standard reads it."},
}};

constexpr std::array<FigureDefinition, 2> kScopes = {{
    {"owned", "the member's services",
     "The services a member owns on its own networks (those that name no other owner or name "
     "it); its services on other members' networks are host-nation exposure, reported apart; "
     "untrusted as the alliance baseline defines it."},
    {"networks", "the member's networks",
     "Everything on the member's own networks, whoever owns the services."},
}};

constexpr std::array<FigureDefinition, 2> kServiceSets = {{
    {"all", "all services", "Every service in the figure's scope, whatever its sector."},
    {"critical", "critical services",
     "The services whose sector is not public: health, energy, transport, manufacturing, "
     "defence, government, finance, water and emergency services."},
}};

constexpr std::array<FigureDefinition, 2> kBases = {{
    {"as_inventoried", "as inventoried",
     "The networks as their inventories list them, counting only the equipment in service on the "
     "assessment date."},
    {"deadlines_met", "with deadlines assumed met",
     "The networks with each member's future deadlines taken as met by the assessment date: "
     "equipment that a dated rule of its own standard forbids is replaced like for like."},
}};

}  // namespace

const FigureDefinition& Define(Figure figure) { return kFigures[static_cast<std::size_t>(figure)]; }
const FigureDefinition& Define(ServiceSet set) { return kServiceSets[static_cast<std::size_t>(set)]; }
const FigureDefinition& Define(Basis basis) { return kBases[static_cast<std::size_t>(basis)]; }
const FigureDefinition& Define(Scope scope) { return kScopes[static_cast<std::size_t>(scope)]; }

std::string Label(Figure figure, ServiceSet set) {
  return std::string(Define(figure).name) + ", " + std::string(Define(set).name);
}

std::string Explain(Figure figure, ServiceSet set) {
  return Label(figure, set) + ", over " + std::string(Define(ScopeOf(figure)).name) + " — " +
         std::string(Define(figure).sentence);
}

}  // namespace redoubt
