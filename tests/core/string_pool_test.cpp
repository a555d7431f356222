#include "core/string_pool.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace redoubt {
namespace {

TEST(StringPool, InternsOnceAndKeepsViewsStable) {
  StringPool pool;
  const StringId a = pool.Intern("amf-1");
  const std::string_view view = pool.View(a);
  for (int index = 0; index < 200000; ++index) pool.Intern("id-" + std::to_string(index));
  EXPECT_EQ(pool.Intern("amf-1"), a);
  EXPECT_EQ(view, "amf-1");  // storage never moves
  EXPECT_EQ(pool.View(a), "amf-1");
  EXPECT_EQ(pool.size(), 200001u);
  EXPECT_EQ(pool.Find("id-199999"), pool.Intern("id-199999"));
  EXPECT_FALSE(pool.Find("absent").has_value());
  EXPECT_EQ(pool.View(kNoString), "");
}

TEST(StringPool, HandlesEmptyAndLongStrings) {
  StringPool pool;
  const std::string long_text(3 << 20, 'x');  // larger than a chunk
  const StringId empty = pool.Intern("");
  const StringId long_id = pool.Intern(long_text);
  EXPECT_EQ(pool.View(empty), "");
  EXPECT_EQ(pool.View(long_id).size(), long_text.size());
  EXPECT_NE(empty, long_id);
}

TEST(StringPool, TellsApartStringsThatShareTheirFirstEightBytesOrDifferInLength) {
  // The slot holds the first 8 bytes and the length: these differ only past
  // them, or only in length, or by a zero byte that padding could hide.
  StringPool pool;
  const std::vector<std::string> texts = {"",         "a",         std::string("a\0", 2),
                                          "abcdefgh", "abcdefghi", "abcdefghj",
                                          "abcdefgh" + std::string(300, 'x'),
                                          "abcdefgh" + std::string(301, 'x'), "e1234567"};
  std::vector<StringId> ids;
  for (const std::string& text : texts) ids.push_back(pool.Intern(text));
  for (std::size_t index = 0; index < texts.size(); ++index) {
    EXPECT_EQ(ids[index], index);  // first-intern order
    EXPECT_EQ(pool.View(ids[index]), texts[index]);
    EXPECT_EQ(pool.Intern(texts[index]), ids[index]);
    EXPECT_EQ(pool.Find(texts[index]), ids[index]);
  }
  EXPECT_EQ(pool.size(), texts.size());
}

TEST(StringPool, HashedInternsAreInternsAndSurviveGrowth) {
  StringPool pool;
  pool.Reserve(10);
  std::vector<StringId> ids;
  for (int index = 0; index < 100000; ++index) {
    const std::string text = "e" + std::to_string(index);
    const std::uint64_t hash = StringPool::Hash(text);
    pool.Prefetch(hash);
    ids.push_back(pool.InternHashed(text, hash));
  }
  for (int index = 0; index < 100000; ++index) {
    ASSERT_EQ(pool.Intern("e" + std::to_string(index)), ids[static_cast<std::size_t>(index)]);
    ASSERT_EQ(ids[static_cast<std::size_t>(index)], static_cast<StringId>(index));
  }
  EXPECT_FALSE(pool.Find("e100000").has_value());
}

}  // namespace
}  // namespace redoubt
