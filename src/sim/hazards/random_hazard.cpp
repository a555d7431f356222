// `random`: independent failures at t=0, each element with a probability by
// kind, else by domain, else the default; links with their own probability.
//
//   hazard: {random: {probability: 0.01, kinds: {gnb: 0.05}, domains: {transport: 0.02},
//                     links: 0.001}}
//
// One Bernoulli draw per element (and per link) with 0 < p < 1, in index
// order. Failed equipment is repaired (nothing is replaced).
#include <fmt/format.h>

#include "sim/hazards/hazard_util.hpp"

namespace redoubt {

namespace {

class RandomHazard final : public Hazard {
 public:
  double probability = 0;
  double link_probability = 0;
  std::vector<std::pair<std::string, double>> by_kind;
  std::vector<std::pair<Domain, double>> by_domain;
  std::vector<double> element_probability;  // bound

  std::unique_ptr<Hazard> Bind(const SimNetwork& net,
                               std::vector<std::string>& notes) const override {
    auto bound = std::make_unique<RandomHazard>(*this);
    const Network& network = *net.network;
    std::vector<double> kind_probability(network.kinds.size(), -1);
    for (const auto& [name, value] : by_kind) {
      if (auto kind = network.FindKind(name)) {
        kind_probability[*kind] = value;
      } else {
        notes.push_back(
            fmt::format("random hazard: no element of kind '{}' in this network", name));
      }
    }
    bound->element_probability.resize(network.elements.size());
    for (ElementIndex element = 0; element < network.elements.size(); ++element) {
      const Element& record = network.elements[element];
      double value = probability;
      for (const auto& [domain, domain_value] : by_domain) {
        if (domain == record.domain) value = domain_value;
      }
      if (kind_probability[record.kind] >= 0) value = kind_probability[record.kind];
      bound->element_probability[element] = value;
    }
    return bound;
  }

  void Sample(const SimNetwork& net, Rng& rng, double start_hours,
              std::vector<Outage>& out) const override {
    for (ElementIndex element = 0; element < element_probability.size(); ++element) {
      if (rng.Bernoulli(element_probability[element])) {
        out.push_back({.target = element, .down_hours = start_hours});
      }
    }
    if (link_probability <= 0) return;
    for (LinkIndex link = 0; link < net.network->links.size(); ++link) {
      if (rng.Bernoulli(link_probability)) {
        out.push_back({.target = link, .link = true, .down_hours = start_hours});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Hazard> ReadRandomHazard(const Node& body, const HazardReadContext& context) {
  const std::size_t errors_before = context.diagnostics.ErrorCount();
  MapReader reader(body, context.source, context.diagnostics, "random hazard",
                   {"probability", "kinds", "domains", "links"});
  if (!reader.ok()) return nullptr;
  auto hazard = std::make_unique<RandomHazard>();
  hazard->probability = hazard_util::ReadProbability(reader, "probability", 0);
  hazard->link_probability = hazard_util::ReadProbability(reader, "links", 0);
  auto read_table = [&](std::string_view key, auto&& add) {
    const Node* table = reader.Get(key);
    if (table == nullptr) return;
    if (!table->IsMap()) {
      reader.Error(*table, fmt::format("'{}' of random hazard must be a map of probabilities", key),
                   fmt::format("write {}: {{name: 0.05}}", key));
      return;
    }
    for (const Field& field : table->fields) {
      auto value =
          ReadNumber(field.value, context.source, context.diagnostics,
                     fmt::format("probability of {} '{}'", key, field.key), {.min = 0, .max = 1});
      if (value) add(field, *value);
    }
  };
  read_table("kinds", [&](const Field& field, double value) {
    if (!FindBuiltinKind(field.key)) {
      std::vector<std::string_view> builtin;
      for (const KindInfo& info : BuiltinKinds()) builtin.push_back(info.name);
      context.diagnostics.Warning(
          context.source.LocationOf(field.key_offset),
          fmt::format(
              "'{}' is not a built-in element kind; it matches only a custom kind of that name",
              field.key),
          SuggestionHint(field.key, builtin));
    }
    hazard->by_kind.emplace_back(field.key, value);
  });
  read_table("domains", [&](const Field& field, double value) {
    auto domain = ParseName<Domain>(field.key);
    if (!domain) {
      context.diagnostics.Error(context.source.LocationOf(field.key_offset),
                                fmt::format("'{}' is not a domain", field.key),
                                SuggestionHint(field.key, DomainNames()));
      return;
    }
    hazard->by_domain.emplace_back(*domain, value);
  });
  if (context.diagnostics.ErrorCount() != errors_before) return nullptr;
  return hazard;
}

}  // namespace redoubt
