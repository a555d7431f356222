#include "core/source.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/output_file.hpp"
#include "testing.hpp"

namespace redoubt {
namespace {

TEST(SourceFile, MapsOffsetsToLinesAndColumns) {
  const SourceFile source = SourceFile::FromString("f.yaml", "ab\ncde\n\nf");
  EXPECT_EQ(source.LocationOf(0).line, 1u);
  EXPECT_EQ(source.LocationOf(0).column, 1u);
  EXPECT_EQ(source.LocationOf(4).line, 2u);
  EXPECT_EQ(source.LocationOf(4).column, 2u);
  EXPECT_EQ(source.LocationOf(7).line, 3u);
  EXPECT_EQ(source.LocationOf(8).line, 4u);
  EXPECT_EQ(source.LocationOf(999).line, 4u);  // clamped to the end
  EXPECT_EQ(source.OffsetOf(2, 3), 5u);
  EXPECT_GE(source.capacity(), source.size() + kSourcePadding);
}

// A FIFO is read as a stream: what a writer sends, to its end (it used to be
// seen as an empty file), and a FIFO no program writes to is an error after
// REDOUBT_READ_TIMEOUT seconds instead of a hang.
TEST(SourceFile, LineOfWithAHintAgreesWithTheSearchForEveryOffsetAndHint) {
  std::string text = "\n\nab\n";
  for (int line = 0; line < 40; ++line) text += std::string(static_cast<std::size_t>(line % 5), 'x') + "\n";
  text += "tail";
  const SourceFile source = SourceFile::FromString("t.txt", text);
  const std::uint32_t lines = source.LineOf(text.size());
  for (std::uint64_t offset = 0; offset <= text.size() + 2; ++offset) {
    for (std::uint32_t hint = 0; hint <= lines + 2; ++hint) {
      ASSERT_EQ(source.LineOf(offset, hint), source.LineOf(offset)) << offset << " " << hint;
    }
  }
}

TEST(SourceFile, ReadsAFifoAsAStreamAndGivesUpOnOneWithNoWriter) {
  const std::string path = testing::TempDir("fifo") + "/in.yaml";
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  std::string sent;
  for (int i = 0; i < 20000; ++i) sent += "line " + std::to_string(i) + "\n";  // > a pipe buffer
  std::thread writer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // after the reader opened it
    std::ofstream(path) << sent;
  });
  const SourceFile read = SourceFile::Read(path);
  writer.join();
  EXPECT_EQ(read.text(), sent);
  EXPECT_EQ(read.name(), path);
  EXPECT_GE(read.capacity(), read.size() + kSourcePadding);

  ::setenv("REDOUBT_READ_TIMEOUT", "1", 1);
  const auto start = std::chrono::steady_clock::now();
  try {
    (void)SourceFile::Read(path);
    ADD_FAILURE() << "a FIFO with no writer was read";
  } catch (const IoError& error) {
    EXPECT_EQ(std::string(error.what()),
              path + ": nothing was written to this pipe or FIFO for 1 s; start the program that "
                     "writes it, or set REDOUBT_READ_TIMEOUT to wait longer");
  }
  ::unsetenv("REDOUBT_READ_TIMEOUT");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_GE(seconds, 0.9);
  EXPECT_LT(seconds, 10.0);
}

std::vector<std::string> Entries(const std::string& folder) { return testing::ListDirectory(folder); }

// assess wrote its three files one rename at a time: a reader (or a kill in
// between) could see a new assessment.json beside an old report.html.
TEST(FileSet, IsWrittenAsOneSetAndReplacesAnEarlierSetWhole) {
  const std::string parent = testing::TempDir("file-set");
  const std::string folder = parent + "/out";
  WriteFileSetAtomically(folder, {{"a.json", "new a"}, {"b.html", "new b"}});
  EXPECT_EQ(Entries(parent), std::vector<std::string>{"out"});  // no temporary left
  EXPECT_EQ(Entries(folder), (std::vector<std::string>{"a.json", "b.html"}));
  EXPECT_EQ(testing::ReadText(folder + "/a.json"), "new a");

  // An earlier set (here a part of one) is replaced as a whole.
  std::filesystem::remove(folder + "/b.html");
  WriteFileSetAtomically(folder, {{"a.json", "newer a"}, {"b.html", "newer b"}});
  EXPECT_EQ(Entries(parent), std::vector<std::string>{"out"});
  EXPECT_EQ(testing::ReadText(folder + "/a.json"), "newer a");
  EXPECT_EQ(testing::ReadText(folder + "/b.html"), "newer b");
  struct stat info {};
  ASSERT_EQ(::stat(folder.c_str(), &info), 0);
  EXPECT_NE(info.st_mode & S_IRGRP, 0u);  // not mkdtemp's 0700 (umask 022 or 002 in tests)
}

TEST(FileSet, RefusesAFolderHoldingOtherFilesAndTouchesNothing) {
  const std::string parent = testing::TempDir("file-set-foreign");
  const std::string folder = parent + "/out";
  std::filesystem::create_directories(folder);
  std::ofstream(folder + "/notes.txt") << "mine";
  std::ofstream(folder + "/a.json") << "old a";
  try {
    WriteFileSetAtomically(folder, {{"a.json", "new a"}});
    ADD_FAILURE() << "wrote over a folder holding other files";
  } catch (const IoError& error) {
    EXPECT_NE(std::string(error.what()).find("holds 'notes.txt', which this command did not write"),
              std::string::npos)
        << error.what();
  }
  EXPECT_EQ(testing::ReadText(folder + "/a.json"), "old a");
  EXPECT_EQ(Entries(parent), std::vector<std::string>{"out"});
}

