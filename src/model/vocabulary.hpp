// The closed vocabularies of the model: element domains and built-in element
// kinds, site kinds, link media, service sectors, classifications and vendor
// risk levels. Each has a name table used by readers (with "did you mean"),
// writers and reports.
//
// Element kinds follow 3GPP TS 23.501 for the 5G core, TS 23.401 for the 4G
// (EPC) core, TS 23.228 for IMS and TS 33.126/33.127 for lawful interception.
// Files may use other kinds when they give the `domain` explicitly.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace redoubt {

enum class Domain : std::uint8_t { kRan, kTransport, kCore, kManagement, kEdge, kOther };
inline constexpr int kDomainCount = 6;

enum class SiteKind : std::uint8_t {
  kDatacenter, kExchange, kCell, kHub, kPop, kMilitary, kNuclear, kHospital, kGovernment,
  kSubstation, kPowerPlant, kFactory, kRail, kRoad, kAirport, kPort, kEmbassy, kWater,
  kFinance, kOffice, kOther
};

enum class Medium : std::uint8_t { kFiber, kMicrowave, kSatellite, kCopper, kRadio, kInternal, kUnknown };

enum class Sector : std::uint8_t {
  kHealth, kEnergy, kTransport, kManufacturing, kDefence, kGovernment, kPublic, kFinance,
  kWater, kEmergency
};

// The default ordered classification levels (an alliance file may name its own).
enum class Classification : std::uint8_t {
  kUnclassified, kRestricted, kConfidential, kSecret, kTopSecret
};

enum class Risk : std::uint8_t { kLow, kMedium, kHigh, kUnknown };

struct KindInfo {
  std::string_view name;
  Domain domain;
  std::string_view description;
};

// Built-in element kinds, in a fixed order (their index is a stable KindId).
[[nodiscard]] std::span<const KindInfo> BuiltinKinds();
[[nodiscard]] std::optional<std::uint16_t> FindBuiltinKind(std::string_view name);

[[nodiscard]] std::span<const std::string_view> DomainNames();
[[nodiscard]] std::span<const std::string_view> SiteKindNames();
[[nodiscard]] std::span<const std::string_view> MediumNames();
[[nodiscard]] std::span<const std::string_view> SectorNames();
[[nodiscard]] std::span<const std::string_view> ClassificationNames();
[[nodiscard]] std::span<const std::string_view> RiskNames();

[[nodiscard]] std::string_view Name(Domain value);
[[nodiscard]] std::string_view Name(SiteKind value);
[[nodiscard]] std::string_view Name(Medium value);
[[nodiscard]] std::string_view Name(Sector value);
[[nodiscard]] std::string_view Name(Classification value);
[[nodiscard]] std::string_view Name(Risk value);

// Parse a name into its enum; nullopt when unknown.
template <typename Enum>
[[nodiscard]] std::optional<Enum> ParseName(std::string_view name);

}  // namespace redoubt
