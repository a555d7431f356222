// The `redoubt/exposure@1` result document: per network, the totals of
// exposure_summary.hpp and one entry per service with its evidence.
//
//   nlohmann::ordered_json network_json = ExposureNetworkJson(network, result, summary, {});
//   ExposureDocument(untrusted_rule, {network_json}).dump(2);
//
// Every service entry carries `evidence`: the routes that pass through, or
// are managed by, untrusted equipment. With `routes`, all primary routes are
// included too. Numbers are rounded to 6 decimals, so the same input gives the
// same bytes on every machine and thread count. O(size of the output).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/exposure.hpp"
#include "analysis/exposure_summary.hpp"
#include "model/network.hpp"

namespace redoubt {

struct ExposureJsonOptions {
  bool routes = false;  // every primary route of every service
};

[[nodiscard]] nlohmann::ordered_json ServiceExposureJson(const Network& network,
                                                         const ExposureResult& result,
                                                         const ServiceExposure& exposure,
                                                         const ExposureJsonOptions& options);

[[nodiscard]] nlohmann::ordered_json ExposureNetworkJson(const Network& network,
                                                         const ExposureResult& result,
                                                         const ExposureSummary& summary,
                                                         const ExposureJsonOptions& options);

// The requirements a service states (`requires:`) that the analysis shows
// unmet: disjoint_paths, trusted_disjoint_paths, trusted_paths.
struct UnmetRequirement {
  std::string requirement;
  std::uint32_t required = 0;
  std::uint32_t found = 0;
};
[[nodiscard]] std::vector<UnmetRequirement> UnmetRequirements(const Network& network,
                                                              const ServiceExposure& exposure);

// `untrusted_rule` says in words which elements were untrusted
// ("vendor.risk: high", "vendors: huawei, zte").
[[nodiscard]] nlohmann::ordered_json ExposureDocument(const std::string& untrusted_rule,
                                                      std::vector<nlohmann::ordered_json> networks);

}  // namespace redoubt
