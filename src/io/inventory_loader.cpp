// Turns the staged records of every file into Networks: groups files into
// networks, merges vendors with the registers, resolves every reference,
// and checks what needs the whole network (duplicates, parallel links,
// isolated elements).
#include <algorithm>
#include <numeric>
#include <utility>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "io/inventory_reader.hpp"
#include "io/inventory_stage.hpp"
#include "io/vendor_reader.hpp"

namespace redoubt {

namespace {

using namespace inventory_detail;  // NOLINT(google-build-using-namespace): internal types

// A "did you mean" over more candidates than this costs more than it helps.
constexpr std::size_t kMaxSuggestionCandidates = 5000;
// How many records ahead Build asks for the id-table entries it will read.
constexpr std::size_t kLookAhead = 16;
// Marks an id whose record was rejected: references to it are not reported again.
constexpr std::uint32_t kRejected = kNone - 1;

class Loader {
 public:
  explicit Loader(const InventoryOptions& options)
      : options_(options), pool_(std::make_shared<StringPool>()) {}

  Result<std::vector<Network>> Run(
      std::vector<SourceFile> sources,
      const std::vector<std::pair<std::string, std::string>>& unreadable);
  // Reads sources_[0] from an already parsed tree (an inline inventory).
  void UseTree(const Node* root, NetworkInfo header) {
    inline_root_ = root;
    inline_header_ = std::move(header);
  }

  Diagnostics& diagnostics() { return diagnostics_; }
  StringPool& pool() { return *pool_; }
  KindTable& kinds() { return kinds_; }

 private:
  void LoadRegisters();
  void Group();
  void Build(const std::string& network_id, const std::vector<std::size_t>& file_indices);
  // "line 12" within the same file, else "path:12".
  std::string Where(std::uint16_t here, std::uint16_t there, std::uint32_t line) const {
    if (here == there) return fmt::format("line {}", line);
    return fmt::format("{}:{}", sources_[there].name(), line);
  }
  std::string Where(std::uint16_t here, const std::string& there_name, std::uint32_t line) const {
    if (sources_[here].name() == there_name) return fmt::format("line {}", line);
    return fmt::format("{}:{}", there_name, line);
  }
  Location At(std::uint16_t file, std::uint64_t offset) const {
    return sources_[file].LocationOf(offset);
  }
  std::string Hint(std::string_view word, const std::vector<std::string_view>& candidates,
                   std::string_view otherwise) const {
    if (candidates.size() <= kMaxSuggestionCandidates) {
      if (auto match = ClosestMatch(word, candidates)) {
        return fmt::format("did you mean '{}'?", *match);
      }
    }
    return std::string(otherwise);
  }

