// Writes a Network as an inventory JSON document (`redoubt/inventory@1`).
//
// The output is self-contained (every vendor an element uses is written in
// full), deterministic (records in model order, keys in a fixed order), and
// has one record per line so that diffs between versions stay readable.
// Reading it back gives the same network.
#pragma once

#include <string>

#include "model/network.hpp"

namespace redoubt {

[[nodiscard]] std::string WriteInventoryJson(const Network& network);

}  // namespace redoubt
