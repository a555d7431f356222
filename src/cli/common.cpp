#include "cli/common.hpp"

#include <algorithm>
#include <csignal>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "core/output_file.hpp"

namespace redoubt::cli {

std::atomic<bool> g_interrupted{false};

namespace {
extern "C" void OnInterrupt(int signal) {
  g_interrupted.store(true);
  std::signal(signal, SIG_DFL);  // a second Ctrl-C ends the process at once
}
}  // namespace

InterruptScope::InterruptScope(bool distributed) : distributed_(distributed) {
  g_interrupted.store(false);
  previous_ = std::signal(SIGINT, OnInterrupt);
  previous_usr1_ = std::signal(SIGUSR1, OnInterrupt);
  if (distributed_) previous_term_ = std::signal(SIGTERM, OnInterrupt);
}

InterruptScope::~InterruptScope() {
  std::signal(SIGINT, previous_);
  std::signal(SIGUSR1, previous_usr1_);
  if (distributed_) std::signal(SIGTERM, previous_term_);
}

void InputOptions::AddTo(CLI::App& command) {
  command.add_option("--vendors", vendor_registers,
                     "Extra vendor register (redoubt/vendors@1); may repeat")
      ->check(CLI::ExistingFile);
  command.add_flag("--no-bundled-vendors", no_bundled_vendors,
                   "Do not read the bundled data/vendors.yaml");
  command.add_flag("--no-warnings", no_warnings, "Report errors only");
  command.add_option("--threads", threads, "Threads to use (0: all cores); results do not depend on it")
      ->check(CLI::Range(0, 1024));
}

InventoryOptions InputOptions::ToInventoryOptions() const {
  InventoryOptions options;
  options.vendor_registers = vendor_registers;
  options.use_bundled_vendors = !no_bundled_vendors;
  options.warnings = !no_warnings;
  options.threads = threads == 0 ? static_cast<int>(std::max(1U, std::thread::hardware_concurrency()))
                                 : threads;
  return options;
}

void AddFormatOption(CLI::App& command, OutputFormat& format) {
  command.add_option("--format", format, "Output format: text or json")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, OutputFormat>{{"text", OutputFormat::kText},
                                              {"json", OutputFormat::kJson}},
          CLI::ignore_case));
}

void PrintDiagnostics(const Diagnostics& diagnostics, std::ostream& out) {
  if (diagnostics.Empty()) return;
  Diagnostics sorted = diagnostics;
  sorted.Sort();
  for (const Diagnostic& diagnostic : sorted.Items()) out << diagnostic.Format() << '\n';
  out << fmt::format("{} error{}, {} warning{}\n", diagnostics.ErrorCount(),
                     diagnostics.ErrorCount() == 1 ? "" : "s", diagnostics.WarningCount(),
                     diagnostics.WarningCount() == 1 ? "" : "s");
}

std::optional<std::vector<Network>> LoadNetworks(const std::vector<std::string>& paths,
                                                 const InputOptions& options) {
  auto loaded = LoadInventories(paths, options.ToInventoryOptions());
  PrintDiagnostics(loaded.diagnostics(), std::cerr);
  if (!loaded.ok()) return std::nullopt;
  return std::move(loaded).value();
}

std::string JsonText(const nlohmann::ordered_json& document, int indent) {
  return document.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

namespace {

// nlohmann's serializer writes through this protocol; the pieces go to the
// file as they fill.
class OutputFileAdapter : public nlohmann::detail::output_adapter_protocol<char> {
 public:
  explicit OutputFileAdapter(OutputFile& out) : out_(out) { buffer_.reserve(kChunk + 4096); }
  void write_character(char c) override {
    buffer_ += c;
    if (buffer_.size() >= kChunk) Flush();
  }
  void write_characters(const char* text, std::size_t length) override {
    buffer_.append(text, length);
    if (buffer_.size() >= kChunk) Flush();
  }
  void Flush() {
    out_.Write(buffer_);
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kChunk = std::size_t{1} << 20;
  OutputFile& out_;
  std::string buffer_;
};

}  // namespace

void WriteJsonText(OutputFile& out, const nlohmann::ordered_json& document, int indent) {
  using Json = nlohmann::ordered_json;
  auto adapter = std::make_shared<OutputFileAdapter>(out);
  // What Json::dump does, into the adapter instead of a string.
  nlohmann::detail::serializer<Json> serializer(adapter, ' ', Json::error_handler_t::replace);
  if (indent >= 0) {
    serializer.dump(document, true, false, static_cast<unsigned int>(indent));
  } else {
    serializer.dump(document, false, false, 0);
  }
  adapter->write_character('\n');
  adapter->Flush();
}

CLI::Validator SeedValidator() {
  return CLI::Validator(
      [](const std::string& text) -> std::string {
        const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
          return c >= '0' && c <= '9';
        });
        if (digits && (text.size() < 20 || (text.size() == 20 && text <= "18446744073709551615"))) {
          return "";
        }
        return fmt::format("a seed is a whole number from 0 to 18446744073709551615, not '{}'",
                           text);
      },
      "SEED");
}

void WriteOutput(const std::string& path, const std::string& content) {
  WriteFileAtomically(path.empty() ? "-" : path, content);
}

const std::vector<CommandSpec>& Commands() {
  static const std::vector<CommandSpec> commands = {
      {"assess", "The whole picture: check, expose, simulate and the alliance view, as a report",
       SetupAssess},
      {"validate", "Check inventory files and report every problem", SetupValidate},
      {"info", "Summarise inventories: counts, vendor shares, sites, services", SetupInfo},
      {"check", "Check inventories against a standard: findings, or --timeline", SetupCheck},
      {"explain", "Explain a rule of a standard in words, with its source", SetupExplain},
      {"test", "Run the cases a standard carries and report rule coverage", SetupTest},
      {"expose", "Exposure of services to untrusted equipment: espionage, sabotage, single points",
       SetupExpose},
      {"simulate", "Monte Carlo resilience: service lost under a hazard and how fast it recovers",
       SetupSimulate},
      {"plan", "Rip-and-replace plan: when each forbidden element is swapped, by whom, at what cost",
       SetupPlan},
      {"merge", "Merge the parts of a sharded simulate run into one resilience document",
       SetupMerge},
      {"alliance", "Alliance view: posture, divergence and who can share intelligence with whom",
       SetupAlliance},
      {"keygen", "Make an Ed25519 key pair for signing what a member shares with its allies",
       SetupKeygen},
      {"posture", "A member's signed posture for its allies, from its own inventories only",
       SetupPosture},
      {"generate", "Generate a synthetic national 5G network (deterministic from a seed)",
       SetupGenerate},
      {"import", "Import GraphML, OpenCelliD or CSV tables into an inventory", SetupImport},
      {"report", "Render the HTML report from an assessment.json", SetupReport},
      {"export", "Write inventories for other tools (graphml)", SetupExport},
  };
  return commands;
}

}  // namespace redoubt::cli
