// The redoubt command line: one subcommand per file in src/cli, registered in
// common.cpp. main() only parses, dispatches and maps failures to exit codes.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <new>
#include <string_view>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/common.hpp"
#include "core/error.hpp"

namespace {

constexpr const char* kExitCodes =
    "Exit codes:\n"
    "  0  success\n"
    "  1  the input is valid but findings at or above --fail-on were reported\n"
    "  2  bad input or bad usage (every problem is listed as file:line:col)\n"
    "  3  internal or environment error (a file could not be written, out of memory)\n"
    "  130 interrupted (Ctrl-C); partial results are marked partial";

// A standard stream started closed (`redoubt info x >&-`) is held open on
// /dev/null read-only, so that no file the program opens later takes its
// number (and receives the results), and every write to it fails with EBADF,
// which is then reported.
void HoldClosedStandardStreams() {
  for (const int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    const int held = ::open("/dev/null", O_RDONLY);
    if (held >= 0 && held != fd) {
      ::dup2(held, fd);
      ::close(held);
    }
  }
}

// A failed allocation ends the run at once: "out of memory" and exit 3.
// Unwinding a std::bad_alloc is not safe in this program: Abseil's hash tables
// (Debian 12's 20220623) record their new capacity before allocating, so a
// rehash that fails leaves a table whose destructor reads and frees memory it
// does not own (glibc aborts with "double free or corruption"). Nothing is
// renamed into place on this path, so no half-written output is left under its
// final name. The handler allocates nothing. When two threads run out at once
// (a large JSON file is parsed on two), the first says so and ends the process;
// the others wait for that, so the message comes once.
[[noreturn]] void OutOfMemory() {
  static std::atomic_flag reported = ATOMIC_FLAG_INIT;
  if (reported.test_and_set()) {
    for (;;) ::pause();
  }
  constexpr std::string_view kMessage = "redoubt: error: out of memory\n";
  [[maybe_unused]] const auto written = ::write(STDERR_FILENO, kMessage.data(), kMessage.size());
  ::_exit(redoubt::kExitInternal);
}

// Results written through std::cout but not yet out (or lost to a full or
// closed stdout) fail the run: exit 3 with a message, never 0.
int CheckStandardOutput(int code) {
  errno = 0;
  std::cout.flush();
  if (std::cout) return code;
  std::cerr << "redoubt: error: standard output: write failed: "
            << std::strerror(errno != 0 ? errno : EIO) << '\n';
  return redoubt::kExitInternal;
}

}  // namespace

int main(int argc, char** argv) {
  std::set_new_handler(OutOfMemory);
  HoldClosedStandardStreams();
  CLI::App app{
      "redoubt — telecom supply-chain security: minimum standards, exposure of critical "
      "services, resilience, and what it means between allies"};
  app.set_version_flag("--version", std::string("redoubt ") + REDOUBT_VERSION);
  app.require_subcommand(1);
  app.footer(kExitCodes);
  std::string data_dir;
  app.add_option("--data", data_dir, "Folder of bundled data (default: $REDOUBT_DATA or built-in)")
      ->check(CLI::ExistingDirectory);

  redoubt::cli::CommandRunner runner;
  for (const redoubt::cli::CommandSpec& spec : redoubt::cli::Commands()) {
    CLI::App* command = app.add_subcommand(spec.name, spec.summary);
    auto run = spec.setup(*command);
    command->callback([&runner, run] { runner = run; });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? redoubt::kExitOk : redoubt::kExitBadInput;
  }
  if (!data_dir.empty()) setenv("REDOUBT_DATA", data_dir.c_str(), 1);
  try {
    return CheckStandardOutput(runner());
  } catch (const redoubt::Error& error) {
    std::cerr << "redoubt: error: " << error.what() << '\n';
    return error.exit_code();
  } catch (const std::bad_alloc&) {
    OutOfMemory();  // a std::bad_alloc thrown rather than a failed new: the same end
  } catch (const std::exception& error) {
    std::cerr << "redoubt: internal error: " << error.what() << '\n';
    return redoubt::kExitInternal;
  }
}
