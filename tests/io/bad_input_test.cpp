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

std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  for (const std::string& entry : testing::ListDirectory(kCorpus)) {
    if (entry.ends_with(".expected")) continue;
    names.push_back(entry);
  }
  return names;
}

std::string Stem(const std::string& name) {
  const auto dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

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
  Diagnostics diagnostics = loaded.diagnostics();
  diagnostics.Sort();
  std::string text;
  for (const Diagnostic& diagnostic : diagnostics.Items()) {
    std::string line = diagnostic.Format();
    // The corpus path may appear anywhere in a line ("... in PATH"), not
    // only at its start; the expectations hold it relative to the corpus.
    const std::string prefix = kCorpus + "/";
    for (auto at = line.find(prefix); at != std::string::npos; at = line.find(prefix, at)) {
      line.erase(at, prefix.size());
    }
    text += line + "\n";
  }
  text += loaded.ok() ? "result: ok\n" : "result: rejected\n";
  return text;
}

class BadInput : public ::testing::TestWithParam<std::string> {};

TEST_P(BadInput, ReportsExactlyTheExpectedDiagnostics) {
  const std::string name = GetParam();
  const std::string expected_path = kCorpus + "/" + Stem(name) + ".expected";
  const std::string actual = Actual(name);
  if (std::getenv("REDOUBT_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(expected_path) << actual;
  }
  ASSERT_TRUE(std::filesystem::exists(expected_path)) << "missing " << expected_path;
  EXPECT_EQ(actual, testing::ReadText(expected_path));
  // Every case must say something; all but the warnings-only case must reject.
  EXPECT_NE(actual.find(": error: ") == std::string::npos &&
                actual.find(": warning: ") == std::string::npos,
            true);
  if (name.find("warnings-only") == std::string::npos) {
    EXPECT_NE(actual.find("result: rejected"), std::string::npos);
  }
}

TEST(BadInputCorpus, HasAtLeastThirtyCases) { EXPECT_GE(CaseNames().size(), 30u); }

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, ::testing::ValuesIn(CaseNames()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                           std::string name = Stem(param_info.param);
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace redoubt
