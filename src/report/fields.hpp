// Reading the fields of an assessment document that may not be well formed
// (`redoubt report` takes any file): a missing field, or one of another type,
// reads as absent or zero instead of throwing. Shared by the digest and the
// map cells.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace redoubt::report_fields {

// The member `key` of `object`; nullptr when `object` is not a map or lacks it.
inline const nlohmann::ordered_json* Find(const nlohmann::ordered_json& object,
                                          std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

// The number at `key`; 0 when it is missing or not a number.
inline double Number(const nlohmann::ordered_json& object, std::string_view key) {
  const nlohmann::ordered_json* value = Find(object, key);
  return value != nullptr && value->is_number() ? value->get<double>() : 0.0;
}

}  // namespace redoubt::report_fields
