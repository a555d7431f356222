// Shared by the libFuzzer harnesses: where the sources are, and writing an
// input to a file for the readers that take a path.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>

namespace redoubt::fuzz {

inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A path in the temp folder private to this process, ending in `name`.
inline std::string ScratchPath(const std::string& name) {
  return "/tmp/redoubt-fuzz-" + std::to_string(::getpid()) + "-" + name;
}

inline std::string WriteScratch(const std::string& name, std::string_view text) {
  const std::string path = ScratchPath(name);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  return path;
}

inline std::string SourcePath(const std::string& relative) {
  return std::string(REDOUBT_SOURCE_DIR) + "/" + relative;
}

}  // namespace redoubt::fuzz
