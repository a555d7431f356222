// Vendor records: the bundled register (data/vendors.yaml, format
// `redoubt/vendors@1`) and the `vendors:` list of an inventory share one shape:
//
//   - id: huawei
//     name: Huawei Technologies
//     country: CN
//     risk: high                   # optional: else derived from criteria
//     criteria:
//       state-interference: {level: high, rationale: "PRC National Intelligence Law, Art. 7"}
//     certifications: [nesas]
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/source.hpp"
#include "core/string_pool.hpp"
#include "io/document.hpp"
#include "model/network.hpp"

namespace redoubt {

// The criteria a risk profile may name (EU coordinated risk assessment, 2019).
[[nodiscard]] std::span<const std::string_view> RiskCriterionNames();

// Reads one vendor record; nullopt when it had errors (reported).
[[nodiscard]] std::optional<Vendor> ReadVendor(const Node& node, const SourceFile& source,
                                               Diagnostics& diagnostics, StringPool& pool);

// The vendor `unknown`: explicit placeholder for equipment whose supplier is not known.
[[nodiscard]] Vendor UnknownVendor(StringPool& pool);

// Loads a vendor register file. Duplicate ids are errors.
[[nodiscard]] Result<std::vector<Vendor>> LoadVendorRegister(const SourceFile& source,
                                                             StringPool& pool);

// The vendors of the bundled register (data/vendors.yaml, when `bundled`)
// and then of each file in `paths`, in that order: a later register overrides
// an earlier one by id, and the vendor `unknown` is added when none has it.
// A file that cannot be read or has errors is reported in `diagnostics`.
[[nodiscard]] std::vector<Vendor> LoadVendorRegisters(bool bundled,
                                                      const std::vector<std::string>& paths,
                                                      StringPool& pool, Diagnostics& diagnostics);

}  // namespace redoubt
