// ExposureCache: exposure analyses shared between the questions that ask for
// the same one.
//
// One assessment asks the same question many times — the routes of one
// network's services under one definition of untrusted — from the policy
// engine (service rules of the baseline and of each national standard), the
// alliance's posture and sharing conditions, and again on every date of a
// timeline and every step of a what-if. The cache keys an analysis by the
// network's id, its vendor assignment, the untrusted flags and the
// disjoint-path cap, so an analysis is run once per distinct question (keys
// compare whole vectors: no collisions).
//
//   ExposureCache cache;
//   const ExposureResult& result = cache.Get(network, untrusted_flags);
//   ExposureServiceEvaluator evaluator(cache);   // service_rule_evaluator.hpp
//
// Hypothesis: two networks with the same id and the same vendor per element
// have the same topology and services (true of every copy the alliance makes:
// it only changes vendors). Each entry analyses every service of the network.
//
// Thread-safe: Get may be called from many threads at once; each distinct
// analysis runs once (other threads asking for it wait), different ones run in
// parallel. References stay valid for the cache's lifetime. Results are
// deterministic (the analysis is).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "analysis/exposure.hpp"
#include "model/network.hpp"

namespace redoubt {

class ExposureCache {
 public:
  // The exposure of every service of `network` with `untrusted` (one flag per
  // element, taken as given) and disjoint-path counts capped at `max_paths`.
  const ExposureResult& Get(const Network& network, std::span<const std::uint8_t> untrusted,
                            std::uint32_t max_paths = 4);
  // Distinct analyses held (run or running).
  [[nodiscard]] std::size_t Analyses() const;

 private:
  using Key = std::tuple<std::string, std::vector<VendorIndex>, std::vector<std::uint8_t>,
                         std::uint32_t>;
  struct Entry {
    std::once_flag once;
    std::unique_ptr<ExposureResult> result;
  };
  mutable std::mutex mutex_;  // guards entries_ (not the entries' analyses)
  std::map<Key, std::unique_ptr<Entry>> entries_;
};

}  // namespace redoubt
