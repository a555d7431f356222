// `redoubt simulate --shard I/N` and `redoubt merge`: parts run apart and
// merged give the bytes of one run; parts that do not belong together, a
// missing or doubled shard, and an input changed since are refused.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "testing.hpp"

namespace redoubt {
namespace {

using testing::RunRedoubt;

const std::string kScenario = testing::SourcePath("data/scenarios/storm-then-blackout.yaml");

std::vector<std::string> Allies() {
  std::vector<std::string> paths;
  for (const char* code : {"us", "gb", "de", "ca", "lv"})
    paths.push_back(testing::SourcePath(fmt::format("data/samples/allies/{}.json", code)));
  return paths;
}

std::vector<std::string> Simulate(const std::vector<std::string>& inventories,
                                  std::vector<std::string> extra) {
  std::vector<std::string> args = {"simulate"};
  args.insert(args.end(), inventories.begin(), inventories.end());
  for (const char* arg : {"--scenario", kScenario.c_str(), "--trials", "10", "-q"})
    args.emplace_back(arg);
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

TEST(CliShard, ThreeUnevenPartsOfFiveNetworksMergeToTheSameBytes) {
  const std::string dir = testing::TempDir("shard-five");
  auto whole = RunRedoubt(Simulate(Allies(), {"--format", "json", "--threads", "1"}));
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  std::vector<std::string> merge = {"merge"};
  for (int shard = 3; shard >= 1; --shard) {  // 10 trials: 3, 3 and 4
    const std::string part = fmt::format("{}/part-{}.json", dir, shard);
    auto result = RunRedoubt(Simulate(Allies(), {"--shard", fmt::format("{}/3", shard), "-o",
                                                 part, "--threads", "2"}));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    merge.push_back(part);
  }
  // A real part is what schemas/resilience-part-1.schema.json describes
  // (python3-jsonschema, independent of the C++ writer).
  const std::string check = fmt::format(
      "/usr/bin/python3 -c 'import json,sys,jsonschema; "
      "jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))' "
      "'{}' '{}'",
      testing::SourcePath("schemas/resilience-part-1.schema.json"), merge.back());
  EXPECT_EQ(std::system(check.c_str()), 0) << "the part does not match its schema";
  auto merged = RunRedoubt(merge);
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_EQ(merged.out, whole.out);
}

TEST(CliShard, RefusesMissingDoubledForeignAndChangedParts) {
  const std::string dir = testing::TempDir("shard-refuse");
  const std::string inventory = dir + "/gb.json";
  std::filesystem::copy_file(testing::SourcePath("data/samples/allies/gb.json"), inventory);
  auto part = [&](const std::string& shard, const std::string& name,
                  std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--shard", shard, "-o", dir + "/" + name};
    args.insert(args.end(), extra.begin(), extra.end());
    auto result = RunRedoubt(Simulate({inventory}, args));
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return dir + "/" + name;
  };
  const std::string one = part("1/2", "one.json");
  const std::string two = part("2/2", "two.json");
  const std::string other = part("2/2", "other.json", {"--seed", "9"});

  auto missing = RunRedoubt({"merge", one});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find(one + ": error: shard 2/2 (trials 5..9) of this run is missing"),
            std::string::npos)
      << missing.err;
  auto doubled = RunRedoubt({"merge", one, two, two});
  EXPECT_EQ(doubled.exit_code, 2);
  EXPECT_NE(doubled.err.find("shard 2/2 is also in " + two), std::string::npos) << doubled.err;
  auto foreign = RunRedoubt({"merge", one, other});
  EXPECT_EQ(foreign.exit_code, 2);
  EXPECT_NE(foreign.err.find(other + ": error: this part is of another run than " + one),
            std::string::npos)
      << foreign.err;
  auto not_a_part = RunRedoubt({"merge", one, kScenario});
  EXPECT_EQ(not_a_part.exit_code, 2);
  EXPECT_NE(not_a_part.err.find(kScenario + ": error: this part is not valid JSON"),
            std::string::npos)
      << not_a_part.err;

  const std::string out = dir + "/merged.json";
  auto good = RunRedoubt({"merge", two, one, "-o", out});
  ASSERT_EQ(good.exit_code, 0) << good.err;
  EXPECT_TRUE(std::filesystem::exists(out));

  {
    std::ofstream append(inventory, std::ios::app);
    append << "\n";
  }
  auto changed = RunRedoubt({"merge", one, two, "-o", dir + "/after.json"});
  EXPECT_EQ(changed.exit_code, 2);
  EXPECT_NE(changed.err.find(inventory + ": error: this input changed since the parts were written"),
            std::string::npos)
      << changed.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/after.json"));
}

TEST(CliShard, BadShardOptions) {
  for (const char* shard : {"0/3", "4/3", "3", "a/b", "1/0"}) {
    auto result = RunRedoubt(Simulate({Allies()[1]}, {"--shard", shard, "-o", "/tmp/never.json"}));
    EXPECT_EQ(result.exit_code, 2) << shard;
    EXPECT_NE(result.err.find("must be I/N"), std::string::npos) << result.err;
  }
  auto no_output = RunRedoubt(Simulate({Allies()[1]}, {"--shard", "1/2"}));
  EXPECT_EQ(no_output.exit_code, 2);
  EXPECT_NE(no_output.err.find("give a scenario and -o part-I.json"), std::string::npos);
}

// A part names its inputs by content hash and merge reads them again, which a
// pipe cannot give: --shard refuses a FIFO before it reads from it.
TEST(CliShard, RefusesAnInventoryFromAPipe) {
  const std::string folder = testing::TempDir("shard-fifo");
  const std::string fifo = folder + "/gb.json";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string part = folder + "/part.json";
  auto result = RunRedoubt(Simulate({fifo}, {"--shard", "1/2", "-o", part}));
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find(fmt::format("--shard needs its inputs as files, and '{}' is a pipe or "
                                        "device \u2014 save it to a file first",
                                        fifo)),
            std::string::npos)
      << result.err;
  EXPECT_FALSE(std::filesystem::exists(part));
}

}  // namespace
}  // namespace redoubt
