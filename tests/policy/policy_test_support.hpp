// Helpers for the policy tests: networks and standards from text.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "io/inventory_reader.hpp"
#include "policy/standard_reader.hpp"

namespace redoubt::policy::testing_support {

inline Network NetworkFrom(const std::string& yaml) {
  std::vector<SourceFile> sources;
  sources.push_back(SourceFile::FromString("inventory.yaml", yaml));
  InventoryOptions options;
  options.warnings = false;
  auto loaded = LoadInventorySources(std::move(sources), options);
  if (!loaded.ok()) {
    ADD_FAILURE() << loaded.diagnostics().Items().front().Format();
    return Network();
  }
  return std::move(loaded.value().front());
}

inline Result<Standard> StandardFrom(const std::string& yaml) {
  return LoadStandardSource(SourceFile::FromString("standard.yaml", yaml));
}

}  // namespace redoubt::policy::testing_support
