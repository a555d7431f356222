#include "core/source.hpp"

#include <filesystem>

#include <gtest/gtest.h>

#include "core/error.hpp"
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

TEST(SourceFile, LocationsSurviveDroppingTheText) {
  SourceFile source = SourceFile::FromString("f", "x\ny\nz");
  source.DropText();
  EXPECT_EQ(source.text().size(), 0u);
  EXPECT_EQ(source.LocationOf(4).line, 3u);
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

}  // namespace
}  // namespace redoubt
