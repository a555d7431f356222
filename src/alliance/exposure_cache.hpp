// Exposure analyses shared across an alliance assessment, and the bridge
// that lets the policy engine judge `service` rules with them.
//
// One assessment asks the same question many times — the routes of one
// network's services under one definition of untrusted — from the policy
// engine (service rules of the baseline and of each national standard), the
// posture and the sharing conditions, and again on every date of a timeline
// and every step of a what-if. The cache keys an analysis by the network's
// id, its vendor assignment and the untrusted flags, so an analysis is run
// once per distinct question (keys compare whole vectors: no collisions).
//
//   ExposureCache cache;
//   const ExposureResult& result = cache.Get(network, untrusted_flags);
//   ExposureServiceEvaluator evaluator(cache);
//   options.services = &evaluator;   // policy::EvaluationOptions
//
// Not thread-safe; results are deterministic (the analysis is).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "analysis/exposure.hpp"
#include "model/network.hpp"
#include "policy/service_evaluator.hpp"

namespace redoubt::alliance {

class ExposureCache {
 public:
  // The exposure of every service of `network` with `untrusted` (one flag per
  // element). The reference stays valid for the cache's lifetime.
  const ExposureResult& Get(const Network& network, std::span<const std::uint8_t> untrusted,
                            std::uint32_t max_paths = 4);
  [[nodiscard]] std::size_t Analyses() const { return entries_.size(); }

 private:
  using Key = std::tuple<std::string, std::vector<VendorIndex>, std::vector<std::uint8_t>,
                         std::uint32_t>;
  std::map<Key, std::unique_ptr<ExposureResult>> entries_;
};

// policy::ServiceEvaluator over the exposure analysis.
class ExposureServiceEvaluator : public policy::ServiceEvaluator {
 public:
  explicit ExposureServiceEvaluator(ExposureCache& cache) : cache_(&cache) {}
  [[nodiscard]] std::vector<policy::ServiceShortfall> Evaluate(
      const Network& network, std::span<const ServiceIndex> services,
      const policy::ServiceRequirement& requirement,
      std::span<const std::uint8_t> untrusted) const override;

 private:
  ExposureCache* cache_;
};

}  // namespace redoubt::alliance
