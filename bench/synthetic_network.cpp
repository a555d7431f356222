#include "synthetic_network.hpp"

#include <algorithm>
#include <array>
#include <random>
#include <string>

#include <fmt/format.h>

namespace redoubt::bench {

namespace {

constexpr std::uint32_t kDataCentres = 4;
constexpr std::uint32_t kRingSize = 8;
constexpr std::uint32_t kPreAggPerNode = 4;
constexpr std::uint32_t kCellsPerPreAgg = 24;
constexpr std::uint32_t kElementsPerRing = 1080;  // measured average of the shape below

class Builder {
 public:
  explicit Builder(const SyntheticSpec& spec) : spec_(spec), rng_(spec.seed) {}

  Network Build() {
    AddVendors();
    AddCore();
    const std::uint32_t rings = std::max(1U, spec_.elements / kElementsPerRing);
    for (std::uint32_t ring = 0; ring < rings; ++ring) AddRing(ring);
    AddServices();
    FinishManagement();
    return std::move(network_);
  }

 private:
  std::uint32_t Pick(std::uint32_t count) {
    return std::uniform_int_distribution<std::uint32_t>(0, count - 1)(rng_);
  }
  double Uniform() { return std::uniform_real_distribution<double>(0, 1)(rng_); }

  void AddVendors() {
    const struct {
      const char* id;
      const char* country;
      Risk risk;
    } vendors[] = {{"ericsson", "SE", Risk::kLow}, {"nokia", "FI", Risk::kLow},
                   {"samsung", "KR", Risk::kLow},  {"huawei", "CN", Risk::kHigh},
                   {"zte", "CN", Risk::kHigh},     {"cisco", "US", Risk::kLow},
                   {"juniper", "US", Risk::kLow},  {"ciena", "US", Risk::kLow}};
    for (const auto& entry : vendors) {
      Vendor vendor;
      vendor.id = network_.Intern(entry.id);
      vendor.name = entry.id;
      vendor.country = entry.country;
      vendor.risk = entry.risk;
      vendor.risk_declared = true;
      network_.vendors.push_back(std::move(vendor));
    }
    network_.info = {"synthetic", "Synthetic operator", "GB", kNoDate};
  }

  SiteIndex AddSite(const std::string& id, SiteKind kind, StringId region) {
    Site site;
    site.id = network_.Intern(id);
    site.kind = kind;
    site.region = region;
    network_.sites.push_back(site);
    return static_cast<SiteIndex>(network_.sites.size() - 1);
  }

  ElementIndex AddElement(const std::string& id, const char* kind_name, VendorIndex vendor, SiteIndex site) {
    Element element;
    element.id = network_.Intern(id);
    element.kind = *FindBuiltinKind(kind_name);
    element.domain = BuiltinKinds()[element.kind].domain;
    element.vendor = vendor;
    element.site = site;
    network_.elements.push_back(element);
    return static_cast<ElementIndex>(network_.elements.size() - 1);
  }

  void AddLink(ElementIndex a, ElementIndex b, float latency, Medium medium = Medium::kFiber) {
    Link link;
    link.id = network_.Intern(fmt::format("l{}", network_.links.size()));
    link.a = a;
    link.b = b;
    link.latency_ms = latency;
    link.medium = medium;
    network_.links.push_back(link);
  }

