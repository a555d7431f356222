// The bad-input corpus: every file (or folder of files) in tests/cases/bad-input
// must produce exactly the diagnostics listed in its .expected file — all of
// them, in order, with file:line:col, message and hint.
//
// To regenerate after a deliberate change of wording:
//   REDOUBT_UPDATE_GOLDEN=1 ctest -R BadInput   (then review the diff)
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "io/inventory_reader.hpp"
#include "testing.hpp"

namespace redoubt {
namespace {

const std::string kCorpus = testing::SourcePath("tests/cases/bad-input");

std::string Actual(const std::string& name) {
  const std::string path = kCorpus + "/" + name;
  std::vector<std::string> paths;
  if (std::filesystem::is_directory(path)) {
    for (const std::string& file : testing::ListDirectory(path)) paths.push_back(path + "/" + file);
  } else {
    paths.push_back(path);
  }
  InventoryOptions options;
  options.use_bundled_vendors = false;
  auto loaded = LoadInventories(paths, options);
  return testing::DiagnosticsText(loaded.diagnostics(), kCorpus, loaded.ok());
}

class BadInput : public ::testing::TestWithParam<std::string> {};

TEST_P(BadInput, ReportsExactlyTheExpectedDiagnostics) {
  const std::string name = GetParam();
  const std::string actual = Actual(name);
  testing::ExpectGolden(kCorpus + "/" + testing::CorpusStem(name) + ".expected", actual);
  // Every case must say something; all but the warnings-only case must reject.
  EXPECT_NE(actual.find(": error: ") == std::string::npos &&
                actual.find(": warning: ") == std::string::npos,
            true);
  if (name.find("warnings-only") == std::string::npos) {
    EXPECT_NE(actual.find("result: rejected"), std::string::npos);
  }
}

TEST(BadInputCorpus, HasAtLeastThirtyCases) {
  EXPECT_GE(testing::CorpusCases(kCorpus).size(), 30u);
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, ::testing::ValuesIn(testing::CorpusCases(kCorpus)),
                         testing::CorpusTestName);

}  // namespace
}  // namespace redoubt
