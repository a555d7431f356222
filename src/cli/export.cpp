// redoubt export graphml INVENTORY... -o out.graphml — the network for Gephi,
// yEd or NetworkX: elements as nodes, links as edges.
#include "cli/common.hpp"
#include "core/error.hpp"
#include "io/graphml_writer.hpp"

namespace redoubt::cli {

namespace {

struct ExportOptions {
  std::vector<std::string> paths;
  InputOptions input;
  std::string output;
};

int RunGraphMl(const ExportOptions& options) {
  auto networks = LoadNetworks(options.paths, options.input);
  if (!networks) return kExitBadInput;
  WriteOutput(options.output, WriteGraphMl(*networks));
  return kExitOk;
}

}  // namespace

CommandRunner SetupExport(CLI::App& command) {
  auto options = std::make_shared<ExportOptions>();
  auto runner = std::make_shared<CommandRunner>();
  command.require_subcommand(1);
  CLI::App* graphml = command.add_subcommand(
      "graphml", "Elements as nodes and links as edges, with kind, vendor, site and position");
  graphml->add_option("files", options->paths, "Inventory files (JSON or YAML)")->required();
  options->input.AddTo(*graphml);
  graphml->add_option("-o,--output", options->output, "Write the GraphML here (default: stdout)");
  graphml->callback([runner, options] { *runner = [options] { return RunGraphMl(*options); }; });
  return [runner] { return *runner ? (*runner)() : static_cast<int>(kExitBadInput); };
}

}  // namespace redoubt::cli
