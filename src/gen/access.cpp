// The access network: hubs (pre-aggregation) and the cell sites below them.
#include <algorithm>
#include <numeric>

#include "gen/builder.hpp"

namespace redoubt::gen {

namespace {
constexpr std::uint64_t kStreamAccess = 4;
constexpr int kYear = 365;
constexpr double kSharedDuctShare = 0.1;  // hubs whose two uplinks share one duct
}  // namespace

void Builder::AddAccess() {
  Random rng(options_.seed, kStreamAccess);
  const std::size_t cells = layout_.cells.size();
  network_.elements.reserve(network_.elements.size() + cells * 2 + layout_.hubs.size() * 2);
  network_.links.reserve(network_.links.size() + cells * 2 + layout_.hubs.size() * 3);
  cell_attach_.assign(cells, kNone);
  std::vector<ElementIndex> transport(kCellsPerHub * 2);
  std::vector<std::uint32_t> order;
  std::vector<bool> split;
  for (std::uint32_t h = 0; h < layout_.hubs.size(); ++h) {
    const Hub& hub = layout_.hubs[h];
    const Region& region = layout_.regions[hub.region];
    const VendorIndex ran_vendor = ran_by_hub_[h];
    const VendorIndex transport_vendor = transport_by_hub_[h];
    const Days ran_base = options_.as_of - static_cast<Days>(rng.Below(3 * kYear));
    const Days transport_base = options_.as_of - static_cast<Days>(rng.Below(8 * kYear));

    const ElementIndex router =
        AddElement(Id("hub{}-rtr", h + 1), "router", transport_vendor, hub_site_[h],
                   Family::kHubRouter, InstallDate(rng, transport_base, 90), true);
    // Dual homing to the ring: its own exchange and the next one.
    const StringId duct = rng.Chance(kSharedDuctShare) ? Id("duct-hub{}", h + 1) : kNoString;
    AddLink(router, exchange_router_[hub.exchange], Medium::kFiber, 100, duct);
    if (region.exchanges.count >= 2) {
      const std::uint32_t next =
          region.exchanges.first + (hub.exchange - region.exchanges.first + 1) % region.exchanges.count;
      AddLink(router, exchange_router_[next], Medium::kFiber, 100, duct);
    }

    split.assign(hub.cells.count, false);
    bool any_split = false;
    std::size_t rural = 0;
    for (std::uint32_t k = 0; k < hub.cells.count; ++k) {
      split[k] = options_.split_ran > 0 && rng.Chance(options_.split_ran);
      any_split = any_split || split[k];
      rural += layout_.cells[hub.cells.first + k].rural ? 1 : 0;
    }
    const bool mostly_rural = rural * 2 > hub.cells.count;
    const bool ring = hub.cells.count >= 3 && rng.Chance(mostly_rural ? 0.15 : 0.4);
    const double fiber_share = mostly_rural ? 0.35 : 0.75;
    if (any_split) {
      const ElementIndex cu = AddElement(Id("hub{}-cu", h + 1), "cu", ran_vendor, hub_site_[h],
                                         Family::kCu, InstallDate(rng, ran_base, 60));
      AddLink(cu, router, Medium::kInternal, 25);
    }

    // Cell sites: radio, then the site's transport (a cell-site router on
    // fibre, or a microwave terminal).
    transport.resize(hub.cells.count);
    std::vector<bool> fiber(hub.cells.count, true);
    for (std::uint32_t k = 0; k < hub.cells.count; ++k) {
      if (!ring) fiber[k] = rng.Chance(fiber_share);
    }
    // The cell nearest the hub always has fibre: a tree needs a root.
    order.resize(hub.cells.count);
    std::iota(order.begin(), order.end(), 0u);
    std::vector<double> distance(hub.cells.count);
    for (std::uint32_t k = 0; k < hub.cells.count; ++k) {
      distance[k] = DistanceKm(layout_.cells[hub.cells.first + k].position, hub.position);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return distance[a] < distance[b]; });
    if (!order.empty()) fiber[order[0]] = true;

    for (std::uint32_t k = 0; k < hub.cells.count; ++k) {
      const std::uint32_t cell = hub.cells.first + k;
      const SiteIndex site = first_cell_site_ + cell;
      const Days installed = InstallDate(rng, ran_base, 120);
      ElementIndex radio_uplink;
      if (split[k]) {
        const ElementIndex ru =
            AddElement(Id("cell{}-ru", cell + 1), "ru", ran_vendor, site, Family::kRu, installed);
        const ElementIndex du =
            AddElement(Id("cell{}-du", cell + 1), "du", ran_vendor, site, Family::kDu, installed);
        AddLink(ru, du, Medium::kInternal, 25);
        cell_attach_[cell] = ru;
        radio_uplink = du;
      } else {
        const ElementIndex gnb = AddElement(Id("cell{}-gnb", cell + 1), "gnb", ran_vendor, site,
                                            Family::kGnb, installed);
        cell_attach_[cell] = gnb;
        radio_uplink = gnb;
      }
      const Days transport_date = InstallDate(rng, transport_base, 180);
      transport[k] = fiber[k] ? AddElement(Id("cell{}-csr", cell + 1), "router", transport_vendor,
                                           site, Family::kCellRouter, transport_date, true)
                              : AddElement(Id("cell{}-mw", cell + 1), "microwave",
                                           transport_vendor, site, Family::kMicrowave,
                                           transport_date);
      AddLink(radio_uplink, transport[k], Medium::kInternal, 10);
    }

    if (ring) {
      // A fibre ring through the cell sites in curve order, closed at the hub.
      AddLink(router, transport[0], Medium::kFiber, 10);
      for (std::uint32_t k = 0; k + 1 < hub.cells.count; ++k) {
        AddLink(transport[k], transport[k + 1], Medium::kFiber, 10);
      }
      AddLink(transport[hub.cells.count - 1], router, Medium::kFiber, 10);
      continue;
    }
    // A tree: fibre sites go straight to the hub; microwave sites hop to the
    // nearest site already connected (nearer the hub).
    for (std::uint32_t rank = 0; rank < order.size(); ++rank) {
      const std::uint32_t k = order[rank];
      if (fiber[k]) {
        AddLink(transport[k], router, Medium::kFiber, 10);
        continue;
      }
      const LatLon here = layout_.cells[hub.cells.first + k].position;
      std::uint32_t parent = order[0];
      double best = 1e300;
      for (std::uint32_t earlier = 0; earlier < rank; ++earlier) {
        const double d = DistanceKm(here, layout_.cells[hub.cells.first + order[earlier]].position);
        if (d < best) {
          best = d;
          parent = order[earlier];
        }
      }
      AddLink(transport[k], transport[parent], Medium::kMicrowave, 1);
    }
  }
}

}  // namespace redoubt::gen
