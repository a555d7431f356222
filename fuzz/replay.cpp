// Replays the inputs that once crashed or hung a harness (fuzz/regressions/HARNESS/)
// through that harness, without libFuzzer, so that the test build (GCC, ASan,
// UBSan) proves every fix still holds. An input that crashes again aborts under
// the sanitizers; one that hangs again is stopped by CTest's timeout.
//   fuzz_replay fuzz/regressions
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#define X(harness) \
  extern "C" int RedoubtFuzz_##harness(const std::uint8_t* data, std::size_t size);
REDOUBT_FUZZ_TABLE
#undef X

namespace {

using Harness = int (*)(const std::uint8_t*, std::size_t);

const std::map<std::string, Harness>& Harnesses() {
#define X(harness) {#harness, &RedoubtFuzz_##harness},
  static const std::map<std::string, Harness> harnesses = {REDOUBT_FUZZ_TABLE};
#undef X
  return harnesses;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_replay REGRESSIONS_DIR\n");
    return 2;
  }
  namespace fs = std::filesystem;
  std::vector<fs::path> folders;
  for (const fs::directory_entry& entry : fs::directory_iterator(argv[1])) {
    if (entry.is_directory()) folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  int replayed = 0;
  for (const fs::path& folder : folders) {
    const auto found = Harnesses().find(folder.filename().string());
    if (found == Harnesses().end()) {
      std::fprintf(stderr, "%s: no harness of that name (fuzz/CMakeLists.txt lists them)\n",
                   folder.c_str());
      return 1;
    }
    std::vector<fs::path> inputs;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
      if (entry.is_regular_file()) inputs.push_back(entry.path());
    }
    std::sort(inputs.begin(), inputs.end());
    for (const fs::path& input : inputs) {
      std::ifstream in(input, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      std::printf("%s: %s\n", found->first.c_str(), input.filename().c_str());
      std::fflush(stdout);
      found->second(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      ++replayed;
    }
  }
  std::printf("replayed %d inputs\n", replayed);
  return replayed > 0 ? 0 : 1;
}
