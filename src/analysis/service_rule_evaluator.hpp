// ExposureServiceEvaluator: judges the policy engine's `service` rules with
// the exposure analysis (DESIGN.md, "Standards": "health/energy services keep
// 2 disjoint trusted paths; secret traffic never traverses untrusted
// equipment; every service survives the loss of any one vendor").
//
//   ExposureServiceEvaluator evaluator;
//   policy::EvaluationOptions options;
//   options.services = &evaluator;
//   policy::Evaluate(standard, network, options);
//
// Each call runs AnalyzeExposure on the selected services with the standard's
// untrusted set, so the evidence in a finding (the untrusted elements on the
// route, the vendors whose loss cuts the service off, the single points of
// failure) is exactly what `redoubt expose` shows for that service.
// Cost: one exposure analysis per rule and network (see exposure.hpp);
// deterministic; stateless, so one evaluator may serve many threads.
#pragma once

#include "policy/service_evaluator.hpp"

namespace redoubt {

class ExposureServiceEvaluator : public policy::ServiceEvaluator {
 public:
  [[nodiscard]] std::vector<policy::ServiceShortfall> Evaluate(
      const Network& network, std::span<const ServiceIndex> services,
      const policy::ServiceRequirement& requirement,
      std::span<const std::uint8_t> untrusted) const override;
};

}  // namespace redoubt
