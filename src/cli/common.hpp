// What every subcommand shares: loading inventories with diagnostics printed,
// output formats, and the registry that main() builds the command line from.
#pragma once

#include <atomic>
#include <functional>
#include <iosfwd>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/diagnostics.hpp"
#include "core/output_file.hpp"
#include "io/inventory_reader.hpp"
#include "model/network.hpp"

namespace redoubt::cli {

// The one piece of global mutable state in redoubt: a signal handler can
// reach nothing else. Set by SIGINT while a run is in progress, polled by the
// workers between trials; reset before each run (simulate, assess).
extern std::atomic<bool> g_interrupted;

// Installs the handlers for the lifetime of a run: SIGINT (Ctrl-C); SIGUSR1,
// which Open MPI's launcher forwards to every rank without killing them and a
// batch scheduler can send before a time limit (Slurm's --signal=USR1@60);
// and under mpirun SIGTERM, which is how the launcher passes a Ctrl-C on to
// the ranks. A second signal ends the process at once.
class InterruptScope {
 public:
  explicit InterruptScope(bool distributed);
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

 private:
  bool distributed_ = false;
  void (*previous_)(int) = nullptr;
  void (*previous_usr1_)(int) = nullptr;
  void (*previous_term_)(int) = nullptr;
};

enum class OutputFormat { kText, kJson };

// Options every command that reads inventories accepts.
struct InputOptions {
  std::vector<std::string> vendor_registers;
  bool no_bundled_vendors = false;
  bool no_warnings = false;
  int threads = 0;  // 0: all cores

  void AddTo(CLI::App& command);
  [[nodiscard]] InventoryOptions ToInventoryOptions() const;
};

void AddFormatOption(CLI::App& command, OutputFormat& format);

// Prints diagnostics to stderr, sorted, then a count line when there are any.
void PrintDiagnostics(const Diagnostics& diagnostics, std::ostream& out);

// Loads inventories, prints their diagnostics; nullopt on errors.
std::optional<std::vector<Network>> LoadNetworks(const std::vector<std::string>& paths,
                                                 const InputOptions& options);

// Points `stream` at `target`'s buffer while it lives (e.g. std::cerr at a
// NullStream on the MPI ranks that must stay quiet).
class StreamRedirect {
 public:
  StreamRedirect(std::ostream& stream, std::ostream& target)
      : stream_(stream), saved_(stream.rdbuf(target.rdbuf())) {}
  ~StreamRedirect() {
    stream_.rdbuf(saved_);
    stream_.clear();
  }
  StreamRedirect(const StreamRedirect&) = delete;
  StreamRedirect& operator=(const StreamRedirect&) = delete;

 private:
  std::ostream& stream_;
  std::streambuf* saved_;
};

// An output stream that drops everything written to it.
class NullStream : public std::ostream {
 public:
  NullStream() : std::ostream(&buffer_) {}

 private:
  class Buffer : public std::streambuf {
   protected:
    int overflow(int c) override { return traits_type::not_eof(c); }
  };
  Buffer buffer_;
};

// Checks a --seed value: a whole number from 0 to 2^64-1, written in decimal
// digits only, so that "-1" is refused instead of wrapping to 2^64-1.
[[nodiscard]] CLI::Validator SeedValidator();

// Writes `content` to `path` atomically, or to stdout for "-" or empty.
void WriteOutput(const std::string& path, const std::string& content);
// A result document as text, with a final newline. Text that entered through
// a flag or a file name and is not UTF-8 is written as U+FFFD rather than
// ending the run in an internal error (inputs are checked when read).
[[nodiscard]] std::string JsonText(const nlohmann::ordered_json& document, int indent = 2);

// The same bytes, streamed into `out` in pieces of about 1 MiB, so that a
// large document is never held as one string beside its tree.
void WriteJsonText(OutputFile& out, const nlohmann::ordered_json& document, int indent = 2);

// A subcommand: registers its options on `command` and returns what runs it.
using CommandRunner = std::function<int()>;
using CommandSetup = std::function<CommandRunner(CLI::App& command)>;
struct CommandSpec {
  const char* name;
  const char* summary;
  CommandSetup setup;
};

// One line per command, in the order `redoubt --help` lists them.
const std::vector<CommandSpec>& Commands();

CommandRunner SetupAssess(CLI::App& command);
CommandRunner SetupValidate(CLI::App& command);
CommandRunner SetupInfo(CLI::App& command);
CommandRunner SetupGenerate(CLI::App& command);
CommandRunner SetupImport(CLI::App& command);
CommandRunner SetupCheck(CLI::App& command);
CommandRunner SetupExplain(CLI::App& command);
CommandRunner SetupTest(CLI::App& command);
CommandRunner SetupExpose(CLI::App& command);
CommandRunner SetupReport(CLI::App& command);
CommandRunner SetupExport(CLI::App& command);
CommandRunner SetupAlliance(CLI::App& command);
CommandRunner SetupSimulate(CLI::App& command);
CommandRunner SetupMerge(CLI::App& command);
CommandRunner SetupKeygen(CLI::App& command);
CommandRunner SetupPosture(CLI::App& command);
CommandRunner SetupPlan(CLI::App& command);

}  // namespace redoubt::cli
