// The bad-standard corpus: every file (or folder, whose main.yaml is loaded)
// in tests/cases/bad-standard must produce exactly the diagnostics in its
// .expected file — all of them, in order, with file:line:col, message and hint.
//
// To regenerate after a deliberate change of wording:
//   REDOUBT_UPDATE_GOLDEN=1 ctest -R BadStandard   (then review the diff)
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "policy/standard_reader.hpp"
#include "testing.hpp"

namespace redoubt {
namespace {

const std::string kCorpus = testing::SourcePath("tests/cases/bad-standard");

std::string Actual(const std::string& name) {
  std::string path = kCorpus + "/" + name;
  if (std::filesystem::is_directory(path)) path += "/main.yaml";
  auto loaded = policy::LoadStandard(path);
  return testing::DiagnosticsText(loaded.diagnostics(), kCorpus, loaded.ok());
}

class BadStandard : public ::testing::TestWithParam<std::string> {};

TEST_P(BadStandard, ReportsExactlyTheExpectedDiagnostics) {
  const std::string name = GetParam();
  const std::string actual = Actual(name);
  testing::ExpectGolden(kCorpus + "/" + testing::CorpusStem(name) + ".expected", actual);
  // Every case is rejected with at least one located error, except the one
  // that shows a warning on an otherwise valid standard.
  if (name.find("warning") != std::string::npos) {
    EXPECT_NE(actual.find(": warning: "), std::string::npos);
    EXPECT_NE(actual.find("result: ok"), std::string::npos);
  } else {
    EXPECT_NE(actual.find(": error: "), std::string::npos);
    EXPECT_NE(actual.find("result: rejected"), std::string::npos);
  }
}

TEST(BadStandardCorpus, HasAtLeastTwentyCases) { EXPECT_GE(testing::CorpusCases(kCorpus).size(), 20u); }

INSTANTIATE_TEST_SUITE_P(Corpus, BadStandard, ::testing::ValuesIn(testing::CorpusCases(kCorpus)),
                         testing::CorpusTestName);

}  // namespace
}  // namespace redoubt
