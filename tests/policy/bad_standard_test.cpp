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

std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  for (const std::string& entry : testing::ListDirectory(kCorpus)) {
    if (!entry.ends_with(".expected")) names.push_back(entry);
  }
  return names;
}

std::string Stem(const std::string& name) {
  const auto dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

std::string Relative(std::string line) {
  const std::string prefix = kCorpus + "/";
  for (auto at = line.find(prefix); at != std::string::npos; at = line.find(prefix)) {
    line.erase(at, prefix.size());
  }
  return line;
}

std::string Actual(const std::string& name) {
  std::string path = kCorpus + "/" + name;
  if (std::filesystem::is_directory(path)) path += "/main.yaml";
  auto loaded = policy::LoadStandard(path);
  Diagnostics diagnostics = loaded.diagnostics();
  diagnostics.Sort();
  std::string text;
  for (const Diagnostic& diagnostic : diagnostics.Items()) text += Relative(diagnostic.Format()) + "\n";
  text += loaded.ok() ? "result: ok\n" : "result: rejected\n";
  return text;
}

class BadStandard : public ::testing::TestWithParam<std::string> {};

TEST_P(BadStandard, ReportsExactlyTheExpectedDiagnostics) {
  const std::string name = GetParam();
  const std::string expected_path = kCorpus + "/" + Stem(name) + ".expected";
  const std::string actual = Actual(name);
  if (std::getenv("REDOUBT_UPDATE_GOLDEN") != nullptr) std::ofstream(expected_path) << actual;
  ASSERT_TRUE(std::filesystem::exists(expected_path)) << "missing " << expected_path;
  EXPECT_EQ(actual, testing::ReadText(expected_path));
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

TEST(BadStandardCorpus, HasAtLeastTwentyCases) { EXPECT_GE(CaseNames().size(), 20u); }

INSTANTIATE_TEST_SUITE_P(Corpus, BadStandard, ::testing::ValuesIn(CaseNames()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                           std::string name = Stem(param_info.param);
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace redoubt
