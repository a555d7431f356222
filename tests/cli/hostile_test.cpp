// Hostile inputs and a hostile environment, run through the CLI: streams
// instead of files, costly references, and running out of memory.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

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
  // The megabyte value is not echoed back: its start and end, and how much is left out.
  EXPECT_NE(result.err.find("bytes left out]"), std::string::npos);
  EXPECT_LT(result.err.size(), 2000u);
  EXPECT_LT(seconds, 10.0);
}

// ---------------------------------------------------------------- signals ----

// SIGINT killed assess outright, with no message. It now stops, says so,
// exits 130 and writes nothing: the earlier set in DIR stays as it was, and
// no temporary file or folder is left beside it.
TEST(Signals, InterruptedAssessSaysSoWritesNothingAndLeavesTheEarlierSet) {
  const std::string parent = testing::TempDir("assess-interrupt");
  const std::string out = parent + "/out";
  std::filesystem::create_directories(out);
  std::ofstream(out + "/assessment.json") << "earlier";
  std::ofstream(out + "/report.html") << "earlier";
  std::ofstream(out + "/sites.geojson") << "earlier";
  const std::string binary = testing::ShellQuote(testing::RedoubtBinary());
  const std::string err = testing::TempDir("assess-interrupt-err") + "/err";
  bool checked = false;
  // As in simulate's test: a signal sent before the handler is set kills the
  // process (exit 130 from the shell, no message); only then is it sent later.
  for (int delay_ms = 1000; delay_ms <= 16000 && !checked; delay_ms *= 2) {
    ShellResult result = RunBash(
        "set -m; " + binary + " assess -q --trials 1000000 --scenario " +
        testing::ShellQuote(testing::SourcePath("data/scenarios/random-faults.yaml")) + " -o " +
        testing::ShellQuote(out) + " 2>" + testing::ShellQuote(err) + " & child=$!; sleep " +
        std::to_string(delay_ms / 1000.0) + "; kill -INT $child; wait $child 2>/dev/null");
    result.err = testing::ReadText(err);
    ASSERT_EQ(result.exit_code, 130) << result.err;
    if (result.err.empty()) continue;  // killed before the handler was installed
    EXPECT_EQ(result.err, "redoubt assess: interrupted; nothing written, and " + out +
                              " is as it was \u2014 run it again to completion\n");
    checked = true;
  }
  ASSERT_TRUE(checked) << "never interrupted a running assessment";
  EXPECT_EQ(testing::ListDirectory(parent), std::vector<std::string>{"out"});
  EXPECT_EQ(testing::ListDirectory(out),
            (std::vector<std::string>{"assessment.json", "report.html", "sites.geojson"}));
  EXPECT_EQ(testing::ReadText(out + "/report.html"), "earlier");
}

// ---------------------------------------------------------------- memory ----

// The sanitizers reserve terabytes of address space at start-up, so a
// sanitized redoubt cannot run under `ulimit -v` at all. These tests then run
// in CI against the Release binary: `make oom-test` (.ci/run) builds it and
// points REDOUBT_TEST_BINARY at it.
bool BinaryIsSanitized() {
#if defined(__SANITIZE_ADDRESS__)
  return !testing::TestsAnotherBinary();
#else
  return false;
#endif
}

constexpr int kLimitKiB = 131072;  // 128 MiB of address space

// Runs `arguments` (already quoted) under `ulimit -v limit`.
ShellResult RunLimited(int limit_kib, const std::string& arguments) {
  return RunBash("ulimit -v " + std::to_string(limit_kib) + " && exec " +
                 testing::ShellQuote(testing::RedoubtBinary()) + " " + arguments);
}

class OutOfMemory : public ::testing::Test {
 protected:
  void SetUp() override {
    if (BinaryIsSanitized()) {
      GTEST_SKIP() << "a sanitized binary cannot start under ulimit -v (ASan reserves its shadow "
                      "memory up front); make oom-test runs this against the Release build";
    }
    dir_ = testing::TempDir("oom");
    inventory_ = dir_ + "/big.json";
    // About 42,000 elements, 16 MB: needs ~80 MB resident and more address space.
    const auto generated = RunRedoubt({"generate", "--sites", "20000", "-o", inventory_});
    ASSERT_EQ(generated.exit_code, 0) << generated.err;
  }
  std::string dir_;
  std::string inventory_;
};

// The limit must not stop redoubt from starting: a small file is read under it.
TEST_F(OutOfMemory, TheLimitLeavesRoomForASmallInventory) {
  const ShellResult result = RunLimited(kLimitKiB, "validate " + testing::ShellQuote(kSample));
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

// It aborted with "double free or corruption" (a hash table unwound by
// std::bad_alloc), or said "invalid JSON: error allocating memory" (rc 2).
TEST_F(OutOfMemory, ValidateEndsInExitThreeWithOutOfMemoryAtEveryLimit) {
  int exhausted = 0;
  for (const int limit : {kLimitKiB, 147456, 163840, 180224, 196608, 262144}) {
    const ShellResult result = RunLimited(limit, "validate " + testing::ShellQuote(inventory_));
    if (result.exit_code == 0) continue;  // enough memory at this limit
    ++exhausted;
    EXPECT_EQ(result.exit_code, 3) << "ulimit -v " << limit << ": " << result.err;
    EXPECT_EQ(result.err, "redoubt: error: out of memory\n") << "ulimit -v " << limit;
  }
  EXPECT_GE(exhausted, 1);  // the smallest limit is too small for this file
  const auto unlimited = RunRedoubt({"validate", inventory_});
  EXPECT_EQ(unlimited.exit_code, 0) << unlimited.err;
}

TEST_F(OutOfMemory, AssessEndsInExitThreeWithOutOfMemoryAndWritesNothing) {
  const std::string alliance = dir_ + "/alliance.yaml";
  std::ofstream(alliance) << "format: redoubt/alliance@1\nid: oom\ntitle: out of memory\n"
                          << "baseline: " << testing::SourcePath("data/standards/nato-baseline.yaml")
                          << "\nlevels: [unclassified, secret]\nmembers:\n"
                          << "  - {code: GB, name: United Kingdom, standard: "
                          << testing::SourcePath("data/standards/gb.yaml") << ", networks: ["
                          << inventory_ << "]}\n"
                          << "sharing:\n  - {level: secret, require: {no_untrusted_in: [core]}}\n";
  for (const int limit : {kLimitKiB, 163840}) {
    const std::string out = dir_ + "/out-" + std::to_string(limit);
    const ShellResult result =
        RunLimited(limit, "assess -q --trials 1 --threads 1 " + testing::ShellQuote(alliance) +
                              " -o " + testing::ShellQuote(out));
    EXPECT_EQ(result.exit_code, 3) << "ulimit -v " << limit << ": " << result.err;
    EXPECT_EQ(result.err, "redoubt: error: out of memory\n") << "ulimit -v " << limit;
    EXPECT_FALSE(std::filesystem::exists(out + "/assessment.json"));
  }
}

}  // namespace
}  // namespace redoubt
