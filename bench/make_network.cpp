// make_network ELEMENTS SERVICES SEED OUT.json — writes the synthetic network
// of synthetic_network.hpp as an inventory, for timing `redoubt expose` end to
// end and for the networkx comparison (run_exposure.sh).
#include <cstdlib>
#include <iostream>

#include "core/output_file.hpp"
#include "io/inventory_writer.hpp"
#include "synthetic_network.hpp"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: make_network ELEMENTS SERVICES SEED OUT.json\n";
    return 2;
  }
  const redoubt::bench::SyntheticSpec spec{
      .elements = static_cast<std::uint32_t>(std::strtoul(argv[1], nullptr, 10)),
      .services = static_cast<std::uint32_t>(std::strtoul(argv[2], nullptr, 10)),
      .seed = static_cast<std::uint32_t>(std::strtoul(argv[3], nullptr, 10)),
      .dual_homed_services = 0.2};
  const redoubt::Network network = redoubt::bench::BuildSyntheticNetwork(spec);
  redoubt::WriteFileAtomically(argv[4], redoubt::WriteInventoryJson(network));
  std::cout << network.elements.size() << " elements, " << network.links.size() << " links, "
            << network.services.size() << " services\n";
  return 0;
}
