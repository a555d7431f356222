// Diagnostics: what redoubt tells a user about a problem in their input.
//
// Every reader reports every problem it finds, not only the first, as
//
//   file:line:column: error: what is wrong — how to fix it
//
// Example:
//   Diagnostics diags;
//   diags.Error({"net.yaml", 12, 5}, "unknown key 'vendr'", "did you mean 'vendor'?");
//   if (diags.HasErrors()) ...
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace redoubt {

enum class Severity : std::uint8_t { kError, kWarning, kNote };

[[nodiscard]] std::string_view SeverityName(Severity severity);

// A place in an input file. Lines and columns count from 1; 0 means "unknown"
// (e.g. a problem with the file as a whole).
struct Location {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

struct Diagnostic {
  Severity severity = Severity::kError;
  Location location;
  std::string message;  // what is wrong
  std::string hint;     // how to fix it; may be empty

  // "file:line:col: error: message — hint"
  [[nodiscard]] std::string Format() const;
};

// The most bytes of a message or a hint that a Diagnostics keeps; a longer one
// (a megabyte value echoed from a file) keeps its start and end (AbbreviateMiddle).
inline constexpr std::size_t kMaxDiagnosticText = 600;

// An ordered list of diagnostics. Order is the order of discovery; `Sort()`
// orders by file, line, column for stable output.
class Diagnostics {
 public:
  void Add(Diagnostic diagnostic);
  void Error(Location location, std::string message, std::string hint = {});
  void Warning(Location location, std::string message, std::string hint = {});
  void Note(Location location, std::string message, std::string hint = {});
  void Append(const Diagnostics& other);

  [[nodiscard]] bool HasErrors() const { return error_count_ > 0; }
  [[nodiscard]] std::size_t ErrorCount() const { return error_count_; }
  [[nodiscard]] std::size_t WarningCount() const { return warning_count_; }
  [[nodiscard]] bool Empty() const { return items_.empty(); }
  [[nodiscard]] const std::vector<Diagnostic>& Items() const { return items_; }

  // Stable sort by (file, line, column); diagnostics at the same place keep
  // their discovery order.
  void Sort();

 private:
  std::vector<Diagnostic> items_;
  std::size_t error_count_ = 0;
  std::size_t warning_count_ = 0;
};

}  // namespace redoubt
