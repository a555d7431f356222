// `mpirun -np N redoubt simulate` (Open MPI): the trials shared over the ranks
// give the bytes of one process, with uneven shards; a rank that dies fails
// the job and leaves no output; SIGUSR1 to mpirun (and Ctrl-C, given a grace
// period) stops the ranks with a partial result. Runs as root in CI, hence --allow-run-as-root;
// --oversubscribe lets 3 ranks run on 2 cores.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

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

// Sends `signal` to mpirun once the ranks are under way and returns mpirun's
// exit code, the partial document being checked here. A signal that lands
// before the ranks have set their handlers kills them (no output): only then,
// or when no trial was done yet, is it tried again, later.
int StopMpirun(int signal, const std::vector<std::string>& mpirun_options, const std::string& out) {
  std::vector<std::string> argv = {"mpirun", "--allow-run-as-root", "--oversubscribe"};
  argv.insert(argv.end(), mpirun_options.begin(), mpirun_options.end());
  for (const std::string& arg :
       {std::string("-np"), std::string("2"), std::string(REDOUBT_BINARY), std::string("simulate"),
        kInventory, std::string("--scenario"), kScenario, std::string("--trials"),
        std::string("100000000"), std::string("--format"), std::string("json"), std::string("-o"),
        out}) {
    argv.push_back(arg);
  }
  for (int delay_ms = 2000; delay_ms <= 32000; delay_ms *= 2) {
    std::filesystem::remove(out);
    const int status = testing::SignalAfter(argv, {{"ASAN_OPTIONS", "detect_leaks=0"}}, signal,
                                            std::chrono::milliseconds(delay_ms));
    if (!WIFEXITED(status)) {
      ADD_FAILURE() << "mpirun itself died of signal " << WTERMSIG(status);
      return -1;
    }
    if (!std::filesystem::exists(out)) continue;  // the ranks died before their handlers
    const auto document = nlohmann::json::parse(testing::ReadText(out));
    EXPECT_EQ(document["partial"], true);
    EXPECT_EQ(document["trials"], 100000000);
    EXPECT_LT(document["trials_completed"].get<int>(), 100000000);
    if (document["trials_completed"].get<int>() == 0) continue;
    return WEXITSTATUS(status);
  }
  ADD_FAILURE() << "never stopped a distributed run with trials completed";
  return -1;
}

TEST(CliMpi, Sigusr1ToMpirunStopsEveryRankWithAPartialResultAndExit130) {
  const std::string dir = testing::TempDir("mpi-usr1");
  EXPECT_EQ(StopMpirun(SIGUSR1, {}, dir + "/partial.json"), 130);
}

TEST(CliMpi, CtrlCWithAGracePeriodWritesThePartialResult) {
  // mpirun passes SIGINT on as SIGTERM and exits 1; the grace period keeps it
  // from killing the ranks before rank 0 has written (mpirun waits it out,
  // about twice, so it is kept short here).
  const std::string dir = testing::TempDir("mpi-int");
  EXPECT_EQ(StopMpirun(SIGINT, {"--mca", "odls_base_sigkill_timeout", "5"}, dir + "/partial.json"),
            1);
}

}  // namespace
}  // namespace redoubt
