// Output files: written whole or not at all.
//
// OutputFile streams a result into a temporary file beside its path and
// renames it into place on Commit, so a failed or killed run never leaves a
// half-written file and a large result never has to sit in memory as text.
// WriteFileAtomically is the one-call form for text already in memory, and
// WriteFileSetAtomically writes several files as one set.
//
//   OutputFile out("net.json");            // or "-" for standard output
//   WriteInventoryJson(network, [&](std::string_view text) { out.Write(text); });
//   out.Commit();                          // without it, nothing replaces net.json
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace redoubt {

// A file being written. Only a regular file (or a path that does not exist
// yet) is replaced, by renaming a temporary file in the same folder over it; a
// device, FIFO or socket (`/dev/null`, `/dev/full`, `/dev/stdout`) is written
// in place, so the node itself is never replaced. `path` "-" writes to
// standard output, after what std::cout holds. Every write, the flush and the
// close are checked; failures throw IoError (a full disk or device, a closed
// stdout, a directory in the way). Destroyed without Commit (an exception, an
// early return), it removes its temporary file and replaces nothing.
class OutputFile {
 public:
  explicit OutputFile(std::string path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Appends `text`. O(size of text).
  void Write(std::string_view text);
  // Flushes to disk and renames into place (for a regular file). Once.
  void Commit();

 private:
  void Abandon() noexcept;

  std::string path_;
  std::string temporary_;  // empty unless writing a regular file through a rename
  int fd_ = -1;
  bool to_stdout_ = false;
  bool committed_ = false;
};

// Writes `content` to `path` with OutputFile's guarantees, in one call.
void WriteFileAtomically(const std::string& path, std::string_view content);

// Writes `files` (name, content) as one set into the folder `folder`: all of
// them into a temporary folder beside it, then renamed into place in one step
// (a new folder is renamed; an existing one is exchanged with the temporary
// folder, and the old set removed), so a reader sees the old set or the new
// one, never a mix, and a failed or killed run leaves no partial set under
// `folder`. An existing `folder` may hold only names in `files` (an earlier
// set): anything else in it is refused (IoError), and nothing is touched.
void WriteFileSetAtomically(const std::string& folder,
                            const std::vector<std::pair<std::string, std::string>>& files);

// One file of a set: its name, and what writes its content (in pieces, so a
// large result need not be held as text).
struct OutputPart {
  std::string name;
  std::function<void(OutputFile&)> write;
};

// The same, each file streamed by its writer; anything a writer throws
// leaves the folder as it was.
void WriteFileSetAtomically(const std::string& folder, const std::vector<OutputPart>& files);

}  // namespace redoubt
