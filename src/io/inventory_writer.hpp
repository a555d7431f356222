// Writes a Network as an inventory JSON document (`redoubt/inventory@1`).
//
// The output is self-contained (every vendor an element uses is written in
// full), deterministic (records in model order, keys in a fixed order), and
// has one record per line so that diffs between versions stay readable.
// Reading it back gives the same network.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "model/network.hpp"

namespace redoubt {

// Receives a document in pieces, in order.
using TextSink = std::function<void(std::string_view)>;

// The inventory document. O(size of the network); the text is held whole.
[[nodiscard]] std::string WriteInventoryJson(const Network& network);

// The same bytes, handed to `sink` in pieces of about 1 MiB as they are
// written, so that a 10-million-element network never sits in memory as text:
//
//   OutputFile out(path);
//   WriteInventoryJson(network, [&](std::string_view text) { out.Write(text); });
//   out.Commit();
void WriteInventoryJson(const Network& network, const TextSink& sink);

// Streams the document into `path` ("-": standard output) with OutputFile's
// guarantees (core/output_file.hpp): the file is replaced whole or not at all.
// Throws IoError.
void WriteInventoryFile(const std::string& path, const Network& network);

}  // namespace redoubt