  const InventoryOptions& options_;
  std::shared_ptr<StringPool> pool_;
  Diagnostics diagnostics_;
  KindTable kinds_;
  std::vector<SourceFile> sources_;
  std::vector<FileStage> stages_;
  std::vector<Vendor> register_;
  std::vector<std::pair<std::string, std::vector<std::size_t>>> groups_;
  std::vector<Network> networks_;
  const Node* inline_root_ = nullptr;
  NetworkInfo inline_header_;
};



void Loader::LoadRegisters() {
  register_ = LoadVendorRegisters(options_.use_bundled_vendors, options_.vendor_registers, *pool_,
                                  diagnostics_);
}

void Loader::Group() {
  std::vector<std::string> declared;
  for (const FileStage& stage : stages_) {
    if (stage.has_header && !stage.header.id.empty() &&
        std::find(declared.begin(), declared.end(), stage.header.id) == declared.end()) {
      declared.push_back(stage.header.id);
    }
  }
  for (const std::string& id : declared) groups_.emplace_back(id, std::vector<std::size_t>{});
  for (std::size_t index = 0; index < stages_.size(); ++index) {
    const FileStage& stage = stages_[index];
    if (!stage.saw_any) continue;
    // A headerless file cut short by a syntax error cannot be placed; say nothing more.
    if (!stage.has_header && !stage.complete) continue;
    if (stage.has_header) {
      if (stage.header.id.empty()) continue;  // reported: missing id
      for (auto& [id, files] : groups_) {
        if (id == stage.header.id) files.push_back(index);
      }
      continue;
    }
    if (declared.size() == 1) {
      groups_.front().second.push_back(index);
    } else if (declared.empty()) {
      diagnostics_.Error(At(stage.file, 0), "no file declares the network these records belong to",
                         "add 'network: {id: ..., country: ..}' to one of the files");
    } else {
      std::string names;
      for (const std::string& id : declared) names += (names.empty() ? "" : ", ") + id;
      diagnostics_.Error(At(stage.file, 0),
                         fmt::format("this file declares no network, and several are loaded ({})",
                                     names),
                         "add 'network: {id: ...}' to say which network it belongs to");
    }
  }
}

void Loader::Build(const std::string& network_id, const std::vector<std::size_t>& file_indices) {
  Network network;
  network.strings = pool_;
  network.kinds = kinds_.entries();
  const std::size_t pool_size = pool_->size();
  const std::size_t errors_before = diagnostics_.ErrorCount();
  std::size_t file_errors = 0;
  std::size_t element_records = 0;
  for (std::size_t index : file_indices) {
    file_errors += stages_[index].errors;
    element_records += stages_[index].element_records;
  }
  // Ids whose records were rejected resolve to kRejected, silently.
  auto mark_rejected = [&](std::vector<std::uint32_t>& table, auto member) {
    for (std::size_t index : file_indices) {
      for (StringId id : stages_[index].*member) {
        if (table[id] == kNone) table[id] = kRejected;
      }
    }
  };

  // Header: files of one network must agree.
  bool have_header = false;
  const FileStage* header_stage = nullptr;
  for (std::size_t index : file_indices) {
    const FileStage& stage = stages_[index];
    network.source_files.push_back(sources_[stage.file].name());
    if (!stage.has_header) continue;
    if (!have_header) {
      network.info = stage.header;
      header_stage = &stage;
      have_header = true;
      continue;
    }
    auto conflict = [&](std::string_view key, const std::string& mine, const std::string& theirs) {
      if (mine.empty() || theirs.empty() || mine == theirs) return;
      diagnostics_.Error(At(stage.file, stage.header_offset),
                         fmt::format("network '{}' has {} '{}' here but '{}' in {}", network_id,
                                     key, mine, theirs, sources_[header_stage->file].name()),
                         "files of one network must agree on its header");
    };
    conflict("name", stage.header.name, network.info.name);
    conflict("country", stage.header.country, network.info.country);
    conflict("as_of", FormatIsoDate(stage.header.as_of), FormatIsoDate(network.info.as_of));
    if (network.info.name.empty()) network.info.name = stage.header.name;
    if (network.info.country.empty()) network.info.country = stage.header.country;
    if (network.info.as_of == kNoDate) network.info.as_of = stage.header.as_of;
  }
  // File index inside this network, for Origin.
  auto local_file = [&](const FileStage& stage) {
    return static_cast<std::uint16_t>(
        std::find(file_indices.begin(), file_indices.end(),
                  static_cast<std::size_t>(&stage - stages_.data())) -
        file_indices.begin());
  };

  // Vendors: the registers, then the inventory's own (which override).
  network.vendors = register_;
  std::vector<std::uint32_t> vendor_of(pool_size, kNone);
  for (VendorIndex index = 0; index < network.vendors.size(); ++index) {
    vendor_of[network.vendors[index].id] = index;
  }
  {
    absl::flat_hash_map<StringId, std::pair<std::uint16_t, std::uint64_t>> declared_here;
    for (std::size_t file_index : file_indices) {
      FileStage& stage = stages_[file_index];
      for (StagedVendor& staged : stage.vendors) {
        auto [it, inserted] = declared_here.try_emplace(staged.vendor.id, stage.file, staged.offset);
        if (!inserted) {
          diagnostics_.Error(At(stage.file, staged.offset),
                             fmt::format("duplicate vendor id '{}'", pool_->View(staged.vendor.id)),
                             fmt::format("it is already defined at {}",
                                         Where(stage.file, it->second.first,
                                               sources_[it->second.first].LineOf(it->second.second))));
          continue;
        }
        if (vendor_of[staged.vendor.id] != kNone) {
          network.vendors[vendor_of[staged.vendor.id]] = std::move(staged.vendor);
        } else {
          vendor_of[staged.vendor.id] = static_cast<VendorIndex>(network.vendors.size());
          network.vendors.push_back(std::move(staged.vendor));
        }
      }
    }
  }
  mark_rejected(vendor_of, &FileStage::rejected_vendors);
  std::vector<std::string_view> vendor_names;
  for (const Vendor& vendor : network.vendors) vendor_names.push_back(pool_->View(vendor.id));

  // Sites.
  std::vector<std::uint32_t> site_of(pool_size, kNone);
  std::vector<std::pair<std::uint16_t, std::uint64_t>> site_where;
  for (std::size_t file_index : file_indices) {
    FileStage& stage = stages_[file_index];
    for (StagedSite& staged : stage.sites) {
      const StringId id = staged.site.id;
      if (site_of[id] != kNone) {
        const auto& [first_file, first_offset] = site_where[site_of[id]];
        diagnostics_.Error(At(stage.file, staged.offset),
                           fmt::format("duplicate site id '{}'", pool_->View(id)),
                           fmt::format("it is already defined at {}",
                                       Where(stage.file, first_file,
                                             sources_[first_file].LineOf(first_offset))));
        continue;
      }
      site_of[id] = static_cast<SiteIndex>(network.sites.size());
      site_where.emplace_back(stage.file, staged.offset);
      network.sites.push_back(staged.site);
    }
    std::vector<StagedSite>().swap(stage.sites);
  }
  mark_rejected(site_of, &FileStage::rejected_sites);
  std::vector<std::string_view> site_names;
  if (network.sites.size() <= kMaxSuggestionCandidates) {
    for (const Site& site : network.sites) site_names.push_back(pool_->View(site.id));
  }

  // Elements.
  std::size_t element_total = 0;
  for (std::size_t file_index : file_indices) element_total += stages_[file_index].elements.size();
  network.elements.reserve(element_total);
  network.element_origins.reserve(element_total);
  std::vector<std::uint32_t> element_of(pool_size, kNone);
  std::vector<std::uint32_t> element_site_count(network.sites.size(), 0);
  for (std::size_t file_index : file_indices) {
    FileStage& stage = stages_[file_index];
    const SourceFile& source = sources_[stage.file];
    const std::uint16_t origin_file = local_file(stage);
    std::uint32_t line = 0;  // of the previous record: they come in file order
    for (std::size_t index = 0; index < stage.elements.size(); ++index) {
      // The id tables are read at random: ask for a later record's entries now.
      if (index + kLookAhead < stage.elements.size()) {
        const Element& later = stage.elements[index + kLookAhead];
        __builtin_prefetch(&element_of[later.id]);
        if (later.site != kNoString) __builtin_prefetch(&site_of[later.site]);
      }
      Element element = stage.elements[index];
      const StagedElementRefs& refs = stage.element_refs[index];
      const StringId id = element.id;
      if (element_of[id] == kRejected) {
        // The first record of this id was refused (its vendor): it has no origin.
        diagnostics_.Error(source.LocationOf(refs.offset),
                           fmt::format("duplicate element id '{}'", pool_->View(id)),
                           "give each element its own id (an earlier record has this one)");
        continue;
      }
      if (element_of[id] != kNone) {
        const Origin first = network.element_origins[element_of[id]];
        diagnostics_.Error(source.LocationOf(refs.offset),
                           fmt::format("duplicate element id '{}'", pool_->View(id)),
                           fmt::format("it is already defined at {}",
                                       Where(stage.file, network.source_files[first.file],
                                             first.line)));
        continue;
      }
      const StringId vendor_id = element.vendor;
      element.vendor = vendor_of[vendor_id];
      if (element.vendor == kRejected) {
        element_of[id] = kRejected;  // its vendor was already reported
        continue;
      }
      if (element.vendor == kNone) {
        diagnostics_.Error(source.LocationOf(refs.vendor_offset),
                           fmt::format("unknown vendor '{}'", pool_->View(vendor_id)),
                           Hint(pool_->View(vendor_id), vendor_names,
                                "declare it under 'vendors:' or in a vendor register, or write "
                                "'vendor: unknown'"));
      }
      if (element.site != kNoString) {
        const StringId site_id = element.site;
        element.site = site_of[site_id];
        if (element.site == kRejected) {
          element.site = kNone;
        } else if (element.site == kNone) {
          diagnostics_.Error(source.LocationOf(refs.site_offset),
                             fmt::format("element '{}' refers to unknown site '{}'",
                                         pool_->View(id), pool_->View(site_id)),
                             Hint(pool_->View(site_id), site_names,
                                  "add the site under 'sites:' or correct the id"));
        } else {
          ++element_site_count[element.site];
        }
      } else {
        element.site = kNone;
      }
      std::vector<StringId> certs;
      for (std::uint32_t k = refs.managed_begin; k < refs.managed_begin + element.certifications;
           ++k) {
        certs.push_back(stage.managed[k].target);
      }
      element.certifications = network.InternCertSet(std::move(certs));
      element_of[id] = static_cast<ElementIndex>(network.elements.size());
      network.elements.push_back(element);
      line = source.LineOf(refs.offset, line);
      network.element_origins.push_back({origin_file, line});
    }
  }
  mark_rejected(element_of, &FileStage::rejected_elements);
  // managed_by, now that every element has an index.
  network.managed_by_offsets.assign(network.elements.size() + 1, 0);
  {
    std::vector<std::pair<ElementIndex, ElementIndex>> pairs;
    for (std::size_t file_index : file_indices) {
      FileStage& stage = stages_[file_index];
      const SourceFile& source = sources_[stage.file];
      for (std::size_t index = 0; index < stage.elements.size(); ++index) {
        const StagedElementRefs& refs = stage.element_refs[index];
        const ElementIndex managed = element_of[stage.elements[index].id];
        if (managed == kNone || managed == kRejected) continue;
        // A duplicate id resolves to the first definition; its managers are its own.
        if (network.elements[managed].id != stage.elements[index].id) continue;
        const std::uint32_t certs = static_cast<std::uint32_t>(
            stage.elements[index].certifications);
        for (std::uint32_t k = refs.managed_begin + certs; k < refs.managed_end; ++k) {
          const ManagedRef& ref = stage.managed[k];
          const ElementIndex manager = element_of[ref.target];
          if (manager == kRejected) continue;
          if (manager == kNone) {
            diagnostics_.Error(source.LocationOf(ref.offset),
                               fmt::format("element '{}' is managed by unknown element '{}'",
                                           pool_->View(stage.elements[index].id),
                                           pool_->View(ref.target)),
                               "list the id of a management element (oss, ems, ...) defined under "
                               "'elements:'");
            continue;
          }
          if (manager == managed) {
            diagnostics_.Error(source.LocationOf(ref.offset),
                               fmt::format("element '{}' is listed as its own manager",
                                           pool_->View(ref.target)),
                               "remove it from its 'managed_by'");
            continue;
          }
          if (options_.warnings && network.elements[manager].domain != Domain::kManagement) {
            diagnostics_.Warning(source.LocationOf(ref.offset),
                                 fmt::format("'{}' manages '{}' but is not a management element",
                                             pool_->View(ref.target),
                                             pool_->View(stage.elements[index].id)),
                                 "managers are usually oss, nms, ems, mano or sdn-controller");
          }
          pairs.emplace_back(managed, manager);
        }
      }
      std::vector<Element>().swap(stage.elements);
      std::vector<StagedElementRefs>().swap(stage.element_refs);
      std::vector<ManagedRef>().swap(stage.managed);
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    for (const auto& [managed, manager] : pairs) ++network.managed_by_offsets[managed + 1];
    std::partial_sum(network.managed_by_offsets.begin(), network.managed_by_offsets.end(),
                     network.managed_by_offsets.begin());
    network.managed_by_targets.reserve(pairs.size());
    for (const auto& pair : pairs) network.managed_by_targets.push_back(pair.second);
  }

  // Links.
  std::size_t link_total = 0;
  for (std::size_t file_index : file_indices) link_total += stages_[file_index].links.size();
  network.links.reserve(link_total);
  network.link_origins.reserve(link_total);
  std::vector<std::uint64_t> link_offsets;  // for the parallel-link check
  std::vector<std::uint16_t> link_files;
  link_offsets.reserve(link_total);
  link_files.reserve(link_total);
  std::vector<std::uint32_t> degree(network.elements.size(), 0);
  absl::flat_hash_map<StringId, LinkIndex> link_ids;
  for (std::size_t file_index : file_indices) {
    FileStage& stage = stages_[file_index];
    const SourceFile& source = sources_[stage.file];
    const std::uint16_t origin_file = local_file(stage);
    std::uint32_t line = 0;  // of the previous record: they come in file order
    for (std::size_t index = 0; index < stage.links.size(); ++index) {
      if (index + kLookAhead < stage.links.size()) {
        __builtin_prefetch(&element_of[stage.links[index + kLookAhead].a]);
        __builtin_prefetch(&element_of[stage.links[index + kLookAhead].b]);
      }
      Link link = stage.links[index];
      const StagedLinkRefs& refs = stage.link_refs[index];
      bool good = true;
      auto resolve = [&](ElementIndex& end, std::uint64_t offset, std::string_view which) {
        const StringId id = end;
        end = element_of[id];
        if (end == kRejected) {
          good = false;
          return;
        }
        if (end == kNone) {
          diagnostics_.Error(source.LocationOf(offset),
                             fmt::format("link end '{}' is not a known element", pool_->View(id)),
                             fmt::format("correct '{}' or add the element under 'elements:'", which));
          good = false;
        }
      };
      resolve(link.a, refs.a_offset, "a");
      resolve(link.b, refs.b_offset, "b");
      if (good && link.a == link.b) {
        diagnostics_.Error(source.LocationOf(refs.b_offset),
                           fmt::format("link connects '{}' to itself", network.ElementId(link.a)),
                           "a link joins two different elements; remove it or fix 'b'");
        good = false;
      }
      if (link.id != kNoString) {
        // A refused link keeps its id (so a repeat is still a duplicate) but has
        // no origin to point at.
        constexpr auto kRefusedLink = static_cast<LinkIndex>(-1);
        auto [it, inserted] = link_ids.try_emplace(
            link.id, good ? static_cast<LinkIndex>(network.links.size()) : kRefusedLink);
        if (!inserted && it->second == kRefusedLink) {
          diagnostics_.Error(source.LocationOf(refs.offset),
                             fmt::format("duplicate link id '{}'", pool_->View(link.id)),
                             "give each link its own id (an earlier link has this one)");
          good = false;
        } else if (!inserted) {
          const Origin first = network.link_origins[it->second];
          diagnostics_.Error(source.LocationOf(refs.offset),
                             fmt::format("duplicate link id '{}'", pool_->View(link.id)),
                             fmt::format("it is already defined at {}",
                                         Where(stage.file, network.source_files[first.file],
                                               first.line)));
          good = false;
        }
      }
      if (!good) continue;
      ++degree[link.a];
      ++degree[link.b];
      network.links.push_back(link);
      line = source.LineOf(refs.offset, line);
      network.link_origins.push_back({origin_file, line});
      link_offsets.push_back(refs.offset);
      link_files.push_back(stage.file);
    }
    std::vector<Link>().swap(stage.links);
    std::vector<StagedLinkRefs>().swap(stage.link_refs);
  }
  {
    // Parallel links must carry ids to be told apart. Sort by endpoint pair.
    auto key = [&](LinkIndex index) {
      const Link& link = network.links[index];
      const auto low = std::min(link.a, link.b);
      const auto high = std::max(link.a, link.b);
      return (static_cast<std::uint64_t>(low) << 32) | high;
    };
    std::vector<std::pair<std::uint64_t, LinkIndex>> keyed;
    keyed.reserve(network.links.size());
    for (LinkIndex index = 0; index < network.links.size(); ++index) {
      keyed.emplace_back(key(index), index);
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<LinkIndex> order;
    order.reserve(keyed.size());
    for (const auto& entry : keyed) order.push_back(entry.second);
    keyed = {};
    for (std::size_t i = 1; i < order.size(); ++i) {
      if (key(order[i]) != key(order[i - 1])) continue;
      // Report the later link of a pair when either lacks an id.
      std::size_t first = i - 1;
      while (first > 0 && key(order[first - 1]) == key(order[i])) --first;
      const Link& later = network.links[order[i]];
      bool any_without_id = later.id == kNoString;
      for (std::size_t j = first; j < i; ++j) {
        any_without_id = any_without_id || network.links[order[j]].id == kNoString;
      }
      if (!any_without_id) continue;
      const Origin first_origin = network.link_origins[order[first]];
      diagnostics_.Error(
          At(link_files[order[i]], link_offsets[order[i]]),
          fmt::format("parallel link between '{}' and '{}' without an id",
                      network.ElementId(later.a), network.ElementId(later.b)),
          fmt::format("another link joins them at {}; give each parallel link an 'id'",
                      Where(link_files[order[i]], network.source_files[first_origin.file],
                            first_origin.line)));
    }
  }

  // Services.
  {
    absl::flat_hash_map<StringId, std::pair<std::uint16_t, std::uint64_t>> service_ids;
    for (std::size_t file_index : file_indices) {
      FileStage& stage = stages_[file_index];
      const SourceFile& source = sources_[stage.file];
      for (StagedService& staged : stage.services) {
        Service service = std::move(staged.service);
        auto [it, inserted] = service_ids.try_emplace(service.id, stage.file, staged.offset);
        if (!inserted) {
          diagnostics_.Error(source.LocationOf(staged.offset),
                             fmt::format("duplicate service id '{}'", pool_->View(service.id)),
                             fmt::format("it is already defined at {}",
                                         Where(stage.file, it->second.first,
                                               sources_[it->second.first].LineOf(it->second.second))));
          continue;
        }
        bool good = true;
        for (const StagedRef& ref : staged.attach) {
          const ElementIndex element = element_of[ref.id];
          if (element == kRejected) {
            good = false;
            continue;
          }
          if (element == kNone) {
            diagnostics_.Error(source.LocationOf(ref.offset),
                               fmt::format("service '{}' attaches to unknown element '{}'",
                                           pool_->View(service.id), pool_->View(ref.id)),
                               "list ids of elements defined under 'elements:'");
            good = false;
            continue;
          }
          if (std::find(service.attach.begin(), service.attach.end(), element) ==
              service.attach.end()) {
            service.attach.push_back(element);
          }
        }
        if (staged.needs_given) {
          for (const auto& [name, offset] : staged.needs) {
            auto kind = kinds_.Find(name);
            if (!kind) {
              const auto names = BuiltinKindNames();
              diagnostics_.Error(source.LocationOf(offset),
                                 fmt::format("service '{}' needs unknown function '{}'",
                                             pool_->View(service.id), name),
                                 SuggestionHint(name, names));
              good = false;
              continue;
            }
            service.needs.push_back(*kind);
          }
        } else {
          for (std::string_view name : {"amf", "smf", "upf"}) {
            service.needs.push_back(*kinds_.Find(name));
          }
        }
        if (staged.site != kNoString) {
          service.site = site_of[staged.site];
          if (service.site == kRejected) {
            service.site = kNone;
          } else if (service.site == kNone) {
            diagnostics_.Error(source.LocationOf(staged.site_offset),
                               fmt::format("service '{}' refers to unknown site '{}'",
                                           pool_->View(service.id), pool_->View(staged.site)),
                               Hint(pool_->View(staged.site), site_names,
                                    "add the site under 'sites:' or correct the id"));
            good = false;
          }
        }
        if (service.owner.empty()) service.owner = network.info.country;
        if (good) network.services.push_back(std::move(service));
      }
      std::vector<StagedService>().swap(stage.services);
    }
  }

  if (element_records == 0 && file_errors == 0) {
    const FileStage& first = stages_[file_indices.front()];
    diagnostics_.Error(At(first.file, header_stage ? header_stage->header_offset : 0),
                       fmt::format("network '{}' has no elements", network_id),
                       "add elements under 'elements:' (or load the file that has them)");
  }
  // Warnings only for otherwise valid input: with errors about, "no links"
  // and the like are mostly echoes of records that were rejected.
  const bool clean = file_errors == 0 && diagnostics_.ErrorCount() == errors_before;
  if (options_.warnings && clean) {
    for (ElementIndex element = 0; element < network.elements.size(); ++element) {
      if (degree[element] != 0) continue;
      const Origin origin = network.element_origins[element];
      diagnostics_.Warning(Location{network.source_files[origin.file], origin.line, 1},
                           fmt::format("element '{}' has no links", network.ElementId(element)),
                           "it can serve no traffic; link it or remove it");
    }
    std::vector<bool> site_has_service(network.sites.size(), false);
    for (const Service& service : network.services) {
      if (service.site != kNone) site_has_service[service.site] = true;
    }
    for (SiteIndex site = 0; site < network.sites.size(); ++site) {
      if (element_site_count[site] != 0) continue;
      const SiteKind kind = network.sites[site].kind;
      const bool equipment_site = kind == SiteKind::kDatacenter || kind == SiteKind::kExchange ||
                                  kind == SiteKind::kCell || kind == SiteKind::kHub ||
                                  kind == SiteKind::kPop;
      // A hospital or a base with no equipment of its own is normal.
      if (site_has_service[site] || !equipment_site) continue;
      const auto& [file, offset] = site_where[site];
      diagnostics_.Warning(At(file, offset),
                           fmt::format("site '{}' has no elements", pool_->View(network.sites[site].id)),
                           "place elements there with 'site:' or remove it");
    }
  }
  networks_.push_back(std::move(network));
}

Result<std::vector<Network>> Loader::Run(
    std::vector<SourceFile> sources,
    const std::vector<std::pair<std::string, std::string>>& unreadable) {
  for (const auto& [path, reason] : unreadable) {
    diagnostics_.Error(Location{path, 0, 0}, reason, "check the path and its permissions");
  }
  if (sources.size() >= UINT16_MAX) {
    diagnostics_.Error(Location{}, "too many input files", "load at most 65,000 files at once");
    return Result<std::vector<Network>>(std::move(diagnostics_));
  }
  // About one distinct id per 100 bytes of JSON inventory: reserve so the
  // intern table does not rehash millions of entries while loading.
  std::size_t total_bytes = 0;
  for (const SourceFile& source : sources) total_bytes += source.size();
  pool_->Reserve(total_bytes / 100);
  LoadRegisters();
  sources_ = std::move(sources);
  stages_.resize(sources_.size());
  for (std::size_t index = 0; index < sources_.size(); ++index) {
    stages_[index].file = static_cast<std::uint16_t>(index);
    ReadContext context{diagnostics_, *pool_, kinds_, options_.threads != 1,
                        options_.direct_json_records};
    if (index == 0 && inline_root_ != nullptr) {
      ReadInventoryTree(sources_[index], *inline_root_, inline_header_, stages_[index], context);
    } else {
      ReadInventoryFile(sources_[index], stages_[index], context);
    }
    sources_[index].DropText();  // only locations are needed from here on
  }
  Group();
  for (const auto& [id, files] : groups_) {
    // A file cut short by a syntax error would only produce echoes.
    const bool complete = std::all_of(files.begin(), files.end(),
                                      [&](std::size_t index) { return stages_[index].complete; });
    if (!files.empty() && complete) Build(id, files);
  }
  if (diagnostics_.HasErrors()) return Result<std::vector<Network>>(std::move(diagnostics_));
  return Result<std::vector<Network>>(std::move(networks_), std::move(diagnostics_));
}

}  // namespace

Result<std::vector<Network>> LoadInventorySources(std::vector<SourceFile> sources,
                                                  const InventoryOptions& options) {
  Loader loader(options);
  return loader.Run(std::move(sources), {});
}

Result<std::vector<Network>> LoadInlineInventory(const InlineInventory& inventory,
                                                 const InventoryOptions& options) {
  Loader loader(options);
  loader.UseTree(inventory.root, inventory.header);
  std::vector<SourceFile> sources;
  sources.push_back(*inventory.source);
  return loader.Run(std::move(sources), {});
}

Result<std::vector<Network>> LoadInventories(std::span<const std::string> paths,
                                             const InventoryOptions& options) {
  std::vector<SourceFile> sources;
  std::vector<std::pair<std::string, std::string>> unreadable;
  for (const std::string& path : paths) {
    try {
      sources.push_back(SourceFile::Read(path));
    } catch (const IoError& error) {
      std::string reason = error.what();
      if (reason.starts_with(path + ": ")) reason.erase(0, path.size() + 2);
      unreadable.emplace_back(path, "cannot read inventory: " + reason);
    }
  }
  Loader loader(options);
  return loader.Run(std::move(sources), unreadable);
}

}  // namespace redoubt
