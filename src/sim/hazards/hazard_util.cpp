#include "sim/hazards/hazard_util.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace redoubt::hazard_util {

bool ElementFilter::Matches(const Network& network, ElementIndex element) const {
  const Element& record = network.elements[element];
  if (!domains.empty() &&
      std::find(domains.begin(), domains.end(), record.domain) == domains.end()) {
    return false;
  }
  if (!kind_names.empty() && std::find(kinds.begin(), kinds.end(), record.kind) == kinds.end()) {
    return false;
  }
  return true;
}

void ElementFilter::Bind(const Network& network, std::string_view what,
                         std::vector<std::string>& notes) {
  kinds.clear();
  for (const std::string& name : kind_names) {
    if (auto kind = network.FindKind(name)) {
      kinds.push_back(*kind);
    } else {
      notes.push_back(fmt::format("{}: no element of kind '{}' in this network", what, name));
    }
  }
}

std::string ElementFilter::Describe() const {
  std::string out;
  if (!domains.empty()) {
    std::vector<std::string_view> names;
    for (Domain domain : domains) names.push_back(Name(domain));
    out += fmt::format(" in domains {}", fmt::join(names, ", "));
  }
  if (!kind_names.empty()) out += fmt::format(" of kinds {}", fmt::join(kind_names, ", "));
  return out;
}

ElementFilter ReadElementFilter(MapReader& reader, const HazardReadContext& context) {
  ElementFilter filter;
  if (auto domains = reader.StringList("domains")) {
    const Node* node = reader.Get("domains");
    for (std::size_t index = 0; index < domains->size(); ++index) {
      const std::string& name = (*domains)[index];
      auto domain = ParseName<Domain>(name);
      if (!domain) {
        const Node& at = node->IsSequence() ? node->items[index] : *node;
        reader.Error(at, fmt::format("'{}' is not a domain", name),
                     SuggestionHint(name, DomainNames()));
        continue;
      }
      filter.domains.push_back(*domain);
    }
  }
  if (auto kinds = reader.StringList("kinds")) {
    const Node* node = reader.Get("kinds");
    for (std::size_t index = 0; index < kinds->size(); ++index) {
      const std::string& name = (*kinds)[index];
      if (!FindBuiltinKind(name)) {
        std::vector<std::string_view> builtin;
        for (const KindInfo& info : BuiltinKinds()) builtin.push_back(info.name);
        const Node& at = node->IsSequence() ? node->items[index] : *node;
        context.diagnostics.Warning(
            context.source.LocationOf(at.offset),
            fmt::format("'{}' is not a built-in element kind; it matches only a custom kind of "
                        "that name",
                        name),
            SuggestionHint(name, builtin));
      }
      filter.kind_names.push_back(name);
    }
  }
  return filter;
}

double ReadProbability(MapReader& reader, std::string_view key, double fallback) {
  return reader.Number(key, Need::kOptional, {.min = 0, .max = 1}).value_or(fallback);
}

void NoteVendors(const Node* node, const HazardReadContext& context) {
  if (node == nullptr || context.vendors == nullptr) return;
  auto note = [&](const Node& name) {
    if (name.type == Node::Type::kString) {
      context.vendors->push_back({name.text, context.source.LocationOf(name.offset)});
    }
  };
  if (node->IsSequence()) {
    for (const Node& item : node->items) note(item);
  } else {
    note(*node);
  }
}

}  // namespace redoubt::hazard_util
