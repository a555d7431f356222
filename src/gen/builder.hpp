// Internal to the generator: turns a Layout into a Network — sites,
// elements, links, management relations and services.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include <memory>

#include "gen/countries.hpp"
#include "gen/generator.hpp"
#include "gen/layout.hpp"
#include "gen/products.hpp"
#include "gen/random.hpp"
#include "model/network.hpp"

namespace redoubt::gen {

// A domain's vendors and their shares, resolved against the network's vendors.
struct Mix {
  std::vector<VendorIndex> vendors;
  std::vector<double> shares;
};

// Which mix slot each unit gets when units (in order, with weights) are cut
// into contiguous runs whose weights follow the shares: a unit goes to the
// vendor whose cumulative share interval holds the unit's midpoint.
[[nodiscard]] std::vector<VendorIndex> AssignByCut(const std::vector<double>& weights,
                                                   const Mix& mix);

class Builder {
 public:
  Builder(const GeneratorOptions& options, const CountryProfile& profile, const Layout& layout,
          std::array<Mix, kDomainCount> mixes, Network& network);
  void Build();

 private:
  struct Managers {
    ElementIndex ems = kNone;
    ElementIndex sdn = kNone;
  };

  void Progress(std::string_view phase) const;
  void AssignVendors();
  void AddSites();
  void AddManagement();
  void AddCore();
  void AddAggregation();
  void AddAccess();
  void AddServices();
  void AddNationalServices(Random& rng);
  void AddService(std::string_view slug, std::string name, SiteKind kind, LatLon position,
                  Sector sector, Classification classification, double weight,
                  std::size_t attach_count, std::string owner = {});
  void AddCorridor(std::uint32_t from, std::uint32_t to, SiteKind kind, double weight);

  // Interns "<cc>-<suffix>" using a reusable buffer.
  template <typename... Args>
  StringId Id(fmt::format_string<Args...> format, Args&&... args) {
    buffer_.clear();
    buffer_.append(prefix_);
    fmt::format_to(std::back_inserter(buffer_), format, std::forward<Args>(args)...);
    return network_.Intern(std::string_view(buffer_.data(), buffer_.size()));
  }
  SiteIndex AddSite(StringId id, SiteKind kind, LatLon position, std::uint32_t region,
                    std::uint32_t substation, float backup_hours, StringId name = kNoString);
  ElementIndex AddElement(StringId id, std::string_view kind, VendorIndex vendor, SiteIndex site,
                          Family family, Days installed, bool routed = false);
  void AddLink(ElementIndex a, ElementIndex b, Medium medium, float capacity_gbps,
               StringId conduit = kNoString);
  [[nodiscard]] Days InstallDate(Random& rng, Days base, int jitter_days) const;
  [[nodiscard]] LatLon SiteLocation(SiteIndex site) const {
    return {network_.sites[site].lat, network_.sites[site].lon};
  }
  [[nodiscard]] StringId Model(VendorIndex vendor, Family family);
  [[nodiscard]] StringId Software(VendorIndex vendor, Family family, Days installed,
                                  std::uint32_t patch);

  const GeneratorOptions& options_;
  const CountryProfile& profile_;
  const Layout& layout_;
  std::array<Mix, kDomainCount> mixes_;
  Network& network_;
  std::string prefix_;
  fmt::memory_buffer buffer_;

  // Vendor per unit: RAN per hub; transport per data centre, exchange and hub;
  // core per function instance; edge per region; management per [oss, sdn].
  std::vector<VendorIndex> ran_by_hub_;
  std::vector<VendorIndex> transport_by_dc_, transport_by_exchange_, transport_by_hub_;
  std::vector<VendorIndex> core_by_instance_;
  std::vector<VendorIndex> edge_by_region_;
  std::vector<VendorIndex> management_;  // [oss, sdn]

  // Site indices.
  std::vector<SiteIndex> dc_site_, exchange_site_, hub_site_, substation_site_;
  SiteIndex first_cell_site_ = 0;
  std::vector<StringId> region_name_, substation_id_;

  // Elements the rest hangs off.
  ElementIndex oss_ = kNone, sdn_ = kNone;
  std::vector<ElementIndex> ems_by_vendor_;  // indexed by VendorIndex
  std::vector<std::array<ElementIndex, 2>> dc_router_;
  std::vector<ElementIndex> exchange_router_;
  std::vector<ElementIndex> cell_attach_;  // RAN element a service attaches to, per cell

  std::unordered_map<std::uint64_t, StringId> model_cache_, software_cache_;
  CertSetId certified_ = 0;
  std::unique_ptr<NearestIndex> nearest_;
};

}  // namespace redoubt::gen
