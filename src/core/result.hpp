// Result<T>: a value, or the diagnostics that explain why there is none.
//
// Bad user data is an expected outcome, so readers return a Result rather than
// throwing. A Result may hold a value *and* warnings; it holds no value when
// any error was reported.
//
//   Result<Network> loaded = LoadInventory(paths);
//   for (const Diagnostic& d : loaded.diagnostics().Items()) ...
//   if (!loaded.ok()) return kExitBadInput;
//   const Network& network = loaded.value();
#pragma once

#include <cassert>
#include <optional>
#include <utility>

#include "core/diagnostics.hpp"

namespace redoubt {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value, Diagnostics diagnostics = {})
      : value_(std::move(value)), diagnostics_(std::move(diagnostics)) {
    if (diagnostics_.HasErrors()) value_.reset();
  }
  Result(Diagnostics diagnostics) : diagnostics_(std::move(diagnostics)) {}  // NOLINT

  [[nodiscard]] bool ok() const { return value_.has_value(); }
  [[nodiscard]] const T& value() const& {
    assert(ok());
    return *value_;
  }
  [[nodiscard]] T& value() & {
    assert(ok());
    return *value_;
  }
  [[nodiscard]] T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  [[nodiscard]] const Diagnostics& diagnostics() const { return diagnostics_; }
  [[nodiscard]] Diagnostics& diagnostics() { return diagnostics_; }

 private:
  std::optional<T> value_;
  Diagnostics diagnostics_;
};

}  // namespace redoubt
