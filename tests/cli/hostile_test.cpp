// Hostile inputs and a hostile environment, run through the CLI: streams
// instead of files, costly references, and running out of memory.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "testing.hpp"

namespace redoubt {
namespace {

using testing::RunRedoubt;
const std::string kSample = testing::SourcePath("data/samples/sample-gb.yaml");

struct ShellResult {
  int exit_code = -1;
  std::string err;
};

// Runs `script` with bash (for <(...) and ulimit), stdout discarded, stderr kept.
ShellResult RunBash(const std::string& script) {
  const std::string dir = testing::TempDir("bash");
  const std::string err_path = dir + "/err";
  const std::string command = "bash -c " + testing::ShellQuote(script) + " </dev/null >/dev/null 2>" +
                              testing::ShellQuote(err_path);
  const int status = std::system(command.c_str());
  ShellResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = testing::ReadText(err_path);
  return result;
}

// `redoubt validate <(cat inv.yaml)` reads the pipe (it was "the file is empty").
TEST(Streams, AProcessSubstitutionIsReadLikeAFile) {
  const std::string binary = testing::ShellQuote(testing::RedoubtBinary());
  const std::string sample = testing::ShellQuote(kSample);
  const ShellResult ok = RunBash(binary + " validate <(cat " + sample + ")");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(ok.err, "");
  const ShellResult piped = RunBash("cat " + sample + " | " + binary + " validate /dev/stdin");
  EXPECT_EQ(piped.exit_code, 0) << piped.err;
  const ShellResult bad = RunBash(binary + " validate <(printf 'format: redoubt/inventory@1\\n"
                                           "network: {id: x, colour: red}\\n')");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find(":2:18: error: unknown key 'colour' in network"), std::string::npos)
      << bad.err;
}

TEST(Streams, AFifoWithNoWriterEndsInExitThreeAfterTheTimeout) {
  const std::string fifo = testing::TempDir("fifo-cli") + "/inventory.yaml";
  ASSERT_EQ(std::system(("mkfifo " + testing::ShellQuote(fifo)).c_str()), 0);
  const auto start = std::chrono::steady_clock::now();
  const ShellResult result = RunBash("REDOUBT_READ_TIMEOUT=1 " +
                                     testing::ShellQuote(testing::RedoubtBinary()) +
                                     " validate " + testing::ShellQuote(fifo));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("nothing was written to this pipe or FIFO for 1 s"), std::string::npos)
      << result.err;
  EXPECT_LT(seconds, 20.0);
}

// A 1 MB unknown site reference took 8-27 s in the did-you-mean search.
TEST(Cost, ALongUnknownReferenceIsReportedAtOnceWithoutASuggestion) {
  const std::string path = testing::TempDir("long-reference") + "/inventory.json";
  {
    std::ofstream out(path);
    out << R"({"format": "redoubt/inventory@1", "network": {"id": "x", "country": "GB"}, "sites": [)";
    for (int i = 0; i < 2000; ++i) {
      out << (i == 0 ? "" : ",") << R"({"id": "site-)" << i
          << R"(", "kind": "cell", "lat": 51.0, "lon": 0.1})";
    }
    out << R"(], "elements": [{"id": "e1", "kind": "gnb", "vendor": "nokia", "site": "s)"
        << std::string(1 << 20, 'q') << R"("}]})";
  }
  const auto start = std::chrono::steady_clock::now();
  const auto result = RunRedoubt({"validate", path});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("error: element 'e1' refers to unknown site 'sqqq"), std::string::npos);
  EXPECT_EQ(result.err.find("did you mean"), std::string::npos);
  EXPECT_NE(result.err.find("1 error, 0 warnings"), std::string::npos) << result.err.size();
  EXPECT_LT(seconds, 10.0);
}

}  // namespace
}  // namespace redoubt
