// An --assign mapping applied to a small real topology (Abilene).
#include "fuzz_common.hpp"
#include "importers/importer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string> paths = {
      redoubt::fuzz::SourcePath("tests/data/topology-zoo/graphml/Abilene.graphml")};
  redoubt::importers::ImportOptions options;
  options.use_bundled_vendors = false;
  options.assign_path =
      redoubt::fuzz::WriteScratch("assign.yaml", redoubt::fuzz::AsText(data, size));
  (void)redoubt::importers::Import("graphml", paths, options);
  return 0;
}
