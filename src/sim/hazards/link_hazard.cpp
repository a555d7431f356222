// `link`: fibre cuts — named links, whole conduits, or each link of some
// media failing with a probability — and with any cut link, every link that
// shares its conduit (a backhoe cuts the duct, not one fibre). Cut links are
// repaired (recovery repair_hours by medium, then `link`, then default).
//
//   hazard: {link: {links: [lon-man-1], conduits: [duct-m1-m6]}}
//   hazard: {link: {probability: 0.01, media: [fiber]}}
//
// Draws: one Bernoulli per link of the chosen media, in link order.
#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>

#include <algorithm>

#include "sim/hazards/hazard_util.hpp"

namespace redoubt {

namespace {

class LinkHazard final : public Hazard {
 public:
  std::vector<std::string> link_ids;
  std::vector<std::string> conduits;
  double probability = 0;
  std::vector<Medium> media;
  // bound
  std::vector<LinkIndex> always;          // named links and named conduits, expanded
  std::vector<LinkIndex> candidates;      // links that may fail at random
  std::vector<std::uint32_t> conduit_of;  // per link: conduit group or kNone
  std::vector<std::uint32_t> group_offsets;
  std::vector<LinkIndex> group_links;

  std::unique_ptr<Hazard> Bind(const SimNetwork& net,
                               std::vector<std::string>& notes) const override {
    auto bound = std::make_unique<LinkHazard>(*this);
    const Network& network = *net.network;
    absl::flat_hash_map<StringId, std::uint32_t> group_of_conduit;
    absl::flat_hash_map<std::string_view, LinkIndex> link_by_id;
    bound->conduit_of.assign(network.links.size(), kNone);
    std::vector<std::uint32_t> group_size;
    for (LinkIndex link = 0; link < network.links.size(); ++link) {
      const Link& record = network.links[link];
      if (record.id != kNoString) link_by_id.emplace(network.Str(record.id), link);
      if (record.conduit == kNoString) continue;
      auto [entry, inserted] = group_of_conduit.try_emplace(
          record.conduit, static_cast<std::uint32_t>(group_size.size()));
      if (inserted) group_size.push_back(0);
      ++group_size[entry->second];
      bound->conduit_of[link] = entry->second;
    }
    bound->group_offsets.assign(group_size.size() + 1, 0);
    for (std::size_t group = 0; group < group_size.size(); ++group) {
      bound->group_offsets[group + 1] = bound->group_offsets[group] + group_size[group];
    }
    bound->group_links.resize(bound->group_offsets.back());
    std::vector<std::uint32_t> fill(bound->group_offsets.begin(), bound->group_offsets.end() - 1);
    for (LinkIndex link = 0; link < network.links.size(); ++link) {
      if (bound->conduit_of[link] != kNone)
        bound->group_links[fill[bound->conduit_of[link]]++] = link;
    }
    for (const std::string& id : link_ids) {
      auto found = link_by_id.find(id);
      if (found == link_by_id.end()) {
        notes.push_back(fmt::format("link hazard: no link with id '{}' in this network", id));
        continue;
      }
      bound->always.push_back(found->second);
    }
    for (const std::string& name : conduits) {
      const auto id = network.strings->Find(name);
      const auto group = id ? group_of_conduit.find(*id) : group_of_conduit.end();
      if (group == group_of_conduit.end()) {
        notes.push_back(
            fmt::format("link hazard: no link runs in conduit '{}' in this network", name));
        continue;
      }
      bound->always.push_back(bound->group_links[bound->group_offsets[group->second]]);
    }
    if (probability > 0) {
      for (LinkIndex link = 0; link < network.links.size(); ++link) {
        if (media.empty() ||
            std::find(media.begin(), media.end(), network.links[link].medium) != media.end()) {
          bound->candidates.push_back(link);
        }
      }
    }
    if (bound->always.empty() && bound->candidates.empty()) {
      notes.push_back("link hazard: no link matches; the hazard does nothing here");
    }
    return bound;
  }

  void Sample(const SimNetwork&, Rng& rng, double start_hours,
              std::vector<Outage>& out) const override {
    std::vector<LinkIndex> cut = always;
    for (LinkIndex link : candidates) {
      if (rng.Bernoulli(probability)) cut.push_back(link);
    }
    const std::size_t direct = cut.size();
    for (std::size_t index = 0; index < direct; ++index) {
      const std::uint32_t group = conduit_of[cut[index]];
      if (group == kNone) continue;
      for (std::uint32_t at = group_offsets[group]; at < group_offsets[group + 1]; ++at) {
        cut.push_back(group_links[at]);
      }
    }
    std::sort(cut.begin(), cut.end());
    cut.erase(std::unique(cut.begin(), cut.end()), cut.end());
    for (LinkIndex link : cut)
      out.push_back({.target = link, .link = true, .down_hours = start_hours});
  }
};

}  // namespace

std::unique_ptr<Hazard> ReadLinkHazard(const Node& body, const HazardReadContext& context) {
  const std::size_t errors_before = context.diagnostics.ErrorCount();
  MapReader reader(body, context.source, context.diagnostics, "link hazard",
                   {"links", "conduits", "probability", "media"});
  if (!reader.ok()) return nullptr;
  auto hazard = std::make_unique<LinkHazard>();
  if (auto links = reader.StringList("links")) hazard->link_ids = *links;
  if (auto conduits = reader.StringList("conduits")) hazard->conduits = *conduits;
  hazard->probability = hazard_util::ReadProbability(reader, "probability", 0);
  if (auto media = reader.StringList("media")) {
    for (const std::string& name : *media) {
      if (auto medium = ParseName<Medium>(name)) {
        hazard->media.push_back(*medium);
      } else {
        reader.Error(*reader.Get("media"), fmt::format("'{}' is not a link medium", name),
                     SuggestionHint(name, MediumNames()));
      }
    }
  }
  if (reader.ok() && hazard->link_ids.empty() && hazard->conduits.empty() &&
      reader.Get("probability") == nullptr) {
    reader.Error(body, "link hazard names no link, no conduit and no probability",
                 "give links: [...], conduits: [...] or probability: (with media:)");
  }
  if (context.diagnostics.ErrorCount() != errors_before) return nullptr;
  return hazard;
}

}  // namespace redoubt
