// A standard (rules, selectors, cases), read from memory.
#include "fuzz_common.hpp"
#include "policy/standard_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)redoubt::policy::LoadStandardSource(redoubt::SourceFile::FromString(
      "fuzz.yaml", std::string(redoubt::fuzz::AsText(data, size))));
  return 0;
}