TEST(SourceFile, LocationsSurviveDroppingTheText) {
  SourceFile source = SourceFile::FromString("f", "x\ny\nz");
  source.DropText();
  EXPECT_EQ(source.text().size(), 0u);
  EXPECT_EQ(source.LocationOf(4).line, 3u);
}

// Sizes around a page boundary: the zeros after the end in the last page are
// the padding, or, within kSourcePadding of the boundary (a multiple of the
// page size included), one more page is mapped after the file's.
std::vector<std::size_t> SizesNearPageBoundaries() {
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  return {1,        page - kSourcePadding - 1, page - kSourcePadding, page - kSourcePadding + 1,
          page - 1, page,                      page + 1,              2 * page - 10,
          2 * page, 3 * page + kSourcePadding};
}

TEST(SourceFile, ARegularFileOfAnySizeIsReadWithItsPaddingReadableAndZero) {
  const std::string path = testing::TempDir("page-sizes") + "/in.json";
  for (const std::size_t size : SizesNearPageBoundaries()) {
    std::string written(size, 'x');
    for (std::size_t index = 0; index < size; ++index) {
      written[index] = static_cast<char>('a' + index % 26);
    }
    std::ofstream(path, std::ios::binary | std::ios::trunc) << written;
    const SourceFile read = SourceFile::Read(path);
    ASSERT_EQ(read.text(), written) << size;
    ASSERT_GE(read.capacity(), size + kSourcePadding) << size;
    for (std::size_t index = size; index < size + kSourcePadding; ++index) {
      ASSERT_EQ(read.text().data()[index], '\0') << size << " at " << index;
    }
  }
}

TEST(SourceFile, AnEmptyFileIsReadAsEmptyText) {
  const std::string path = testing::TempDir("empty") + "/in.json";
  std::ofstream(path).close();
  const SourceFile read = SourceFile::Read(path);
  EXPECT_EQ(read.text(), "");
  EXPECT_GE(read.capacity(), kSourcePadding);
}

TEST(SourceFile, ACopyKeepsTheTextWhenTheOriginalDropsIt) {
  const std::string path = testing::TempDir("copy") + "/in.yaml";
  std::ofstream(path) << "a: 1\nb: 2\n";
  SourceFile original = SourceFile::Read(path);
  const SourceFile copy = original;
  original.DropText();
  EXPECT_EQ(original.text(), "");
  EXPECT_EQ(original.LocationOf(5).line, 2u);
  EXPECT_EQ(copy.text(), "a: 1\nb: 2\n");
  EXPECT_EQ(copy.LocationOf(5).line, 2u);
}

TEST(SourceFile, MissingFileThrowsIoError) {
  EXPECT_THROW((void)SourceFile::Read("/nonexistent/redoubt.yaml"), IoError);
}

TEST(WriteFileAtomically, ReplacesWholeFileAndLeavesNoTemporary) {
  const std::string dir = testing::TempDir("atomic");
  const std::string path = dir + "/out.json";
  WriteFileAtomically(path, "first");
  WriteFileAtomically(path, "second");
  EXPECT_EQ(testing::ReadText(path), "second");
  EXPECT_EQ(testing::ListDirectory(dir).size(), 1u);
}

TEST(WriteFileAtomically, UnwritableFolderThrowsAndCreatesNothing) {
  EXPECT_THROW(WriteFileAtomically("/nonexistent-dir/out.json", "x"), IoError);
}

TEST(WriteFileAtomically, DirectoryInTheWayThrows) {
  const std::string dir = testing::TempDir("atomic-dir");
  EXPECT_THROW(WriteFileAtomically(dir, "x"), IoError);
  EXPECT_TRUE(std::filesystem::is_directory(dir));
}

TEST(WriteFileAtomically, FullDeviceThrowsAndIsNotReplaced) {
  const std::string dir = testing::TempDir("atomic-device");
  const std::string link = dir + "/full";
  std::filesystem::create_symlink("/dev/full", link);
  EXPECT_THROW(WriteFileAtomically(link, "x"), IoError);
  EXPECT_TRUE(std::filesystem::is_character_file(link));
  EXPECT_EQ(testing::ListDirectory(dir), std::vector<std::string>{"full"});
}

TEST(OutputFile, WrittenInPiecesReplacesOnlyOnCommit) {
  const std::string dir = testing::TempDir("output-file");
  const std::string path = dir + "/out.json";
  WriteFileAtomically(path, "old");
  {
    OutputFile out(path);
    out.Write("new ");
    out.Write("text");
    EXPECT_EQ(testing::ReadText(path), "old");  // the old file until the commit
    EXPECT_EQ(testing::ListDirectory(dir).size(), 2u);  // it and the temporary
    out.Commit();
  }
  EXPECT_EQ(testing::ReadText(path), "new text");
  EXPECT_EQ(testing::ListDirectory(dir), std::vector<std::string>{"out.json"});
}

TEST(OutputFile, DestroyedWithoutCommitLeavesTheOldFileAndNoTemporary) {
  const std::string dir = testing::TempDir("output-file-abandoned");
  const std::string path = dir + "/out.json";
  WriteFileAtomically(path, "old");
  try {
    OutputFile out(path);
    out.Write("half of a");
    throw IoError("the writer failed half way");
  } catch (const IoError&) {
  }
  EXPECT_EQ(testing::ReadText(path), "old");
  EXPECT_EQ(testing::ListDirectory(dir), std::vector<std::string>{"out.json"});
}

TEST(OutputFile, FullDeviceFailsAtTheWriteAndCannotBeCommitted) {
  OutputFile out("/dev/full");
  EXPECT_THROW(out.Write("x"), IoError);
  EXPECT_THROW(out.Commit(), IoError);
}

}  // namespace
}  // namespace redoubt
