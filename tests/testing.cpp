#include "testing.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace redoubt::testing {

std::string SourcePath(const std::string& relative) {
  return std::string(REDOUBT_SOURCE_DIR) + "/" + relative;
}

std::string SharedDataPath(const std::string& relative) {
  return std::string(REDOUBT_SOURCE_DIR) + "/../shared/data/" + relative;
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> ListDirectory(const std::string& path) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(path)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string TempDir(const std::string& name) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("redoubt-test-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove_all(path);
  std::filesystem::create_directories(path);
  return path.string();
}

namespace {
std::string Quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}
}  // namespace

ProcessResult RunRedoubt(const std::vector<std::string>& args, const std::string& stdin_text) {
  const std::string dir = TempDir("run");
  const std::string out_path = dir + "/out";
  const std::string err_path = dir + "/err";
  const std::string in_path = dir + "/in";
  {
    std::ofstream in(in_path);
    in << stdin_text;
  }
  std::string command = Quote(REDOUBT_BINARY);
  for (const std::string& arg : args) command += " " + Quote(arg);
  command += " <" + Quote(in_path) + " >" + Quote(out_path) + " 2>" + Quote(err_path);
  const int status = std::system(command.c_str());
  ProcessResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadText(out_path);
  result.err = ReadText(err_path);
  std::filesystem::remove_all(dir);
  return result;
}

}  // namespace redoubt::testing
