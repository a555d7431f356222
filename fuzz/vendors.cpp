// A vendor register (redoubt/vendors@1), read from memory.
#include "core/string_pool.hpp"
#include "fuzz_common.hpp"
#include "io/vendor_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  redoubt::StringPool pool;
  (void)redoubt::LoadVendorRegister(redoubt::SourceFile::FromString(
                                        "fuzz.yaml", std::string(redoubt::fuzz::AsText(data, size))),
                                    pool);
  return 0;
}
