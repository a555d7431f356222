// FNV-1a 64 against the reference test vectors (draft-eastlake-fnv, appendix).
#include "core/fnv.hpp"

#include <gtest/gtest.h>

namespace redoubt {
namespace {

static_assert(Fnv1a64("") == kFnv64OffsetBasis);
static_assert(kFnv64OffsetBasis == 0xcbf29ce484222325ULL);

TEST(Fnv1a64, MatchesTheReferenceVectors) {
  EXPECT_EQ(Fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(Fnv1a64("foobar"), 0x85944171f73967e8ULL);
  EXPECT_NE(Fnv1a64("\xff"), Fnv1a64("\x7f"));  // bytes hash unsigned
}

}  // namespace
}  // namespace redoubt
