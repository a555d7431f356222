// import opencellid on one file.
#include "fuzz_common.hpp"
#include "importers/importer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string> paths = {
      redoubt::fuzz::WriteScratch("input.csv", redoubt::fuzz::AsText(data, size))};
  redoubt::importers::ImportOptions options;
  options.use_bundled_vendors = false;
  (void)redoubt::importers::Import("opencellid", paths, options);
  return 0;
}
