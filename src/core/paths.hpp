// Where redoubt finds its bundled data (vendor register, standards, samples).
#pragma once

#include <string>

namespace redoubt {

// $REDOUBT_DATA if set, else the data/ folder the build was configured with.
[[nodiscard]] std::string DataDir();
// DataDir() + "/" + relative.
[[nodiscard]] std::string DataPath(const std::string& relative);

}  // namespace redoubt
