#include "gen/products.hpp"

#include <array>

#include <fmt/format.h>

namespace redoubt::gen {

namespace {

struct VendorProducts {
  std::string_view vendor;
  std::array<std::string_view, kFamilyCount> lines;  // "" = generic
  int first_major;  // major version of the 2015 releases
};

// Order of `lines`: gnb ru du cu cell-router microwave hub-router agg-router
// core-router core-control core-user subscriber mec ems oss sdn.
constexpr std::array<VendorProducts, 11> kProducts = {{
    {"ericsson",
     {"Baseband 6630", "Radio 4480", "Baseband 6648", "vCU", "Router 6471", "MINI-LINK 6600",
      "Router 6675", "Router 6000", "Router 8000", "Packet Core Controller",
      "Packet Core Gateway", "Cloud Unified Data Management", "Edge Compute Platform",
      "Ericsson Network Manager", "Ericsson OSS", "Ericsson SDN Controller"},
     16},
    {"nokia",
     {"AirScale BTS", "AirScale RRH", "AirScale DU", "AirScale Cloud RAN CU", "7705 SAR",
      "Wavence", "7750 SR-a", "7750 SR-7", "7950 XRS", "Cloud Mobility Manager",
      "Cloud Mobile Gateway", "Subscriber Data Management", "MEC Platform", "NetAct",
      "Nokia OSS", "Nuage VSP"},
     17},
    {"huawei",
     {"BTS5900", "AAU5613", "BBU5900", "CloudCU", "ATN 910C", "OptiX RTN 950A", "CX600-X8",
      "NE40E-X16", "NE5000E", "CloudCore UNC", "CloudCore UDG", "CloudCore UDM", "MEC@CloudEdge",
      "MAE U2020", "iMaster MAE", "iMaster NCE"},
     18},
    {"zte",
     {"ZXRAN V9200", "ZXRAN A9611", "ZXRAN V9200 DU", "ZXRAN CU", "ZXCTN 6120H", "ZXMW NR8950",
      "ZXCTN 6180H", "ZXCTN 9000", "ZXR10 T8000", "Common Core AMF", "Common Core UPF",
      "ZXUN uMAC", "Common Edge", "NetNumen U31", "ElasticNet UME", "ZENIC ONE"},
     15},
    {"samsung",
     {"Compact Macro", "Massive MIMO Radio", "vDU", "vCU", "", "", "", "", "", "Samsung 5G Core",
      "Samsung 5G Core UPF", "Samsung UDM", "Samsung MEC", "Samsung USM", "CognitiV NOS", ""},
     14},
    {"cisco",
     {"", "", "", "", "ASR 920", "", "NCS 540", "NCS 5500", "ASR 9000", "Ultra Packet Core",
      "Ultra Packet Core UPF", "Cisco UDM", "Cisco MEC", "Crosswork Network Automation",
      "Cisco OSS", "Crosswork NSO"},
     6},
    {"juniper",
     {"", "", "", "", "ACX2200", "", "ACX5448", "MX960", "PTX10008", "", "", "", "",
      "Junos Space", "Paragon Insights", "Paragon Pathfinder"},
     17},
    {"ciena",
     {"", "", "", "", "3926", "", "5171", "6500", "8700 PacketWave", "", "", "", "",
      "MCP", "Blue Planet", "Blue Planet MDSO"},
     4},
    {"nec",
     {"NEC 5G Radio Unit", "NEC RU", "NEC DU", "NEC CU", "", "iPASOLINK EX", "", "", "", "",
      "", "", "", "NetCollaborator", "NEC OSS", ""},
     3},
    {"fujitsu",
     {"Fujitsu gNB", "Fujitsu RU", "Fujitsu DU", "Fujitsu CU", "", "", "", "", "1FINITY", "",
      "", "", "", "Virtuora NC", "Virtuora SA", "Virtuora NC SDN"},
     5},
    {"mavenir",
     {"OpenBeam", "OpenBeam RU", "OpenRAN DU", "OpenRAN CU", "", "", "", "", "", "MAVcore",
      "MAVcore UPF", "MAVcore UDM", "Mavenir MEC", "Mavenir EMS", "Mavenir OSS", ""},
     5},
}};

constexpr std::array<std::string_view, kFamilyCount> kGenericLines = {
    "gNB", "radio unit", "distributed unit", "central unit", "cell-site router", "microwave",
    "pre-aggregation router", "aggregation router", "core router", "core control plane",
    "core user plane", "subscriber data", "edge platform", "element manager", "OSS",
    "SDN controller"};

const VendorProducts* Find(std::string_view vendor_id) {
  for (const VendorProducts& products : kProducts) {
    if (products.vendor == vendor_id) return &products;
  }
  return nullptr;
}

}  // namespace

std::string ProductLine(std::string_view vendor_id, std::string_view vendor_name, Family family) {
  const auto index = static_cast<std::size_t>(family);
  if (const VendorProducts* products = Find(vendor_id)) {
    if (!products->lines[index].empty()) return std::string(products->lines[index]);
  }
  return fmt::format("{} {}", vendor_name.empty() ? vendor_id : vendor_name,
                     kGenericLines[index]);
}

int ReleaseOf(Days installed) {
  constexpr Days kFirstRelease = 16436;  // 2015-01-01
  return installed < kFirstRelease ? 0 : (installed - kFirstRelease) / 182;
}

std::string SoftwareVersion(std::string_view vendor_id, Family family, int release,
                            std::uint32_t patch) {
  const VendorProducts* products = Find(vendor_id);
  const int first_major = products != nullptr ? products->first_major : 1;
  // Platforms (routers, managers) move slower than radio and core software.
  const bool slow = family == Family::kCellRouter || family == Family::kHubRouter ||
                    family == Family::kAggRouter || family == Family::kCoreRouter ||
                    family == Family::kMicrowave || family == Family::kOss ||
                    family == Family::kSdn || family == Family::kEms;
  const int major = first_major + (slow ? release / 4 : release / 2);
  const int minor = slow ? release % 4 : release % 2 + 1;
  return fmt::format("{}.{}.{}", major, minor, patch);
}

}  // namespace redoubt::gen
