// Reads inventories (`format: redoubt/inventory@1`, JSON or YAML) into Networks.
//
// Several files may make one network (sites.yaml + elements.json): files that
// declare the same `network.id` merge, and a file without a `network` header
// joins the only network declared. Several networks may be loaded together.
// References (element→site, element→vendor, link→element, service→element,
// managed_by→element) resolve across all files of a network.
//
// Every problem in every file is reported (file:line:col: what — how to fix),
// and no element, link or service is ever dropped silently: when any error is
// found the Result holds no networks at all. Warnings flag legal but suspicious
// input (an element with no links, a site with no elements).
//
// Complexity: O(total input size) time; memory linear in the records (the
// JSON text is parsed in place and released file by file).
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/source.hpp"
#include "io/document.hpp"
#include "model/network.hpp"

namespace redoubt {

struct InventoryOptions {
  // Vendor registers read first (later ones override earlier ones by id);
  // an inventory's own `vendors:` override them all. Default: the bundled
  // data/vendors.yaml.
  std::vector<std::string> vendor_registers;
  bool use_bundled_vendors = true;
  // Report warnings (isolated elements, empty sites, ...).
  bool warnings = true;
  // Threads for reading: 1 keeps everything on the calling thread; otherwise
  // large JSON files are parsed and checked on two threads. Results are the
  // same either way.
  int threads = 2;
  // Well-formed JSON element, link and site records are read straight from
  // the parser, without building a tree: a record with anything the checks
  // would report, or anything unusual, is read by the general reader instead,
  // so diagnostics and the network are the same either way. False reads every
  // record through the general reader (the reference the tests compare with).
  bool direct_json_records = true;
};

// Loads and validates the files at `paths`. A path that cannot be read is
// reported as a diagnostic of that path.
[[nodiscard]] Result<std::vector<Network>> LoadInventories(std::span<const std::string> paths,
                                                           const InventoryOptions& options = {});

// The same over sources already in memory (inline test cases, stdin).
[[nodiscard]] Result<std::vector<Network>> LoadInventorySources(
    std::vector<SourceFile> sources, const InventoryOptions& options = {});

// An inventory written inside another document (a standard's test case): the
// map that holds it, already parsed, and the file it is in, so diagnostics
// point into that file. `format:` may be left out; without a `network:`
// header it gets `header`.
struct InlineInventory {
  std::shared_ptr<const SourceFile> source;
  const Node* root = nullptr;
  NetworkInfo header;
};
[[nodiscard]] Result<std::vector<Network>> LoadInlineInventory(
    const InlineInventory& inventory, const InventoryOptions& options = {});

}  // namespace redoubt
