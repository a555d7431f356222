#include "model/vocabulary.hpp"

#include <array>

namespace redoubt {

namespace {

constexpr std::array<KindInfo, 71> kKinds = {{
    // Radio access network.
    {"ru", Domain::kRan, "O-RAN radio unit"},
    {"du", Domain::kRan, "gNB distributed unit"},
    {"cu", Domain::kRan, "gNB central unit"},
    {"cu-cp", Domain::kRan, "gNB central unit, control plane"},
    {"cu-up", Domain::kRan, "gNB central unit, user plane"},
    {"gnb", Domain::kRan, "5G base station"},
    {"enb", Domain::kRan, "4G base station"},
    {"ng-enb", Domain::kRan, "4G base station connected to a 5G core"},
    {"small-cell", Domain::kRan, "small cell"},
    {"ric", Domain::kRan, "O-RAN RAN intelligent controller"},
    {"antenna", Domain::kRan, "passive antenna system"},
    // Transport.
    {"router", Domain::kTransport, "IP/MPLS router"},
    {"switch", Domain::kTransport, "Ethernet switch"},
    {"microwave", Domain::kTransport, "microwave radio link terminal"},
    {"olt", Domain::kTransport, "optical line terminal"},
    {"ont", Domain::kTransport, "optical network terminal"},
    {"fronthaul-mux", Domain::kTransport, "fronthaul multiplexer"},
    {"optical", Domain::kTransport, "optical transport (DWDM/OTN)"},
    {"dslam", Domain::kTransport, "DSL access multiplexer"},
    {"firewall", Domain::kTransport, "firewall"},
    {"segw", Domain::kTransport, "security gateway (IPsec)"},
    {"satellite-gw", Domain::kTransport, "satellite ground gateway"},
    // 5G core (TS 23.501).
    {"amf", Domain::kCore, "access and mobility management function"},
    {"smf", Domain::kCore, "session management function"},
    {"upf", Domain::kCore, "user plane function"},
    {"ausf", Domain::kCore, "authentication server function"},
    {"udm", Domain::kCore, "unified data management"},
    {"udr", Domain::kCore, "unified data repository"},
    {"udsf", Domain::kCore, "unstructured data storage function"},
    {"pcf", Domain::kCore, "policy control function"},
    {"nrf", Domain::kCore, "network repository function"},
    {"nssf", Domain::kCore, "network slice selection function"},
    {"nef", Domain::kCore, "network exposure function"},
    {"sepp", Domain::kCore, "security edge protection proxy"},
    {"scp", Domain::kCore, "service communication proxy"},
    {"nwdaf", Domain::kCore, "network data analytics function"},
    {"chf", Domain::kCore, "charging function"},
    {"n3iwf", Domain::kCore, "non-3GPP interworking function"},
    {"af", Domain::kCore, "application function"},
    {"5g-eir", Domain::kCore, "5G equipment identity register"},
    {"ucmf", Domain::kCore, "UE radio capability management function"},
    {"tngf", Domain::kCore, "trusted non-3GPP gateway function"},
    {"w-agf", Domain::kCore, "wireline access gateway function"},
    {"smsf", Domain::kCore, "SMS function"},
    {"lmf", Domain::kCore, "location management function"},
    // 4G core (TS 23.401).
    {"mme", Domain::kCore, "mobility management entity"},
    {"sgw", Domain::kCore, "serving gateway"},
    {"pgw", Domain::kCore, "packet data network gateway"},
    {"hss", Domain::kCore, "home subscriber server"},
    {"pcrf", Domain::kCore, "policy and charging rules function"},
    // IMS (TS 23.228) and interconnect.
    {"p-cscf", Domain::kCore, "IMS proxy call session control function"},
    {"i-cscf", Domain::kCore, "IMS interrogating call session control function"},
    {"s-cscf", Domain::kCore, "IMS serving call session control function"},
    {"tas", Domain::kCore, "IMS telephony application server"},
    {"sbc", Domain::kCore, "session border controller"},
    {"internet-gw", Domain::kCore, "internet gateway"},
    // Lawful interception (TS 33.126/33.127).
    {"li-admf", Domain::kCore, "lawful interception administration function"},
    {"li-mdf", Domain::kCore, "lawful interception mediation and delivery function"},
    {"li-poi", Domain::kCore, "lawful interception point of interception"},
    // Management and orchestration.
    {"oss", Domain::kManagement, "operations support system"},
    {"bss", Domain::kManagement, "business support system"},
    {"nms", Domain::kManagement, "network management system"},
    {"ems", Domain::kManagement, "element management system"},
    {"mano", Domain::kManagement, "NFV management and orchestration"},
    {"nfvo", Domain::kManagement, "NFV orchestrator"},
    {"vnfm", Domain::kManagement, "VNF manager"},
    {"vim", Domain::kManagement, "virtualised infrastructure manager"},
    {"sdn-controller", Domain::kManagement, "SDN controller"},
    {"smo", Domain::kManagement, "O-RAN service management and orchestration"},
    // Edge.
    {"mec", Domain::kEdge, "multi-access edge computing host"},
    {"edge-upf", Domain::kEdge, "user plane function at the edge"},
}};

constexpr std::array<std::string_view, kDomainCount> kDomainNames = {
    "ran", "transport", "core", "management", "edge", "other"};
constexpr std::array<std::string_view, 21> kSiteKindNames = {
    "datacenter", "exchange", "cell",     "hub",     "pop",        "military", "nuclear",
    "hospital",   "government", "substation", "power-plant", "factory", "rail", "road",
    "airport",    "port",     "embassy",  "water",   "finance",    "office",   "other"};
constexpr std::array<std::string_view, 7> kMediumNames = {
    "fiber", "microwave", "satellite", "copper", "radio", "internal", "unknown"};
constexpr std::array<std::string_view, 10> kSectorNames = {
    "health",     "energy", "transport", "manufacturing", "defence",
    "government", "public", "finance",   "water",         "emergency"};
constexpr std::array<std::string_view, 5> kClassificationNames = {
    "unclassified", "restricted", "confidential", "secret", "top-secret"};
constexpr std::array<std::string_view, 4> kRiskNames = {"low", "medium", "high", "unknown"};

template <typename Enum, std::size_t N>
std::optional<Enum> Lookup(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace

std::span<const KindInfo> BuiltinKinds() { return kKinds; }

std::optional<std::uint16_t> FindBuiltinKind(std::string_view name) {
  for (std::size_t i = 0; i < kKinds.size(); ++i) {
    if (kKinds[i].name == name) return static_cast<std::uint16_t>(i);
  }
  return std::nullopt;
}

std::span<const std::string_view> DomainNames() { return kDomainNames; }
std::span<const std::string_view> SiteKindNames() { return kSiteKindNames; }
std::span<const std::string_view> MediumNames() { return kMediumNames; }
std::span<const std::string_view> SectorNames() { return kSectorNames; }
std::span<const std::string_view> ClassificationNames() { return kClassificationNames; }
std::span<const std::string_view> RiskNames() { return kRiskNames; }

std::string_view Name(Domain value) { return kDomainNames[static_cast<std::size_t>(value)]; }
std::string_view Name(SiteKind value) { return kSiteKindNames[static_cast<std::size_t>(value)]; }
std::string_view Name(Medium value) { return kMediumNames[static_cast<std::size_t>(value)]; }
std::string_view Name(Sector value) { return kSectorNames[static_cast<std::size_t>(value)]; }
std::string_view Name(Classification value) {
  return kClassificationNames[static_cast<std::size_t>(value)];
}
std::string_view Name(Risk value) { return kRiskNames[static_cast<std::size_t>(value)]; }

template <>
std::optional<Domain> ParseName<Domain>(std::string_view name) {
  return Lookup<Domain>(kDomainNames, name);
}
template <>
std::optional<SiteKind> ParseName<SiteKind>(std::string_view name) {
  return Lookup<SiteKind>(kSiteKindNames, name);
}
template <>
std::optional<Medium> ParseName<Medium>(std::string_view name) {
  return Lookup<Medium>(kMediumNames, name);
}
template <>
std::optional<Sector> ParseName<Sector>(std::string_view name) {
  return Lookup<Sector>(kSectorNames, name);
}
template <>
std::optional<Classification> ParseName<Classification>(std::string_view name) {
  return Lookup<Classification>(kClassificationNames, name);
}
template <>
std::optional<Risk> ParseName<Risk>(std::string_view name) {
  return Lookup<Risk>(kRiskNames, name);
}

}  // namespace redoubt
