// redoubt merge PART... -o RESULT.json — joins the parts that
// `redoubt simulate --shard I/N` wrote (on other machines, or as the tasks of
// a batch job array) into the redoubt/resilience@1 document that one process
// running every trial would have written, byte for byte. Refuses parts of
// different runs, missing or doubled shards, and inputs that changed since.
#include <fmt/format.h>

#include <iostream>

#include "cli/common.hpp"
#include "core/error.hpp"
#include "core/source.hpp"
#include "sim/resilience_part.hpp"

namespace redoubt::cli {

namespace {

struct MergeOptions {
  std::vector<std::string> parts;
  std::string output;
  int threads = 0;
};

int Run(const MergeOptions& options) {
  std::vector<PartFile> parts;
  Diagnostics diagnostics;
  for (const std::string& path : options.parts) {
    std::string text;
    try {
      text = std::string(SourceFile::Read(path).text());
    } catch (const IoError&) {
      diagnostics.Error({.file = path}, "cannot read this part", "check the path");
      continue;
    }
    const auto document = nlohmann::ordered_json::parse(text, nullptr, false);
    if (document.is_discarded()) {
      diagnostics.Error({.file = path}, "this part is not valid JSON (truncated?)",
                        "write it again with redoubt simulate --shard");
      continue;
    }
    std::string problem;
    auto part = ReadResiliencePart(document, problem);
    if (!part) {
      diagnostics.Error({.file = path}, problem, "give the files redoubt simulate --shard wrote");
      continue;
    }
    parts.push_back({path, std::move(*part)});
  }
  if (diagnostics.HasErrors()) {
    PrintDiagnostics(diagnostics, std::cerr);
    return kExitBadInput;
  }
  auto merged = MergeResilienceParts(parts, options.threads);
  PrintDiagnostics(merged.diagnostics(), std::cerr);
  if (!merged.ok()) return kExitBadInput;
  WriteOutput(options.output, merged.value().dump(2) + "\n");
  return kExitOk;
}

}  // namespace

CommandRunner SetupMerge(CLI::App& command) {
  auto options = std::make_shared<MergeOptions>();
  command.add_option("parts", options->parts, "Part files (redoubt/resilience-part@1)")
      ->required();
  command.add_option("-o,--output", options->output, "Write the result here instead of stdout");
  command.add_option("--threads", options->threads, "Threads for reading the inputs (0: all)");
  command.footer(
      "Each part names its inputs with their content hashes; merge reads them again, so run it "
      "where the inputs are, unchanged. The result is the redoubt/resilience@1 document of the "
      "whole run, identical to `redoubt simulate ... --format json` without --shard. Exit 2 when "
      "the parts are of different runs, a shard is missing or doubled, or an input changed.");
  return [options] { return Run(*options); };
}

}  // namespace redoubt::cli
