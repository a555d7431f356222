// A scenario (hazards, recovery), read from memory.
#include "fuzz_common.hpp"
#include "sim/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)redoubt::ReadScenario(redoubt::SourceFile::FromString(
      "fuzz.yaml", std::string(redoubt::fuzz::AsText(data, size))));
  return 0;
}
