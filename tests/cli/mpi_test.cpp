// `mpirun -np N redoubt simulate` (Open MPI): the trials shared over the ranks
// give the bytes of one process, with uneven shards; a rank that dies fails
// the job and leaves no output. Runs as root in CI, hence --allow-run-as-root;
// --oversubscribe lets 3 ranks run on 2 cores.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>

#include "testing.hpp"

namespace redoubt {
namespace {

using testing::RunRedoubt;

const std::string kInventory = testing::SourcePath("data/samples/allies/gb.json");
const std::string kScenario = testing::SourcePath("data/scenarios/vendor-kill-switch.yaml");

// Runs `command` with Open MPI's launcher; its exit status.
int Mpirun(int ranks, const std::string& command) {
  // LeakSanitizer flags Open MPI's own allocations at exit; leaks are checked
  // by every other test.
  const std::string line = fmt::format(
      "ASAN_OPTIONS=detect_leaks=0 mpirun --allow-run-as-root --oversubscribe -np {} {} "
      ">/dev/null 2>&1",
      ranks, command);
  const int status = std::system(line.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

TEST(CliMpi, TwoAndThreeRanksGiveTheBytesOfOneThread) {
  auto local = RunRedoubt({"simulate", kInventory, "--scenario", kScenario, "--trials", "25",
                           "--threads", "1", "--format", "json"});
  ASSERT_EQ(local.exit_code, 0) << local.err;
  const std::string dir = testing::TempDir("mpi");
  for (int ranks : {2, 3}) {  // 25 trials over 3 ranks: 8, 8 and 9
    const std::string out = fmt::format("{}/np{}.json", dir, ranks);
    ASSERT_EQ(Mpirun(ranks, fmt::format("'{}' simulate '{}' --scenario '{}' --trials 25 "
                                        "--threads 1 --format json -o '{}'",
                                        REDOUBT_BINARY, kInventory, kScenario, out)),
              0)
        << ranks << " ranks";
    EXPECT_EQ(testing::ReadText(out), local.out) << ranks << " ranks";
  }
}

TEST(CliMpi, ARankThatDiesFailsTheJobAndLeavesNoOutput) {
  const std::string dir = testing::TempDir("mpi-dies");
  const std::string out = dir + "/never.json";
  // Rank 1 is killed before it reaches MPI; rank 0 must not write anything.
  const std::string command = fmt::format(
      "sh -c 'if [ \"$OMPI_COMM_WORLD_RANK\" = 1 ]; then kill -KILL $$; fi; exec \"$0\" \"$@\"' "
      "'{}' simulate '{}' --scenario '{}' --trials 25 --format json -o '{}'",
      REDOUBT_BINARY, kInventory, kScenario, out);
  EXPECT_NE(Mpirun(2, command), 0);
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(CliMpi, ShardAndMpirunTogetherAreRefused) {
  const std::string dir = testing::TempDir("mpi-shard");
  EXPECT_EQ(Mpirun(2, fmt::format("'{}' simulate '{}' --scenario '{}' --shard 1/2 -o '{}/p.json'",
                                  REDOUBT_BINARY, kInventory, kScenario, dir)),
            2);
}

}  // namespace
}  // namespace redoubt
