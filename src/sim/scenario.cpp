#include "sim/scenario.hpp"

#include <fmt/format.h>

#include <charconv>
#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "io/node_reader.hpp"

namespace redoubt {

nlohmann::ordered_json NodeToJson(const Node& node) {
  switch (node.type) {
    case Node::Type::kNull:
      return nullptr;
    case Node::Type::kBool:
      return node.text == "true";
    case Node::Type::kNumber: {
      std::int64_t whole = 0;
      const char* end = node.text.data() + node.text.size();
      if (auto [ptr, error] = std::from_chars(node.text.data(), end, whole);
          error == std::errc() && ptr == end) {
        return whole;
      }
      double value = 0;
      if (auto [ptr, error] = std::from_chars(node.text.data(), end, value);
          error == std::errc() && ptr == end && std::isfinite(value)) {
        return value;
      }
      return node.text;
    }
    case Node::Type::kString:
      return node.text;
    case Node::Type::kSequence: {
      auto out = nlohmann::ordered_json::array();
      for (const Node& item : node.items) out.push_back(NodeToJson(item));
      return out;
    }
    case Node::Type::kMap: {
      auto out = nlohmann::ordered_json::object();
      for (const Field& field : node.fields) out[field.key] = NodeToJson(field.value);
      return out;
    }
  }
  return nullptr;
}

Result<Scenario> ReadScenario(const SourceFile& source) {
  Diagnostics diagnostics;
  auto tree = ParseTree(source, diagnostics);
  if (!tree) return diagnostics;
  MapReader reader(*tree, source, diagnostics, "scenario",
                   {"format", "id", "title", "description", "hazard", "recovery", "horizon_hours",
                    "checkpoints", "trials", "seed"});
  if (!reader.ok()) return diagnostics;
  CheckFormat(reader.Get("format"), tree->offset, "redoubt/scenario@1", source, diagnostics);
  Scenario scenario;
  scenario.id = reader.String("id", Need::kRequired).value_or("");
  scenario.title = reader.String("title").value_or("");
  (void)reader.String("description");
  if (const Node* hazard = reader.Get("hazard", Need::kRequired)) {
    scenario.hazard = ReadHazard(*hazard, {source, diagnostics, &scenario.vendors});
  }
  if (const Node* recovery = reader.Get("recovery")) {
    scenario.recovery = ReadRecovery(*recovery, source, diagnostics);
  }
  scenario.horizon_hours =
      reader.Number("horizon_hours", Need::kRequired, {.min = 0, .max = 1e6, .exclusive_min = true})
          .value_or(1);
  scenario.checkpoints =
      static_cast<std::uint32_t>(reader
                                     .Number("checkpoints", Need::kOptional,
                                             {.min = 2, .max = kMaxCheckpoints, .integer = true})
                                     .value_or(kDefaultCheckpoints));
  scenario.trials = static_cast<std::uint32_t>(
      reader.Number("trials", Need::kOptional, {.min = 1, .max = 1e9, .integer = true})
          .value_or(kDefaultTrials));
  // Seeds are read as text so all 64 bits survive (a double holds 53).
  if (const Node* seed = reader.Get("seed")) {
    std::uint64_t value = 0;
    const char* end = seed->text.data() + seed->text.size();
    auto [ptr, error] = std::from_chars(seed->text.data(), end, value);
    if (seed->type != Node::Type::kNumber || error != std::errc() || ptr != end) {
      reader.Error(*seed,
                   fmt::format("'seed' of scenario must be a whole number from 0 to {}, found '{}'",
                               UINT64_MAX, seed->text),
                   "write seed: 1");
    }
    scenario.seed = value;
  } else {
    scenario.seed = 1;
  }
  scenario.document = NodeToJson(*tree);
  return Result<Scenario>(std::move(scenario), std::move(diagnostics));
}

Result<Scenario> LoadScenario(const std::string& path) {
  return ReadScenario(SourceFile::Read(path));
}

Diagnostics CheckHazardVendors(const Scenario& scenario, std::span<const Network> networks) {
  Diagnostics diagnostics;
  std::vector<std::string_view> known;
  for (const Network& network : networks) {
    for (const Vendor& vendor : network.vendors) known.push_back(network.Str(vendor.id));
  }
  std::sort(known.begin(), known.end());
  known.erase(std::unique(known.begin(), known.end()), known.end());
  for (const VendorReference& reference : scenario.vendors) {
    if (std::binary_search(known.begin(), known.end(), reference.vendor)) continue;
    diagnostics.Error(reference.location,
                      fmt::format("vendor '{}' of the hazard is in no vendor register and no "
                                  "inventory's vendors",
                                  reference.vendor),
                      SuggestionHint(reference.vendor, known));
  }
  return diagnostics;
}

}  // namespace redoubt
