#include "sim/distribution.hpp"

#include <fmt/format.h>

#include "io/node_reader.hpp"

namespace redoubt {

double Distribution::Sample(Rng& rng) const {
  switch (kind) {
    case Kind::kFixed:
      return value;
    case Kind::kExponential:
      return rng.Exponential(value);
    case Kind::kLognormal:
      return rng.Lognormal(value, sigma);
    case Kind::kEmpirical:
      return values[rng.Index(values.size())];
  }
  return value;
}

double Distribution::Mean() const {
  switch (kind) {
    case Kind::kFixed:
    case Kind::kExponential:
      return value;
    case Kind::kLognormal:
      return value * std::exp(sigma * sigma / 2);
    case Kind::kEmpirical: {
      double sum = 0;
      for (double item : values) sum += item;
      return sum / static_cast<double>(values.size());
    }
  }
  return value;
}

bool LooksLikeDistribution(const Node& node) {
  if (node.type == Node::Type::kNumber) return true;
  if (!node.IsMap() || node.fields.size() != 1) return false;
  for (std::string_view name : kDistributionNames) {
    if (node.fields.front().key == name) return true;
  }
  return false;
}

std::optional<Distribution> ReadDistribution(const Node& node, const SourceFile& source,
                                             Diagnostics& diagnostics, std::string_view what) {
  const NumberBounds non_negative{.min = 0};
  if (node.type == Node::Type::kNumber) {
    auto value = ReadNumber(node, source, diagnostics, what, non_negative);
    if (!value) return std::nullopt;
    return Distribution::Fixed(*value);
  }
  const std::string hint =
      "write a number of hours, or one of {fixed: 4}, {exponential: {mean: 6}}, "
      "{lognormal: {median: 6, sigma: 0.6}}, {empirical: [2, 3, 8]}";
  if (!node.IsMap() || node.fields.size() != 1) {
    diagnostics.Error(source.LocationOf(node.offset),
                      fmt::format("{} must be a number or a map with one distribution", what),
                      hint);
    return std::nullopt;
  }
  const std::size_t errors_before = diagnostics.ErrorCount();
  MapReader reader(node, source, diagnostics, std::string(what), kDistributionNames);
  Distribution result;
  const Field& field = node.fields.front();
  if (field.key == "fixed") {
    result.kind = Distribution::Kind::kFixed;
    result.value = reader.Number("fixed", Need::kRequired, non_negative).value_or(0);
  } else if (field.key == "exponential") {
    result.kind = Distribution::Kind::kExponential;
    MapReader params(field.value, source, diagnostics, fmt::format("exponential {}", what),
                     {"mean"});
    result.value =
        params.Number("mean", Need::kRequired, {.min = 0, .exclusive_min = true}).value_or(1);
  } else if (field.key == "lognormal") {
    result.kind = Distribution::Kind::kLognormal;
    MapReader params(field.value, source, diagnostics, fmt::format("lognormal {}", what),
                     {"median", "sigma"});
    result.value =
        params.Number("median", Need::kRequired, {.min = 0, .exclusive_min = true}).value_or(1);
    result.sigma = params.Number("sigma", Need::kRequired, non_negative).value_or(0);
  } else if (field.key == "empirical") {
    result.kind = Distribution::Kind::kEmpirical;
    if (!field.value.IsSequence() || field.value.items.empty()) {
      diagnostics.Error(source.LocationOf(field.value.offset),
                        fmt::format("empirical {} must be a non-empty list of numbers", what),
                        "list observed durations, e.g. empirical: [2, 3, 8]");
    } else {
      for (const Node& item : field.value.items) {
        if (auto value = ReadNumber(item, source, diagnostics,
                                    fmt::format("item of empirical {}", what), non_negative)) {
          result.values.push_back(*value);
        }
      }
    }
  }
  if (diagnostics.ErrorCount() != errors_before) return std::nullopt;
  return result;
}

}  // namespace redoubt
