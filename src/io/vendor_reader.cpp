#include "io/vendor_reader.hpp"

#include <algorithm>
#include <array>

#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "io/node_reader.hpp"

namespace redoubt {

namespace {
constexpr std::array<std::string_view, 4> kCriteria = {"state-interference", "ownership",
                                                       "supply-assurance", "product-quality"};
constexpr std::array<std::string_view, 7> kVendorKeys = {
    "id", "name", "country", "risk", "criteria", "certifications", "notes"};
}  // namespace

std::span<const std::string_view> RiskCriterionNames() { return kCriteria; }

std::optional<Vendor> ReadVendor(const Node& node, const SourceFile& source,
                                 Diagnostics& diagnostics, StringPool& pool) {
  const std::size_t errors_before = diagnostics.ErrorCount();
  MapReader reader(node, source, diagnostics, "vendor", kVendorKeys);
  if (!reader.ok()) return std::nullopt;
  Vendor vendor;
  if (auto id = reader.String("id", Need::kRequired)) vendor.id = pool.Intern(*id);
  vendor.name = reader.String("name").value_or("");
  if (auto country = reader.String("country")) {
    if (IsCountryCode(*country)) {
      vendor.country = *country;
    } else {
      reader.Error(*reader.Get("country"),
                   fmt::format("'country' of vendor is not an ISO 3166-1 alpha-2 code: '{}'",
                               *country),
                   CountryHint(*country));
    }
  }
  if (const Node* criteria = reader.Get("criteria")) {
    MapReader criteria_reader(*criteria, source, diagnostics, "vendor criteria", kCriteria);
    if (criteria_reader.ok()) {
      for (const Field& field : criteria->fields) {
        MapReader criterion(field.value, source, diagnostics,
                            fmt::format("criterion '{}'", field.key), {"level", "rationale"});
        if (!criterion.ok()) continue;
        RiskCriterion entry;
        entry.name = field.key;
        if (auto level = criterion.Choice("level", RiskNames(), Need::kRequired)) {
          entry.level = static_cast<Risk>(*level);
        }
        entry.rationale = criterion.String("rationale", Need::kRequired).value_or("");
        vendor.criteria.push_back(std::move(entry));
      }
    }
  }
  if (auto risk = reader.Choice("risk", RiskNames())) {
    vendor.risk = static_cast<Risk>(*risk);
    vendor.risk_declared = true;
  } else if (!vendor.criteria.empty()) {
    // Derived: the worst known criterion decides (one high-risk criterion is enough,
    // as in the EU coordinated risk assessment).
    Risk worst = Risk::kLow;
    bool any_known = false;
    for (const RiskCriterion& criterion : vendor.criteria) {
      if (criterion.level == Risk::kUnknown) continue;
      any_known = true;
      if (static_cast<int>(criterion.level) > static_cast<int>(worst)) worst = criterion.level;
    }
    vendor.risk = any_known ? worst : Risk::kUnknown;
  }
  if (auto certs = reader.StringList("certifications")) vendor.certifications = *certs;
  (void)reader.String("notes");
  if (diagnostics.ErrorCount() != errors_before) return std::nullopt;
  return vendor;
}

Vendor UnknownVendor(StringPool& pool) {
  Vendor vendor;
  vendor.id = pool.Intern("unknown");
  vendor.name = "Unknown supplier";
  vendor.risk = Risk::kUnknown;
  return vendor;
}

namespace {

class RegisterHandler : public DocumentHandler {
 public:
  RegisterHandler(const SourceFile& source, Diagnostics& diagnostics, StringPool& pool)
      : source_(source), diagnostics_(diagnostics), pool_(pool) {}

  [[nodiscard]] bool Streams(std::string_view key) const override { return key == "vendors"; }
  void OnSequence(std::string_view, std::uint64_t) override {
    saw_vendors_ = true;
    saw_any_ = true;
  }
  void OnField(Field field) override {
    saw_any_ = true;
    if (field.key == "format") {
      format_ = std::move(field.value);
      saw_format_ = true;
    } else if (field.key == "vendors") {
      saw_vendors_ = true;
      if (field.value.type != Node::Type::kNull) {
        diagnostics_.Error(source_.LocationOf(field.value.offset),
                           fmt::format("'vendors' must be a list, found {}",
                                       TypeName(field.value.type)),
                           "write one '- id: ...' entry per vendor");
      }
    } else {
      std::array<std::string_view, 2> keys = {"format", "vendors"};
      diagnostics_.Error(source_.LocationOf(field.key_offset),
                         fmt::format("unknown key '{}' in vendor register", field.key),
                         SuggestionHint(field.key, keys));
    }
  }
  void OnItem(std::string_view, Node item) override {
    auto vendor = ReadVendor(item, source_, diagnostics_, pool_);
    if (!vendor) return;
    auto [it, inserted] = first_line_.try_emplace(vendor->id, source_.LineOf(item.offset));
    if (!inserted) {
      diagnostics_.Error(source_.LocationOf(item.offset),
                         fmt::format("duplicate vendor id '{}'", pool_.View(vendor->id)),
                         fmt::format("it is already defined at line {}", it->second));
      return;
    }
    vendors.push_back(std::move(*vendor));
  }

  void Finish() {
    if (!saw_any_) return;  // nothing parsed: the syntax error says it all
    CheckFormat(saw_format_ ? &format_ : nullptr, 0, "redoubt/vendors@1", source_, diagnostics_);
  }

  std::vector<Vendor> vendors;

 private:
  const SourceFile& source_;
  Diagnostics& diagnostics_;
  StringPool& pool_;
  Node format_;
  bool saw_format_ = false;
  bool saw_vendors_ = false;
  bool saw_any_ = false;
  absl::flat_hash_map<StringId, std::uint32_t> first_line_;
};

}  // namespace

Result<std::vector<Vendor>> LoadVendorRegister(const SourceFile& source, StringPool& pool) {
  Diagnostics diagnostics;
  RegisterHandler handler(source, diagnostics, pool);
  ParseDocument(source, handler, diagnostics);
  handler.Finish();
  return Result<std::vector<Vendor>>(std::move(handler.vendors), std::move(diagnostics));
}

std::vector<Vendor> LoadVendorRegisters(bool bundled, const std::vector<std::string>& paths,
                                        StringPool& pool, Diagnostics& diagnostics) {
  std::vector<std::string> files;
  if (bundled) files.push_back(DataPath("vendors.yaml"));
  files.insert(files.end(), paths.begin(), paths.end());
  std::vector<Vendor> vendors;
  for (const std::string& path : files) {
    SourceFile source;
    try {
      source = SourceFile::Read(path);
    } catch (const IoError& error) {
      diagnostics.Error(Location{path, 0, 0},
                        fmt::format("cannot read vendor register: {}", error.what()),
                        "check the path, or set REDOUBT_DATA to redoubt's data folder");
      continue;
    }
    auto loaded = LoadVendorRegister(source, pool);
    diagnostics.Append(loaded.diagnostics());
    if (!loaded.ok()) continue;
    for (Vendor& vendor : loaded.value()) {
      auto existing = std::find_if(vendors.begin(), vendors.end(),
                                   [&](const Vendor& known) { return known.id == vendor.id; });
      if (existing != vendors.end()) {
        *existing = std::move(vendor);
      } else {
        vendors.push_back(std::move(vendor));
      }
    }
  }
  if (std::none_of(vendors.begin(), vendors.end(),
                   [&](const Vendor& vendor) { return pool.View(vendor.id) == "unknown"; })) {
    vendors.push_back(UnknownVendor(pool));
  }
  return vendors;
}

}  // namespace redoubt
