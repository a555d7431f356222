// Product lines and software versions for generated equipment.
//
// Each (vendor, family) pair names a product line after the vendor's public
// portfolio (e.g. Ericsson "Baseband 6630", Huawei "OptiX RTN 950"), with a
// generic fallback for vendors not in the table. Software versions follow the
// installation date: a vendor ships a release every six months, and the
// patch level varies, so an exploit scenario ("vendor + product line +
// version") hits a realistic slice of the fleet. Illustrative, not a
// statement about any real product's versions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/text.hpp"

namespace redoubt::gen {

enum class Family : std::uint8_t {
  kGnb, kRu, kDu, kCu, kCellRouter, kMicrowave, kHubRouter, kAggRouter, kCoreRouter,
  kCoreControl, kCoreUser, kSubscriber, kMec, kEms, kOss, kSdn
};
inline constexpr int kFamilyCount = 16;

// The product line of `vendor_id` for `family` (never empty).
[[nodiscard]] std::string ProductLine(std::string_view vendor_id, std::string_view vendor_name,
                                      Family family);

// The release a product ships on a date: one every six months from 2015;
// earlier installs run release 0.
[[nodiscard]] int ReleaseOf(Days installed);

// "MAJOR.MINOR.PATCH" of `release`, with `patch` in 0..3 chosen by the
// caller from its random stream.
[[nodiscard]] std::string SoftwareVersion(std::string_view vendor_id, Family family, int release,
                                          std::uint32_t patch);

}  // namespace redoubt::gen
