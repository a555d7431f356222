#include "core/paths.hpp"

#include <cstdlib>

namespace redoubt {

std::string DataDir() {
  if (const char* from_env = std::getenv("REDOUBT_DATA"); from_env != nullptr && *from_env) {
    return from_env;
  }
  return REDOUBT_DATA_DIR;
}

std::string DataPath(const std::string& relative) { return DataDir() + "/" + relative; }

}  // namespace redoubt