  void AddCore() {
    const StringId region = network_.Intern("core");
    for (std::uint32_t dc = 0; dc < kDataCentres; ++dc) {
      const SiteIndex site = AddSite(fmt::format("dc{}", dc), SiteKind::kDatacenter, region);
      const VendorIndex router_vendor = dc % 2 == 0 ? kJuniper : kCisco;
      const VendorIndex core_vendor = dc % 2 == 0 ? kEricsson : kNokia;
      const ElementIndex rtr_a = AddElement(fmt::format("dc{}-rtr-a", dc), "router", router_vendor, site);
      const ElementIndex rtr_b = AddElement(fmt::format("dc{}-rtr-b", dc), "router", router_vendor, site);
      const ElementIndex sw_a = AddElement(fmt::format("dc{}-sw-a", dc), "switch", kCisco, site);
      const ElementIndex sw_b = AddElement(fmt::format("dc{}-sw-b", dc), "switch", kJuniper, site);
      AddLink(rtr_a, rtr_b, 0.02F, Medium::kInternal);
      for (ElementIndex sw : {sw_a, sw_b}) {
        AddLink(sw, rtr_a, 0.02F, Medium::kInternal);
        AddLink(sw, rtr_b, 0.02F, Medium::kInternal);
      }
      for (const char* kind : {"amf", "smf", "upf", "ausf", "udm", "nrf"}) {
        const ElementIndex function = AddElement(fmt::format("dc{}-{}", dc, kind), kind, core_vendor, site);
        AddLink(function, sw_a, 0.02F, Medium::kInternal);
        AddLink(function, sw_b, 0.02F, Medium::kInternal);
      }
      dc_routers_.push_back({rtr_a, rtr_b});
      if (dc == 0) {
        oss_ = AddElement("oss", "oss", kEricsson, site);
        AddLink(oss_, sw_a, 0.02F, Medium::kInternal);
        sdn_ = AddElement("sdn", "sdn-controller", kCisco, site);
        AddLink(sdn_, sw_b, 0.02F, Medium::kInternal);
        for (VendorIndex vendor = 0; vendor < network_.vendors.size(); ++vendor) {
          const ElementIndex ems = AddElement(
              fmt::format("ems-{}", network_.Str(network_.vendors[vendor].id)), "ems", vendor, site);
          AddLink(ems, vendor % 2 == 0 ? sw_a : sw_b, 0.02F, Medium::kInternal);
          ems_.push_back(ems);
        }
      }
    }
    for (std::uint32_t dc = 0; dc < kDataCentres; ++dc) {  // a ring of DCs with chords
      AddLink(dc_routers_[dc][0], dc_routers_[(dc + 1) % kDataCentres][0], 2.0F);
      AddLink(dc_routers_[dc][1], dc_routers_[(dc + 2) % kDataCentres][1], 3.0F);
    }
  }

  void AddRing(std::uint32_t ring) {
    const StringId region = network_.Intern(fmt::format("region-{:02}", ring / 50));
    const double ran_draw = Uniform();
    const VendorIndex ran = ran_draw < 0.35 ? kEricsson : ran_draw < 0.65 ? kNokia
                          : ran_draw < 0.9 ? kHuawei : ran_draw < 0.95 ? kZte : kSamsung;
    const double transport_draw = Uniform();
    const VendorIndex transport = transport_draw < 0.45 ? kCisco : transport_draw < 0.85 ? kJuniper : kHuawei;
    std::vector<ElementIndex> nodes;
    for (std::uint32_t node = 0; node < kRingSize; ++node) {
      const SiteIndex site = AddSite(fmt::format("r{}-x{}", ring, node), SiteKind::kExchange, region);
      nodes.push_back(AddElement(fmt::format("r{}-agg{}", ring, node), "router", transport, site));
    }
    for (std::uint32_t node = 0; node < kRingSize; ++node) AddLink(nodes[node], nodes[(node + 1) % kRingSize], 0.5F);
    AddLink(nodes[0], dc_routers_[ring % kDataCentres][0], 1.0F);
    AddLink(nodes[kRingSize / 2], dc_routers_[(ring + 1) % kDataCentres][1], 1.0F);
    for (std::uint32_t node = 0; node < kRingSize; ++node) {
      std::vector<ElementIndex> pre_aggs;
      for (std::uint32_t tree = 0; tree < kPreAggPerNode; ++tree) {
        const std::string prefix = fmt::format("r{}-n{}-t{}", ring, node, tree);
        const SiteIndex hub = AddSite(prefix + "-hub", SiteKind::kHub, region);
        const ElementIndex pre_agg = AddElement(prefix + "-pre", "router", transport, hub);
        AddLink(pre_agg, nodes[node], 0.2F);
        pre_aggs.push_back(pre_agg);
        std::vector<ElementIndex> cells;
        for (std::uint32_t cell = 0; cell < kCellsPerPreAgg; ++cell) {
          const std::string id = fmt::format("{}-c{}", prefix, cell);
          const SiteIndex site = AddSite(id, SiteKind::kCell, region);
          const double shape = Uniform();
          ElementIndex attach = kNone;
          if (shape < 0.15) {  // split RAN: RU and DU at the cell, CU at the hub
            attach = AddElement(id + "-ru", "ru", ran, site);
            const ElementIndex du = AddElement(id + "-du", "du", ran, site);
            const ElementIndex cu = AddElement(id + "-cu", "cu", ran, hub);
            AddLink(attach, du, 0.01F);
            AddLink(du, cu, 0.05F);
            AddLink(cu, pre_agg, 0.01F, Medium::kInternal);
          } else if (shape < 0.25) {  // behind a microwave hop
            attach = AddElement(id + "-gnb", "gnb", ran, site);
            const ElementIndex far = AddElement(id + "-mw-a", "microwave", transport == kHuawei ? kHuawei : kEricsson, site);
            const ElementIndex near = AddElement(id + "-mw-b", "microwave", transport == kHuawei ? kHuawei : kEricsson, hub);
            AddLink(attach, far, 0.01F, Medium::kCopper);
            AddLink(far, near, 0.2F, Medium::kMicrowave);
            AddLink(near, pre_agg, 0.01F, Medium::kInternal);
          } else {
            attach = AddElement(id + "-gnb", "gnb", ran, site);
            AddLink(attach, pre_agg, 0.1F);
          }
          cells.push_back(attach);
          attachments_.push_back(attach);
        }
        // Every tenth cell is dual-homed to the previous tree's router.
        if (tree > 0) {
          for (std::uint32_t cell = 0; cell < kCellsPerPreAgg; cell += 10) {
            if (network_.elements[cells[cell]].kind == *FindBuiltinKind("gnb")) AddLink(cells[cell], pre_aggs[tree - 1], 0.15F);
          }
        }
      }
    }
    ring_first_attachment_.push_back(static_cast<std::uint32_t>(attachments_.size()));
  }

