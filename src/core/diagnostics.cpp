#include "core/diagnostics.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "core/text.hpp"

namespace redoubt {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

std::string Diagnostic::Format() const {
  // Values echoed from a file (and file names) may hold control characters;
  // escaped, one diagnostic stays one line.
  std::string out =
      location.file.empty() ? std::string("<input>") : EscapeControlCharacters(location.file);
  if (location.line > 0) {
    out += fmt::format(":{}:{}", location.line, std::max<std::uint32_t>(location.column, 1));
  }
  out += fmt::format(": {}: {}", SeverityName(severity), EscapeControlCharacters(message));
  if (!hint.empty()) {
    out += " \u2014 ";
    out += EscapeControlCharacters(hint);
  }
  return out;
}

void Diagnostics::Add(Diagnostic diagnostic) {
  // A value echoed from a file can be megabytes long; what is kept of it is
  // enough to find it.
  diagnostic.message = AbbreviateMiddle(diagnostic.message, kMaxDiagnosticText);
  diagnostic.hint = AbbreviateMiddle(diagnostic.hint, kMaxDiagnosticText);
  if (diagnostic.severity == Severity::kError) ++error_count_;
  if (diagnostic.severity == Severity::kWarning) ++warning_count_;
  items_.push_back(std::move(diagnostic));
}

void Diagnostics::Error(Location location, std::string message, std::string hint) {
  Add({Severity::kError, std::move(location), std::move(message), std::move(hint)});
}

void Diagnostics::Warning(Location location, std::string message, std::string hint) {
  Add({Severity::kWarning, std::move(location), std::move(message), std::move(hint)});
}

void Diagnostics::Note(Location location, std::string message, std::string hint) {
  Add({Severity::kNote, std::move(location), std::move(message), std::move(hint)});
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const Diagnostic& diagnostic : other.items_) Add(diagnostic);
}

void Diagnostics::Sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.file, a.location.line, a.location.column) <
           std::tie(b.location.file, b.location.line, b.location.column);
  });
}

}  // namespace redoubt
