// The inventory reader on JSON (simdjson, streamed), and the direct reading of
// well-formed records against the general reader: both must report the same
// diagnostics in the same order (io/direct_records.hpp), or the harness traps.
#include "fuzz_common.hpp"
#include "io/inventory_reader.hpp"

namespace {

std::string Load(std::string_view text, bool direct) {
  std::vector<redoubt::SourceFile> sources;
  sources.push_back(redoubt::SourceFile::FromString("fuzz.json", std::string(text)));
  redoubt::InventoryOptions options;
  options.use_bundled_vendors = false;
  options.direct_json_records = direct;
  const auto loaded = redoubt::LoadInventorySources(std::move(sources), options);
  std::string diagnostics = loaded.ok() ? "ok\n" : "rejected\n";
  for (const redoubt::Diagnostic& diagnostic : loaded.diagnostics().Items()) {
    diagnostics += diagnostic.Format() + "\n";
  }
  return diagnostics;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = redoubt::fuzz::AsText(data, size);
  if (Load(text, true) != Load(text, false)) __builtin_trap();
  return 0;
}
