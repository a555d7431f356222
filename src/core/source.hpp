// SourceFile: an input file held in memory, and the map from byte offsets to
// line and column that turns a parser's position into a diagnostic location.
//
// Parsers record byte offsets (cheap); a line index is built on first use, so
// files without problems never pay for it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/mapped_file.hpp"

namespace redoubt {

// Bytes of spare capacity kept after the text (simdjson reads up to 64 past the end).
inline constexpr std::size_t kSourcePadding = 64;

class SourceFile {
 public:
  // Reads `path` whole. A regular file is mapped (MappedFile: its cached
  // pages are shared, not copied; what that does not guarantee is said
  // there), or read into memory where it cannot be. Throws IoError when it
  // cannot be read. A pipe, FIFO,
  // socket or device (`<(cat inv.json)`, /dev/stdin) is read as a stream to
  // its end: at most 1 GiB, and an error rather than a hang when nothing is
  // written for REDOUBT_READ_TIMEOUT seconds (default 60), a FIFO that no
  // program opens for writing included.
  static SourceFile Read(const std::string& path);
  // An in-memory source (tests, inline cases). `name` is what diagnostics show.
  static SourceFile FromString(std::string name, std::string text);

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] std::string_view text() const {
    return mapped_ ? mapped_->text() : std::string_view(text_);
  }
  [[nodiscard]] std::size_t size() const { return text().size(); }
  // Readable bytes from text().data(); at least size() + kSourcePadding.
  [[nodiscard]] std::size_t capacity() const {
    return mapped_ ? mapped_->readable() : text_.capacity();
  }

  // Line and column (1-based, column in bytes) of a byte offset; offsets past
  // the end map to the end. O(log lines) after an O(size) first call.
  [[nodiscard]] Location LocationOf(std::uint64_t offset) const;
  [[nodiscard]] std::uint32_t LineOf(std::uint64_t offset) const;
  // The same, given the line of an earlier offset (`hint`, 0 for none): for
  // offsets visited in increasing order (records in file order) each call
  // looks a few lines ahead, instead of searching millions of lines.
  [[nodiscard]] std::uint32_t LineOf(std::uint64_t offset, std::uint32_t hint) const;
  // The byte offset of a 1-based (line, column); clamped to the text.
  [[nodiscard]] std::uint64_t OffsetOf(std::uint32_t line, std::uint32_t column) const;

  // Releases the text, keeping the name and the line index (built now if it
  // was not), so locations can still be reported.
  void DropText();

 private:
  void BuildLineIndex() const;

  std::string name_;
  std::string text_;  // the text, unless it is mapped
  // The mapped text; shared by copies of this SourceFile (it is read-only).
  std::shared_ptr<const MappedFile> mapped_;
  mutable std::vector<std::uint64_t> line_starts_;
  mutable std::size_t length_ = 0;  // text size when the index was built
};

// Reports each place where `source` is not UTF-8 as an error at its
// file:line:col (the first 10, then how many more), so that text that is not
// UTF-8 is refused where it is read, never written into a result document.
// Returns true when the whole text is UTF-8. O(size).
bool CheckUtf8(const SourceFile& source, Diagnostics& diagnostics);

}  // namespace redoubt
