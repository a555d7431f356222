#include "testing.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace redoubt::testing {

std::string SourcePath(const std::string& relative) {
  return std::string(REDOUBT_SOURCE_DIR) + "/" + relative;
}

std::string TestDataPath(const std::string& relative) {
  return std::string(REDOUBT_SOURCE_DIR) + "/tests/data/" + relative;
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

std::vector<std::string> CorpusCases(const std::string& folder) {
  std::vector<std::string> names;
  for (const std::string& entry : ListDirectory(folder)) {
    if (!entry.ends_with(".expected")) names.push_back(entry);
  }
  return names;
}

std::string CorpusStem(const std::string& name) {
  const auto dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

std::string CorpusTestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = CorpusStem(info.param);
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

void ExpectGolden(const std::string& expected_path, const std::string& actual) {
  if (std::getenv("REDOUBT_UPDATE_GOLDEN") != nullptr) std::ofstream(expected_path) << actual;
  ASSERT_TRUE(std::filesystem::exists(expected_path)) << "missing " << expected_path;
  EXPECT_EQ(actual, ReadText(expected_path));
}

std::string DiagnosticsText(const Diagnostics& diagnostics, const std::string& folder, bool ok) {
  Diagnostics sorted = diagnostics;
  sorted.Sort();
  const std::string prefix = folder + "/";
  std::string text;
  for (const Diagnostic& diagnostic : sorted.Items()) {
    std::string line = diagnostic.Format();
    for (auto at = line.find(prefix); at != std::string::npos; at = line.find(prefix, at)) {
      line.erase(at, prefix.size());
    }
    text += line + "\n";
  }
  text += ok ? "result: ok\n" : "result: rejected\n";
  return text;
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

std::string RedoubtBinary() {
  const char* other = std::getenv("REDOUBT_TEST_BINARY");
  return other != nullptr && *other != '\0' ? std::string(other) : std::string(REDOUBT_BINARY);
}

bool TestsAnotherBinary() {
  const char* other = std::getenv("REDOUBT_TEST_BINARY");
  return other != nullptr && *other != '\0';
}

std::string ShellQuote(const std::string& text) { return Quote(text); }

ProcessResult RunRedoubtStdoutTo(const std::vector<std::string>& args,
                                 const std::string& stdout_redirect) {
  const std::string dir = TempDir("run-stdout");
  const std::string err_path = dir + "/err";
  std::string command = Quote(RedoubtBinary());
  for (const std::string& arg : args) command += " " + Quote(arg);
  command += " </dev/null " + stdout_redirect + " 2>" + Quote(err_path);
  const int status = std::system(command.c_str());
  ProcessResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = ReadText(err_path);
  std::filesystem::remove_all(dir);
  return result;
}

ProcessResult RunRedoubt(const std::vector<std::string>& args, const std::string& stdin_text) {
  const std::string dir = TempDir("run");
  const std::string out_path = dir + "/out";
  const std::string err_path = dir + "/err";
  const std::string in_path = dir + "/in";
  {
    std::ofstream in(in_path);
    in << stdin_text;
  }
  std::string command = Quote(RedoubtBinary());
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

int SignalAfter(const std::vector<std::string>& argv,
                const std::vector<std::pair<std::string, std::string>>& env, int signal,
                std::chrono::milliseconds delay) {
  std::vector<std::string> copies = argv;
  std::vector<char*> pointers;
  for (std::string& arg : copies) pointers.push_back(arg.data());
  pointers.push_back(nullptr);
  const pid_t child = ::fork();
  if (child < 0) return -1;
  if (child == 0) {
    for (const auto& [name, value] : env) ::setenv(name.c_str(), value.c_str(), 1);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
    ::execvp(pointers[0], pointers.data());
    ::_exit(127);
  }
  std::this_thread::sleep_for(delay);
  ::kill(child, signal);
  int status = 0;
  ::waitpid(child, &status, 0);
  return status;
}

}  // namespace redoubt::testing
