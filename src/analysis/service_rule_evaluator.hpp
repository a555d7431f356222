// ExposureServiceEvaluator: judges the policy engine's `service` rules with
// the exposure analysis (DESIGN.md, "Standards": "health/energy services keep
// 2 disjoint trusted paths; secret traffic never traverses untrusted
// equipment; every service survives the loss of any one vendor"). It is the
// only implementation of policy::ServiceEvaluator: `check`, `test`, `assess`
// and the alliance all judge service rules through it, so the same standard
// gives the same service findings in every command.
//
//   ExposureServiceEvaluator evaluator;          // one analysis per call
//   ExposureCache cache;
//   ExposureServiceEvaluator shared(cache);      // analyses shared through the cache
//   policy::EvaluationOptions options;
//   options.services = &evaluator;
//   policy::Evaluate(standard, network, options);
//
// Each call analyses the exposure of the network's services (exposure.hpp)
// with the standard's untrusted set restricted to the elements in service on
// the date, so the evidence in a finding (the untrusted elements on the
// route, the vendors whose loss cuts the service off, the single points of
// failure) is exactly what `redoubt expose` shows for that service.
//
// What each property measures (`measured relation required` is what the rule
// wants and did not get):
//   disjoint_paths, trusted_disjoint_paths  fewest node-disjoint paths over the
//       functions the service needs, >= N paths; evidence: its single points
//       of failure, or the untrusted elements on its routes;
//   trusted_paths  untrusted elements on its primary routes, <= 0;
//   survives_untrusted_loss  yes/no (1/0) >= 1; evidence: the untrusted
//       elements on its routes;
//   survives_vendor_loss  vendors whose loss alone takes it down, <= 0.
// A service that is down in the network as it is (`up` false) cannot be shown
// to stay up under any loss: it falls short of both survives_* properties,
// measured as 0 (no) >= 1, with "it is down in the network as it is" — one
// rule for both, so a broken service is never passed as resilient.
//
// Cost: one exposure analysis per call, or per distinct question with a cache
// (see exposure.hpp). Deterministic; without a cache the evaluator is
// stateless, and the cache is thread-safe, so one evaluator may serve many
// threads either way.
#pragma once

#include "analysis/exposure_cache.hpp"
#include "analysis/trust.hpp"
#include "policy/service_evaluator.hpp"

namespace redoubt {

class ExposureServiceEvaluator : public policy::ServiceEvaluator {
 public:
  ExposureServiceEvaluator() = default;
  // Analyses go through `cache`, which must outlive the evaluator.
  explicit ExposureServiceEvaluator(ExposureCache& cache) : cache_(&cache) {}

  [[nodiscard]] std::vector<policy::ServiceShortfall> Evaluate(
      const Network& network, std::span<const ServiceIndex> services,
      const policy::ServiceRequirement& requirement, std::span<const std::uint8_t> untrusted,
      Days as_of) const override;

 private:
  ExposureCache* cache_ = nullptr;
};

}  // namespace redoubt
