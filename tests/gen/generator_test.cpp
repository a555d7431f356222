// The generator: options checked into diagnostics, byte-identical output for
// the same seed, and the structure the header promises.
#include <algorithm>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "gen/countries.hpp"
#include "gen/generator.hpp"
#include "gen/layout.hpp"
#include "gen/random.hpp"
#include "io/inventory_reader.hpp"
#include "io/inventory_writer.hpp"

namespace redoubt::gen {
namespace {

GeneratorOptions Small(std::uint64_t seed = 1) {
  GeneratorOptions options;
  options.country = "GB";
  options.sites = 400;
  options.seed = seed;
  return options;
}

std::string Generate(const GeneratorOptions& options) {
  auto network = GenerateNetwork(options);
  EXPECT_TRUE(network.ok());
  return network.ok() ? WriteInventoryJson(network.value()) : "";
}

TEST(Random, IsTheSameEverywhere) {
  Random rng(1, 2);
  // Fixed values: a change here changes every generated network.
  EXPECT_EQ(rng.Next(), 0x93c5bdbe746b8ea0ULL) << std::hex << Random(1, 2).Next();
  Random other(1, 3);
  EXPECT_NE(Random(1, 2).Next(), other.Next());
  for (int k = 0; k < 1000; ++k) {
    const double u = rng.Uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    ASSERT_LT(rng.Below(7), 7u);
  }
}

TEST(Generator, RejectsBadOptionsWithEveryProblem) {
  GeneratorOptions options;
  options.country = "UK";
  options.sites = 0;
  options.split_ran = 2;
  auto result = GenerateNetwork(options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.diagnostics().ErrorCount(), 3u);
  EXPECT_NE(result.diagnostics().Items()[0].hint.find("GB (United Kingdom)"), std::string::npos);
}

TEST(Generator, ParsesVendorMixesAndReportsMistakes) {
  std::map<Domain, std::vector<VendorShare>> mix;
  Diagnostics diagnostics;
  ParseVendorMix("ran=huawei:0.4,ericsson:0.6 core=nokia:1", "--vendor-mix", mix, diagnostics);
  EXPECT_FALSE(diagnostics.HasErrors());
  ASSERT_EQ(mix[Domain::kRan].size(), 2u);
  EXPECT_EQ(mix[Domain::kRan][0].vendor, "huawei");
  EXPECT_DOUBLE_EQ(mix[Domain::kRan][1].share, 0.6);
  Diagnostics bad;
  ParseVendorMix("rna=huawei:1 core=nokia:0.5 edge=x:abc", "--vendor-mix", mix, bad);
  ASSERT_EQ(bad.ErrorCount(), 3u);
  EXPECT_EQ(bad.Items()[0].Format(),
            "--vendor-mix:1:1: error: unknown domain 'rna' \u2014 expected one of: ran, transport, core, "
            "management, edge");
  EXPECT_NE(bad.Items()[1].message.find("sum to 0.5"), std::string::npos);
  EXPECT_EQ(bad.Items()[2].location.column, 36u);  // the 'abc'

  GeneratorOptions options = Small();
  options.vendor_mix[Domain::kRan] = {{"huawai", 1.0}};
  auto result = GenerateNetwork(options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.diagnostics().Items()[0].hint, "did you mean 'huawei'?");
}

TEST(Generator, ParsesForeignServices) {
  Diagnostics diagnostics;
  auto service = ParseForeignService("CA,57.09,24.39,eFP battle group, HQ", "--foreign-service",
                                     diagnostics);
  ASSERT_TRUE(service.has_value());
  EXPECT_EQ(service->owner, "CA");
  EXPECT_DOUBLE_EQ(service->lat, 57.09);
  EXPECT_EQ(service->name, "eFP battle group, HQ");
  EXPECT_FALSE(ParseForeignService("UK,91,0", "x", diagnostics).has_value());
  EXPECT_EQ(diagnostics.ErrorCount(), 2u);
}

TEST(Generator, SameSeedGivesIdenticalBytesAndAnotherSeedDiffers) {
  const std::string first = Generate(Small(7));
  const std::string second = Generate(Small(7));
  const std::string other = Generate(Small(8));
  EXPECT_GT(first.size(), 100000u);
  EXPECT_EQ(first, second);
  EXPECT_NE(first, other);
}

TEST(Generator, OutputValidatesWithoutErrorsOrWarnings) {
  GeneratorOptions options = Small();
  options.split_ran = 0.3;
  options.foreign_services.push_back({"US", 54.38, -1.71, "US liaison"});
  const std::string text = Generate(options);
  std::vector<SourceFile> sources;
  sources.push_back(SourceFile::FromString("gb.json", text));
  auto loaded = LoadInventorySources(std::move(sources));
  ASSERT_TRUE(loaded.ok()) << (loaded.diagnostics().Empty() ? "" : loaded.diagnostics().Items()[0].Format());
  EXPECT_EQ(loaded.diagnostics().WarningCount(), 0u)
      << loaded.diagnostics().Items()[0].Format();
  // Reading back and writing again gives the same bytes.
  EXPECT_EQ(WriteInventoryJson(loaded.value()[0]), text);
}

TEST(Generator, HasTheArchitectureItPromises) {
  GeneratorOptions options = Small();
  options.split_ran = 0.25;
  options.foreign_services.push_back({"CA", 54.0, -2.0, ""});
  auto result = GenerateNetwork(options);
  ASSERT_TRUE(result.ok());
  const Network& network = result.value();
  std::map<std::string, std::size_t> kinds;
  std::array<std::size_t, kDomainCount> domains{};
  for (ElementIndex e = 0; e < network.elements.size(); ++e) {
    ++kinds[network.Kind(e).name];
    ++domains[static_cast<int>(network.elements[e].domain)];
  }
  EXPECT_EQ(kinds["gnb"] + kinds["ru"], 400u);  // one radio per cell site
  EXPECT_EQ(kinds["ru"], kinds["du"]);
  EXPECT_GT(kinds["ru"], 60u);
  EXPECT_LT(kinds["ru"], 140u);
  EXPECT_GT(kinds["cu"], 0u);
  EXPECT_EQ(kinds["amf"], 2u);  // two data centres under 2,000 sites
  EXPECT_EQ(kinds["oss"], 1u);
  EXPECT_EQ(kinds["sdn-controller"], 1u);
  EXPECT_GT(kinds["microwave"], 0u);
  EXPECT_GT(domains[static_cast<int>(Domain::kEdge)], 0u);
  // Every element is linked, and every element but the OSS is managed.
  std::vector<int> degree(network.elements.size(), 0);
  for (const Link& link : network.links) {
    ++degree[link.a];
    ++degree[link.b];
  }
  EXPECT_EQ(std::count(degree.begin(), degree.end(), 0), 0);
  std::size_t unmanaged = 0;
  for (ElementIndex e = 0; e < network.elements.size(); ++e) {
    if (network.ManagedBy(e).empty()) ++unmanaged;
    for (ElementIndex manager : network.ManagedBy(e)) {
      ASSERT_EQ(network.elements[manager].domain, Domain::kManagement);
      // An EMS manages only its own vendor's equipment.
      if (network.Kind(manager).name == "ems") {
        ASSERT_EQ(network.elements[manager].vendor, network.elements[e].vendor);
      }
    }
  }
  EXPECT_EQ(unmanaged, 1u);
  // Every site is powered, dates never after as_of, versions set.
  for (const Site& site : network.sites) {
    if (site.kind == SiteKind::kCell) {
      EXPECT_NE(site.substation, kNoString);
      EXPECT_TRUE(site.backup_hours == 2.0f || site.backup_hours == 4.0f);
    }
  }
  for (const Element& element : network.elements) {
    ASSERT_LE(element.installed, options.as_of);
    ASSERT_NE(element.software, kNoString);
  }
  // Services: defence is secret; the foreign one is owned by CA.
  std::size_t foreign = 0;
  for (const Service& service : network.services) {
    EXPECT_FALSE(service.attach.empty());
    if (service.sector == Sector::kDefence) {
      EXPECT_EQ(service.classification, Classification::kSecret);
      EXPECT_TRUE(service.requirements.trusted_paths);
    }
    if (service.owner == "CA") ++foreign;
  }
  EXPECT_EQ(foreign, 1u);
}

TEST(Generator, RanSharesFollowTheMixInContiguousAreas) {
  GeneratorOptions options = Small();
  options.sites = 3000;
  options.vendor_mix[Domain::kRan] = {{"huawei", 0.4}, {"ericsson", 0.6}};
  auto result = GenerateNetwork(options);
  ASSERT_TRUE(result.ok());
  const Network& network = result.value();
  const VendorIndex huawei = network.FindVendor("huawei");
  std::size_t radios = 0, by_huawei = 0;
  // Cell sites are numbered in rollout-area order: the vendor changes only a
  // few times along that order (contiguous swaths, not salt and pepper).
  std::size_t changes = 0;
  VendorIndex previous = kNone;
  std::map<StringId, std::set<VendorIndex>> vendors_by_region;
  for (const Element& element : network.elements) {
    if (element.domain != Domain::kRan || network.kinds[element.kind].name == "cu") continue;
    ++radios;
    by_huawei += element.vendor == huawei ? 1 : 0;
    if (previous != kNone && element.vendor != previous) ++changes;
    previous = element.vendor;
    vendors_by_region[network.sites[element.site].region].insert(element.vendor);
  }
  EXPECT_EQ(radios, 3000u);
  EXPECT_NEAR(static_cast<double>(by_huawei) / radios, 0.4, 0.02);
  EXPECT_LE(changes, 2u);
  std::size_t mixed_regions = 0;
  for (const auto& [region, vendors] : vendors_by_region) mixed_regions += vendors.size() > 1;
  EXPECT_LE(mixed_regions, 1u);
}

TEST(Generator, ScalesWithSitesAndCoreSites) {
  GeneratorOptions options = Small();
  options.country = "LV";
  options.sites = 60;
  options.core_sites = 1;
  auto result = GenerateNetwork(options);
  ASSERT_TRUE(result.ok());
  std::size_t amf = 0;
  for (ElementIndex e = 0; e < result.value().elements.size(); ++e) {
    amf += result.value().Kind(e).name == "amf" ? 1 : 0;
  }
  EXPECT_EQ(amf, 1u);
  EXPECT_EQ(result.value().info.id, "lv-op1");
  EXPECT_EQ(result.value().info.country, "LV");
}


// --national-services, against its closed form: per sector, each city with
// cells of its own gets max(1, round(P × rate / 1e6)) services whose weights
// (the people each serves, rounded) sum to P; every one validates, and the
// classifications are the rates'.
TEST(Generator, NationalServicesFollowPopulationInEverySector) {
  GeneratorOptions options = Small();
  options.sites = 3000;
  options.national_services = true;
  auto result = GenerateNetwork(options);
  ASSERT_TRUE(result.ok());
  const Network& network = result.value();
  const CountryProfile& profile = *FindCountry("GB");
  const Layout layout = MakeLayout(profile, options.sites, options.core_sites, options.seed);
  std::vector<bool> has_cells(profile.cities.size(), false);
  for (const CellPlace& cell : layout.cells) {
    if (!cell.rural) has_cells[cell.city] = true;
  }
  std::size_t total = 0;
  for (const NationalServiceRate& rate : kNationalServiceRates) {
    std::int64_t expected = 0;
    double population = 0;
    for (std::size_t c = 0; c < profile.cities.size(); ++c) {
      if (!has_cells[c]) continue;
      expected += std::max<std::int64_t>(1, std::llround(profile.cities[c].population * rate.per_million / 1e6));
      population += profile.cities[c].population;
    }
    const std::string prefix = "gb-" + std::string(rate.slug) + "-";
    std::int64_t count = 0;
    double weight = 0;
    for (const Service& service : network.services) {
      if (!network.Str(service.id).starts_with(prefix)) continue;
      ++count;
      weight += service.weight;
      EXPECT_EQ(service.sector, rate.sector) << network.Str(service.id);
      EXPECT_EQ(service.classification, rate.classification) << network.Str(service.id);
    }
    EXPECT_EQ(count, expected) << rate.slug;
    EXPECT_NEAR(weight, population, 0.5 * static_cast<double>(count) + 1e-6) << rate.slug;
    total += static_cast<std::size_t>(count);
  }
  EXPECT_GT(total, 1000u);  // thousands per nation, not tens

  // Off by default, and the rest of the network is the same.
  GeneratorOptions plain = options;
  plain.national_services = false;
  auto without = GenerateNetwork(plain);
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(without.value().services.size() + total, network.services.size());
  EXPECT_EQ(without.value().elements.size(), network.elements.size());

  std::vector<SourceFile> sources;
  sources.push_back(SourceFile::FromString("gb.json", WriteInventoryJson(network)));
  auto loaded = LoadInventorySources(std::move(sources));
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.diagnostics().WarningCount(), 0u);
}

}  // namespace
}  // namespace redoubt::gen
