// Policy evaluation at national scale: a synthetic network of N elements
// (default 1,000,000) checked against the bundled UK standard, which extends
// the NATO baseline — 12 rules of every kind but `service`.
//
// The network is built in memory (no file reading in the measurement):
// ~1 site per 8 elements, RAN at cell sites in regional clusters around the
// UK, transport and core in exchanges and data centres, a handful of
// military and nuclear sites; ~35% of RAN sites Huawei, the rest Ericsson or
// Nokia; Huawei also in some transport. Deterministic for a given size.
//
//   policy_bench [--elements=N] [benchmark flags]
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "core/paths.hpp"
#include "model/network.hpp"
#include "policy/evaluate.hpp"
#include "policy/standard_reader.hpp"

namespace redoubt {
namespace {

VendorIndex AddVendor(Network& network, const char* id, Risk risk, const char* country) {
  Vendor vendor;
  vendor.id = network.Intern(id);
  vendor.name = id;
  vendor.country = country;
  vendor.risk = risk;
  vendor.risk_declared = true;
  network.vendors.push_back(std::move(vendor));
  return static_cast<VendorIndex>(network.vendors.size() - 1);
}

Network BuildNetwork(std::size_t element_count) {
  Network network;
  network.info.id = "bench";
  network.info.country = "GB";
  const VendorIndex huawei = AddVendor(network, "huawei", Risk::kHigh, "CN");
  const VendorIndex ericsson = AddVendor(network, "ericsson", Risk::kLow, "SE");
  const VendorIndex nokia = AddVendor(network, "nokia", Risk::kLow, "FI");
  const VendorIndex cisco = AddVendor(network, "cisco", Risk::kLow, "US");
  const VendorIndex juniper = AddVendor(network, "juniper", Risk::kLow, "US");
  std::mt19937_64 random(20190701);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const std::size_t site_count = std::max<std::size_t>(element_count / 8, 16);
  const std::size_t regions = 12;
  std::vector<StringId> region_names;
  for (std::size_t region = 0; region < regions; ++region) {
    region_names.push_back(network.Intern(fmt::format("region-{}", region)));
  }
  for (std::size_t index = 0; index < site_count; ++index) {
    Site site;
    site.id = network.Intern(fmt::format("site-{}", index));
    const std::size_t region = index * regions / site_count;
    site.region = region_names[region];
    site.lat = 50.5 + 0.6 * static_cast<double>(region) + 0.5 * unit(random);
    site.lon = -4.5 + 0.5 * static_cast<double>(region % 6) + 0.8 * unit(random);
    site.kind = index % 5000 == 17 ? SiteKind::kMilitary
                : index % 9000 == 5 ? SiteKind::kNuclear
                : index % 400 == 0 ? SiteKind::kDatacenter
                : index % 40 == 0  ? SiteKind::kExchange
                                   : SiteKind::kCell;
    network.sites.push_back(site);
  }
  const auto kind = [&](const char* name) { return *network.FindKind(name); };
  const KindId gnb = kind("gnb");
  const KindId ru = kind("ru");
  const KindId du = kind("du");
  const KindId router = kind("router");
  const KindId olt = kind("olt");
  const KindId amf = kind("amf");
  const KindId upf = kind("upf");
  const KindId ems = kind("ems");
  const CertSetId nesas = network.InternCertSet({network.Intern("nesas")});
  network.elements.reserve(element_count);
  for (std::size_t index = 0; index < element_count; ++index) {
    Element element;
    element.id = network.Intern(fmt::format("e{}", index));
    const SiteIndex site = static_cast<SiteIndex>(index % site_count);
    element.site = site;
    const SiteKind site_kind = network.sites[site].kind;
    // RAN vendor by region band: Huawei holds a contiguous third of the regions.
    const std::size_t region = site * regions / site_count;
    const VendorIndex ran_vendor = region % 3 == 1 ? huawei : (region % 3 == 0 ? ericsson : nokia);
    if (site_kind == SiteKind::kDatacenter) {
      const double pick = unit(random);
      element.kind = pick < 0.4 ? amf : pick < 0.8 ? upf : ems;
      element.vendor = pick < 0.02 ? huawei : (pick < 0.5 ? ericsson : nokia);
      element.certifications = pick < 0.6 ? nesas : 0;
    } else if (site_kind == SiteKind::kExchange) {
      const double pick = unit(random);
      element.kind = pick < 0.8 ? router : olt;
      element.vendor = pick < 0.1 ? huawei : (pick < 0.5 ? cisco : juniper);
    } else {
      element.kind = index % 3 == 0 ? gnb : (index % 3 == 1 ? ru : du);
      element.vendor = ran_vendor;
    }
    element.domain = network.kinds[element.kind].domain;
    element.installed = 17000 + static_cast<Days>(index % 2500);  // 2016-07 .. 2023-05
    network.elements.push_back(element);
  }
  return network;
}

policy::Standard LoadBenchStandard() {
  auto loaded = policy::LoadStandard(DataPath("standards/gb.yaml"));
  if (!loaded.ok()) {
    fmt::print(stderr, "cannot load data/standards/gb.yaml\n");
    std::exit(3);
  }
  return std::move(loaded).value();
}

void Evaluate(benchmark::State& state, const Network& network, const policy::Standard& standard,
              const char* date) {
  policy::EvaluationOptions options;
  options.as_of = *ParseIsoDate(date);
  std::size_t findings = 0;
  for (auto _ : state) {
    policy::Evaluation evaluation = policy::Evaluate(standard, network, options);
    findings = evaluation.findings.size();
    benchmark::DoNotOptimize(evaluation);
  }
  state.counters["elements"] = static_cast<double>(network.elements.size());
  state.counters["rules"] = static_cast<double>(standard.rules.size());
  state.counters["findings"] = static_cast<double>(findings);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(network.elements.size()));
}

}  // namespace
}  // namespace redoubt

int main(int argc, char** argv) {
  std::size_t elements = 1'000'000;
  std::vector<char*> args;
  for (int index = 0; index < argc; ++index) {
    const std::string arg = argv[index];
    if (arg.starts_with("--elements=")) {
      elements = std::stoul(arg.substr(11));
    } else {
      args.push_back(argv[index]);
    }
  }
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());
  if (benchmark::ReportUnrecognizedArguments(count, args.data())) return 1;
  const redoubt::Network network = redoubt::BuildNetwork(elements);
  const redoubt::policy::Standard standard = redoubt::LoadBenchStandard();
  // 2024: the core, management, caps and sensitive sites bind (few findings).
  benchmark::RegisterBenchmark("BM_CheckGb2024", [&](benchmark::State& state) {
    redoubt::Evaluate(state, network, standard, "2024-01-01");
  })->Unit(benchmark::kMillisecond)->UseRealTime();
  // 2028: the 5G exit binds too, a finding for every Huawei element (~35% of all).
  benchmark::RegisterBenchmark("BM_CheckGb2028", [&](benchmark::State& state) {
    redoubt::Evaluate(state, network, standard, "2028-01-01");
  })->Unit(benchmark::kMillisecond)->UseRealTime();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
