// A what-if change file against the bundled alliance.
#include "alliance/alliance_reader.hpp"
#include "alliance/what_if.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto spec =
      redoubt::alliance::ReadAlliance(redoubt::fuzz::SourcePath("data/samples/allies/alliance.yaml"));
  if (!spec.ok()) __builtin_trap();
  const std::string path =
      redoubt::fuzz::WriteScratch("changes.yaml", redoubt::fuzz::AsText(data, size));
  (void)redoubt::alliance::ReadChanges(path, spec.value());
  return 0;
}
