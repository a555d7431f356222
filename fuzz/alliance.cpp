// An alliance file, read from memory (the members' files are not loaded).
#include "alliance/alliance_reader.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)redoubt::alliance::ReadAllianceSource(redoubt::SourceFile::FromString(
      redoubt::fuzz::SourcePath("data/samples/allies/fuzz.yaml"),
      std::string(redoubt::fuzz::AsText(data, size))));
  return 0;
}
