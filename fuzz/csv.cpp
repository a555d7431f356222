// import csv on a folder of tables: the input is the four tables in the order
// sites, elements, links, services, separated by lines holding only "%%".
#include <filesystem>

#include "fuzz_common.hpp"
#include "importers/importer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* const kTables[] = {"sites.csv", "elements.csv", "links.csv", "services.csv"};
  const std::string folder = redoubt::fuzz::ScratchPath("csv");
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  std::string_view rest = redoubt::fuzz::AsText(data, size);
  for (const char* table : kTables) {
    const std::size_t end = rest.find("\n%%\n");
    std::ofstream(folder + "/" + table, std::ios::binary) << rest.substr(0, end);
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 4);
  }
  const std::vector<std::string> paths = {folder};
  redoubt::importers::ImportOptions options;
  options.use_bundled_vendors = false;
  (void)redoubt::importers::Import("csv", paths, options);
  return 0;
}
