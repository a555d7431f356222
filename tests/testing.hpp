// Helpers shared by the tests: where the sources and the built binary are,
// reading files, and running the CLI as a process.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"

namespace redoubt::testing {

// The source tree (for tests/cases, data/) and the real data the tests read,
// bundled in tests/data/ with its licences (tests/data/README.md).
std::string SourcePath(const std::string& relative);
std::string TestDataPath(const std::string& relative);
std::string ReadText(const std::string& path);
// Sorted names of the entries of a folder.
std::vector<std::string> ListDirectory(const std::string& path);
// A fresh empty folder under the test's temp dir.
std::string TempDir(const std::string& name);

// Golden corpora: a folder of cases (files or sub-folders), each with a
// NAME.expected file holding exactly what the case must produce.
//
//   INSTANTIATE_TEST_SUITE_P(Corpus, BadThing, ::testing::ValuesIn(CorpusCases(dir)),
//                            CorpusTestName);
//   ExpectGolden(dir + "/" + CorpusStem(name) + ".expected", actual);
//
// REDOUBT_UPDATE_GOLDEN=1 rewrites the expected files instead (review the diff).
std::vector<std::string> CorpusCases(const std::string& folder);
std::string CorpusStem(const std::string& name);
std::string CorpusTestName(const ::testing::TestParamInfo<std::string>& info);
void ExpectGolden(const std::string& expected_path, const std::string& actual);
// Diagnostics sorted, one per line, with `folder`/ removed wherever it appears
// (so the goldens hold in any checkout), then "result: ok" or "result: rejected".
std::string DiagnosticsText(const Diagnostics& diagnostics, const std::string& folder, bool ok);

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// The redoubt binary the CLI tests run: REDOUBT_TEST_BINARY when set (e.g. a
// build without sanitizers, for the tests that run under `ulimit -v`), else
// the one built with the tests.
std::string RedoubtBinary();
bool TestsAnotherBinary();
// `text` quoted for /bin/sh.
std::string ShellQuote(const std::string& text);
// Runs the redoubt binary with `args` (shell-quoted here), capturing output.
ProcessResult RunRedoubt(const std::vector<std::string>& args, const std::string& stdin_text = "");
// Runs the redoubt binary with its stdout sent where the shell redirection
// `stdout_redirect` says (">/dev/full", ">&-"); `out` stays empty.
ProcessResult RunRedoubtStdoutTo(const std::vector<std::string>& args,
                                 const std::string& stdout_redirect);

// Starts `argv` (argv[0] looked up on PATH) with `env` added to the
// environment and its output sent to /dev/null, sends it `signal` after
// `delay`, and returns its wait status.
int SignalAfter(const std::vector<std::string>& argv,
                const std::vector<std::pair<std::string, std::string>>& env, int signal,
                std::chrono::milliseconds delay);

}  // namespace redoubt::testing
