// Helpers shared by the tests: where the sources and the built binary are,
// reading files, and running the CLI as a process.
#pragma once

#include <string>
#include <vector>

namespace redoubt::testing {

// The source tree (for tests/cases, data/) and ../shared/data beside it.
std::string SourcePath(const std::string& relative);
std::string SharedDataPath(const std::string& relative);
std::string ReadText(const std::string& path);
// Sorted names of the entries of a folder.
std::vector<std::string> ListDirectory(const std::string& path);
// A fresh empty folder under the test's temp dir.
std::string TempDir(const std::string& name);

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs the redoubt binary with `args` (shell-quoted here), capturing output.
ProcessResult RunRedoubt(const std::vector<std::string>& args, const std::string& stdin_text = "");

}  // namespace redoubt::testing