  void AddServices() {
    const Sector sectors[] = {Sector::kPublic, Sector::kPublic,    Sector::kPublic,        Sector::kPublic,
                              Sector::kPublic, Sector::kHealth,    Sector::kEnergy,        Sector::kTransport,
                              Sector::kManufacturing, Sector::kGovernment, Sector::kDefence};
    const KindId needs[] = {*FindBuiltinKind("amf"), *FindBuiltinKind("smf"), *FindBuiltinKind("upf")};
    const auto per_ring = static_cast<std::uint32_t>(attachments_.size() / ring_first_attachment_.size());
    for (std::uint32_t index = 0; index < spec_.services; ++index) {
      Service service;
      service.id = network_.Intern(fmt::format("svc{}", index));
      service.sector = sectors[Pick(std::size(sectors))];
      service.classification = service.sector == Sector::kDefence      ? Classification::kSecret
                               : service.sector == Sector::kGovernment ? Classification::kRestricted
                                                                       : Classification::kUnclassified;
      service.owner = "GB";
      const std::uint32_t first = Pick(static_cast<std::uint32_t>(attachments_.size()));
      service.attach.push_back(attachments_[first]);
      if (Uniform() < spec_.dual_homed_services) {  // a second cell elsewhere on the same ring
        const std::uint32_t ring_start = first / per_ring * per_ring;
        const ElementIndex second = attachments_[ring_start + Pick(per_ring)];
        if (second != service.attach[0]) service.attach.push_back(second);
        service.requirements.disjoint_paths = 2;
      }
      service.needs.assign(std::begin(needs), std::end(needs));
      service.weight = 100 + Pick(9900);
      network_.services.push_back(std::move(service));
    }
  }

  void FinishManagement() {
    const KindId router = *FindBuiltinKind("router");
    network_.managed_by_offsets.assign(1, 0);
    for (ElementIndex element = 0; element < network_.elements.size(); ++element) {
      const Element& record = network_.elements[element];
      if (record.domain != Domain::kManagement) {
        network_.managed_by_targets.push_back(ems_[record.vendor]);
        if (record.kind == router) network_.managed_by_targets.push_back(sdn_);
      } else if (element != oss_) {
        network_.managed_by_targets.push_back(oss_);
      }
      network_.managed_by_offsets.push_back(static_cast<std::uint32_t>(network_.managed_by_targets.size()));
    }
  }

  static constexpr VendorIndex kEricsson = 0, kNokia = 1, kSamsung = 2, kHuawei = 3, kZte = 4,
                               kCisco = 5, kJuniper = 6;

  SyntheticSpec spec_;
  std::mt19937_64 rng_;
  Network network_;
  std::vector<std::array<ElementIndex, 2>> dc_routers_;
  std::vector<ElementIndex> ems_;
  ElementIndex oss_ = kNone;
  ElementIndex sdn_ = kNone;
  std::vector<ElementIndex> attachments_;
  std::vector<std::uint32_t> ring_first_attachment_;
};

}  // namespace

Network BuildSyntheticNetwork(const SyntheticSpec& spec) { return Builder(spec).Build(); }

}  // namespace redoubt::bench
