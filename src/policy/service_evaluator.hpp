// The interface through which `service` rules are judged.
//
// Whether a service keeps two disjoint trusted paths, or survives the loss of
// a vendor, is a question about routes in the topology: the exposure analysis
// (src/analysis) answers it. The policy engine only states the requirement and
// turns the answers into findings; without an evaluator, `redoubt check`
// lists service rules as "not evaluated" instead of passing them silently.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "model/network.hpp"

namespace redoubt::policy {

// What a `service` rule asks of every service it selects. Zero / false means
// "not asked".
struct ServiceRequirement {
  std::uint32_t disjoint_paths = 0;          // node-disjoint paths to each needed function
  std::uint32_t trusted_disjoint_paths = 0;  // the same through trusted elements only
  bool trusted_paths = false;                // primary routes avoid untrusted equipment
  bool survives_untrusted_loss = false;      // stays up with every untrusted element off
  bool survives_vendor_loss = false;         // stays up with any one vendor's elements off
};

// One way a service falls short, as a measured value against the bound the
// rule sets: `measured relation required` is what the rule wants and did not
// get (e.g. 1 path >= 2 paths; 3 untrusted elements <= 0).
struct ServiceShortfall {
  ServiceIndex service = kNone;
  std::string property;  // "trusted_disjoint_paths", "trusted_paths", ...
  double measured = 0;   // e.g. 1 path
  double required = 0;   // e.g. 2 paths
  std::string relation = ">=";  // the bound the rule wants: ">=" or "<="
  std::string unit = "paths";   // "paths", "untrusted elements", "vendors", "yes/no"
  std::vector<ElementIndex> elements;  // the evidence: untrusted elements on the route, cut vertices
  std::vector<VendorIndex> vendors;    // vendors whose loss cuts it off
  std::string detail;                  // one line in words
};

class ServiceEvaluator {
 public:
  virtual ~ServiceEvaluator() = default;
  // The shortfalls of `services` against `requirement` on `as_of`, in
  // ascending service order. `untrusted` has one entry per element (1 =
  // untrusted under the standard being checked); like every other rule kind,
  // an element that is not in service on `as_of` (Element::InServiceOn) is
  // not counted as untrusted. kNoDate: every element counts.
  // Must be deterministic: the same inputs give the same shortfalls in the same order.
  [[nodiscard]] virtual std::vector<ServiceShortfall> Evaluate(
      const Network& network, std::span<const ServiceIndex> services,
      const ServiceRequirement& requirement, std::span<const std::uint8_t> untrusted,
      Days as_of) const = 0;
};

}  // namespace redoubt::policy
