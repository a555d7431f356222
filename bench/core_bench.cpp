// Micro-benchmarks of the hot paths of loading: interning ids and parsing.
#include <string>

#include <benchmark/benchmark.h>

#include "core/string_pool.hpp"
#include "io/inventory_reader.hpp"

namespace redoubt {
namespace {

void BM_InternNew(benchmark::State& state) {
  const auto count = static_cast<int>(state.range(0));
  std::vector<std::string> ids;
  for (int index = 0; index < count; ++index) ids.push_back("element-" + std::to_string(index));
  for (auto _ : state) {
    StringPool pool;
    pool.Reserve(ids.size());
    for (const std::string& id : ids) benchmark::DoNotOptimize(pool.Intern(id));
  }
  state.SetItemsProcessed(state.iterations() * count);
}
BENCHMARK(BM_InternNew)->Arg(1 << 16)->Arg(1 << 20);

void BM_LoadInventory(benchmark::State& state) {
  const auto count = static_cast<int>(state.range(0));
  std::string text = "{\"format\": \"redoubt/inventory@1\", \"network\": {\"id\": \"b\"},"
                     " \"vendors\": [{\"id\": \"v\"}], \"elements\": [";
  for (int index = 0; index < count; ++index) {
    text += (index ? "," : "") + std::string("{\"id\": \"e") + std::to_string(index) +
            "\", \"kind\": \"router\", \"vendor\": \"v\"}";
  }
  text += "], \"links\": [";
  for (int index = 1; index < count; ++index) {
    text += (index > 1 ? "," : "") + std::string("{\"a\": \"e") + std::to_string(index - 1) +
            "\", \"b\": \"e" + std::to_string(index) + "\"}";
  }
  text += "]}";
  InventoryOptions options;
  options.use_bundled_vendors = false;
  for (auto _ : state) {
    std::vector<SourceFile> sources;
    sources.push_back(SourceFile::FromString("bench.json", text));
    auto loaded = LoadInventorySources(std::move(sources), options);
    if (!loaded.ok()) state.SkipWithError("load failed");
  }
  state.SetItemsProcessed(state.iterations() * count);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_LoadInventory)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace redoubt
