// Exit codes and the exception hierarchy for failures of the environment.
//
// Expected problems with user data travel as Diagnostics in a Result. An
// exception means the operation cannot go on (a file cannot be read or
// written); `main` catches it and maps it to an exit code. Library code never
// prints and never exits.
#pragma once

#include <stdexcept>
#include <string>

namespace redoubt {

// Documented in the README and in `redoubt --help`.
enum ExitCode : int {
  kExitOk = 0,          // success; no finding at or above --fail-on
  kExitFindings = 1,    // the input is valid but findings or failed checks were reported
  kExitBadInput = 2,    // bad input or bad usage: see the diagnostics
  kExitInternal = 3,    // environment or internal error (I/O, out of memory, bug)
  kExitInterrupted = 130,  // stopped by Ctrl-C; partial results are marked as such
};

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  [[nodiscard]] virtual int exit_code() const { return kExitInternal; }
};

// A file could not be read or written.
class IoError : public Error {
 public:
  using Error::Error;
};

// Bad usage detected where no Diagnostics channel exists (e.g. a bad option value).
class UsageError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] int exit_code() const override { return kExitBadInput; }
};

}  // namespace redoubt
