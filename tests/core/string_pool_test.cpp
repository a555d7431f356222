#include "core/string_pool.hpp"

#include <string>

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

}  // namespace
}  // namespace redoubt
