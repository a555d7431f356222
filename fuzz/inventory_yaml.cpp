// The inventory reader on YAML (yaml-cpp).
#include "fuzz_common.hpp"
#include "io/inventory_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<redoubt::SourceFile> sources;
  sources.push_back(redoubt::SourceFile::FromString(
      "fuzz.yaml", std::string(redoubt::fuzz::AsText(data, size))));
  redoubt::InventoryOptions options;
  options.use_bundled_vendors = false;
  (void)redoubt::LoadInventorySources(std::move(sources), options);
  return 0;
}
