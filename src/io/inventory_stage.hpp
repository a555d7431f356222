// Internal to the inventory reader: the per-file staging area that records
// are read into (references still as StringIds), shared by the file reader
// (inventory_reader.cpp) and the network builder (inventory_loader.cpp).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "core/diagnostics.hpp"
#include "core/source.hpp"
#include "io/document.hpp"
#include "core/string_pool.hpp"
#include "model/network.hpp"

namespace redoubt::inventory_detail {

// The keys each record may hold (read by inventory_reader.cpp and, for
// well-formed JSON records, direct_records.cpp).
inline constexpr std::array<std::string_view, 8> kSiteKeys = {"id",     "name", "kind",  "lat",
                                                       "lon",    "region", "power", "address"};
inline constexpr std::array<std::string_view, 2> kPowerKeys = {"substation", "backup_hours"};
inline constexpr std::array<std::string_view, 12> kElementKeys = {
    "id",       "kind",    "domain",    "vendor",         "site",       "model",
    "software", "installed", "retired", "certifications", "managed_by", "name"};
inline constexpr std::array<std::string_view, 8> kLinkKeys = {
    "id", "a", "b", "medium", "capacity_gbps", "latency_ms", "length_km", "conduit"};

struct Staged {
  std::uint64_t offset = 0;  // where the record starts
};
struct StagedVendor : Staged {
  Vendor vendor;
};
struct StagedSite : Staged {
  Site site;
};
// Element/Link fields that hold indices carry StringIds until resolution.
struct StagedElementRefs : Staged {
  std::uint64_t vendor_offset = 0;
  std::uint64_t site_offset = 0;
  std::uint32_t managed_begin = 0;
  std::uint32_t managed_end = 0;
};
struct ManagedRef {
  StringId target;
  std::uint64_t offset;
};
struct StagedLinkRefs : Staged {
  std::uint64_t a_offset = 0;
  std::uint64_t b_offset = 0;
};
struct StagedRef {
  StringId id;
  std::uint64_t offset;
};
struct StagedService : Staged {
  Service service;
  std::vector<StagedRef> attach;
  std::vector<std::pair<std::string, std::uint64_t>> needs;
  bool needs_given = false;
  StringId site = kNoString;
  std::uint64_t site_offset = 0;
};

struct FileStage {
  std::uint16_t file = 0;
  bool saw_any = false;     // any top-level key was read
  bool complete = true;     // parsing reached the end (no syntax error)
  std::size_t errors = 0;   // errors reported while reading this file
  std::size_t element_records = 0;  // element entries seen, valid or not
  // Ids of records that were rejected with an error: references to them are
  // not reported again (one mistake, one message).
  std::vector<StringId> rejected_vendors;
  std::vector<StringId> rejected_sites;
  std::vector<StringId> rejected_elements;
  bool has_header = false;
  NetworkInfo header;
  std::uint64_t header_offset = 0;
  std::vector<StagedVendor> vendors;
  std::vector<StagedSite> sites;
  std::vector<Element> elements;
  std::vector<StagedElementRefs> element_refs;
  std::vector<ManagedRef> managed;
  std::vector<Link> links;
  std::vector<StagedLinkRefs> link_refs;
  std::vector<StagedService> services;
};

// The custom kinds used anywhere in the load, after the built-in ones.
class KindTable {
 public:
  KindTable() {
    for (const KindInfo& kind : BuiltinKinds()) {
      index_.emplace(std::string(kind.name), static_cast<KindId>(entries_.size()));
      entries_.push_back({std::string(kind.name), kind.domain, true});
    }
  }
  std::optional<KindId> Find(std::string_view name) const {
    auto found = index_.find(absl::string_view(name.data(), name.size()));
    if (found == index_.end()) return std::nullopt;
    return found->second;
  }
  KindId AddCustom(std::string_view name, Domain domain) {
    auto [it, inserted] = index_.try_emplace(std::string(name), static_cast<KindId>(entries_.size()));
    if (inserted) entries_.push_back({std::string(name), domain, false});
    return it->second;
  }
  [[nodiscard]] bool Full() const { return entries_.size() >= UINT16_MAX; }
  [[nodiscard]] const std::vector<KindEntry>& entries() const { return entries_; }

 private:
  std::vector<KindEntry> entries_;
  absl::flat_hash_map<std::string, KindId> index_;
};

std::vector<std::string_view> BuiltinKindNames();


// Everything a file reader writes into besides its own FileStage.
struct ReadContext {
  Diagnostics& diagnostics;
  StringPool& pool;
  KindTable& kinds;
  bool pipeline = true;
  bool direct = true;  // InventoryOptions::direct_json_records
};

// Reads one inventory file into `stage`, reporting problems. Sets
// stage.complete = false when a syntax error stopped the parse.
void ReadInventoryFile(const SourceFile& source, FileStage& stage, ReadContext& context);
// The same for an inventory already parsed into `root` (see InlineInventory).
void ReadInventoryTree(const SourceFile& source, const Node& root, const NetworkInfo& header,
                       FileStage& stage, ReadContext& context);

}  // namespace redoubt::inventory_detail
