#include "core/text.hpp"

#include <array>
#include <chrono>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace redoubt {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsSubstitutions) {
  EXPECT_EQ(EditDistance("", ""), 0u);
  EXPECT_EQ(EditDistance("vendor", "vendr"), 1u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("abc", ""), 3u);
}

TEST(ClosestMatch, SuggestsOnlyLikelyTypos) {
  constexpr std::array<std::string_view, 3> keys = {"vendor", "site", "kind"};
  EXPECT_EQ(ClosestMatch("vendr", keys), "vendor");
  EXPECT_EQ(ClosestMatch("sit", keys), "site");
  EXPECT_FALSE(ClosestMatch("completely-different", keys).has_value());
  EXPECT_EQ(SuggestionHint("xyz", keys), "expected one of: vendor, site, kind");
  EXPECT_EQ(SuggestionHint("kimd", keys), "did you mean 'kind'?");
}

// The pruned search must pick what the plain one (full Levenshtein over every
// candidate, first of the closest within the limit) picks.
TEST(ClosestMatch, AgreesWithTheUnprunedSearchOnRandomWords) {
  std::mt19937 random(17);
  auto word = [&](std::size_t max_length) {
    std::string text(std::uniform_int_distribution<std::size_t>(0, max_length)(random), 'a');
    for (char& c : text) c = static_cast<char>('a' + random() % 3);
    return text;
  };
  for (int round = 0; round < 400; ++round) {
    std::vector<std::string> storage;
    for (int i = 0; i < 12; ++i) storage.push_back(word(14));
    const std::vector<std::string_view> candidates(storage.begin(), storage.end());
    const std::string typed = word(14);
    const std::size_t limit = std::max<std::size_t>(1, typed.size() / 3);
    std::optional<std::string_view> expected;
    std::size_t best = limit + 1;
    for (std::string_view candidate : candidates) {
      const std::size_t distance = EditDistance(typed, candidate);
      if (distance < best) {
        best = distance;
        expected = candidate;
      }
    }
    ASSERT_EQ(ClosestMatch(typed, candidates), expected) << typed;
  }
}

// A 1 MB unknown reference took 8-27 s against a few thousand ids.
TEST(ClosestMatch, GivesNoSuggestionForALongWordAndReturnsAtOnce) {
  std::vector<std::string> storage;
  for (int i = 0; i < 5000; ++i) storage.push_back("site-" + std::to_string(i));
  storage.push_back(std::string(300, 'q'));
  const std::vector<std::string_view> candidates(storage.begin(), storage.end());
  const std::string huge = "s" + std::string(1 << 20, 'q');
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(ClosestMatch(huge, candidates).has_value());
  EXPECT_FALSE(ClosestMatch(std::string(301, 'q'), candidates).has_value());
  EXPECT_EQ(ClosestMatch("site-4999x", candidates), "site-4999");
  EXPECT_EQ(ClosestMatch(std::string(256, 'q'), candidates), std::string(300, 'q'));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 2.0);
}

TEST(Utf8, FindsTheFirstSequenceThatIsNotUtf8) {
  EXPECT_EQ(FirstInvalidUtf8(""), std::nullopt);
  EXPECT_EQ(FirstInvalidUtf8("plain ascii text, longer than one word"), std::nullopt);
  EXPECT_EQ(FirstInvalidUtf8("M\xc3\xbcnchen \xe2\x82\xac \xf0\x9f\x98\x80"), std::nullopt);
  EXPECT_EQ(FirstInvalidUtf8("M\xfcnchen"), 1U);                 // Latin-1 u-umlaut
  EXPECT_EQ(FirstInvalidUtf8("abcdefghij\x80"), 10U);            // lone continuation after a word
  EXPECT_EQ(FirstInvalidUtf8("\xc0\xaf"), 0U);                   // overlong '/'
  EXPECT_EQ(FirstInvalidUtf8("\xe0\x80\xaf"), 0U);               // overlong, 3 bytes
  EXPECT_EQ(FirstInvalidUtf8("ok \xed\xa0\x80"), 3U);            // UTF-16 surrogate
  EXPECT_EQ(FirstInvalidUtf8("\xf4\x90\x80\x80"), 0U);           // above U+10FFFF
  EXPECT_EQ(FirstInvalidUtf8("cut \xf0\x9f\x98"), 4U);           // truncated at the end
  EXPECT_EQ(InvalidUtf8Length("\xf0\x9f\x98", 0), 3U);
  EXPECT_EQ(InvalidUtf8Length("\xfc" "abc", 0), 1U);
}

TEST(Today, IsADateAfterThisCodeWasWritten) {
  EXPECT_GT(Today(), *ParseIsoDate("2026-01-01"));
}

TEST(IsoDate, ParsesValidDatesAndRejectsImpossibleOnes) {
  EXPECT_EQ(ParseIsoDate("1970-01-01"), 0);
  EXPECT_EQ(ParseIsoDate("2023-12-31"), 19722);
  EXPECT_EQ(ParseIsoDate("2024-02-29").has_value(), true);
  EXPECT_FALSE(ParseIsoDate("2023-02-29").has_value());
  EXPECT_FALSE(ParseIsoDate("2019-13-01").has_value());
  EXPECT_FALSE(ParseIsoDate("2019-1-01").has_value());
  EXPECT_FALSE(ParseIsoDate("last year").has_value());
  EXPECT_EQ(FormatIsoDate(*ParseIsoDate("2027-12-31")), "2027-12-31");
  EXPECT_EQ(FormatIsoDate(kNoDate), "");
}

TEST(CountryCode, AcceptsTwoUpperCaseLetters) {
  EXPECT_TRUE(IsCountryCode("GB"));
  EXPECT_FALSE(IsCountryCode("UK"));
  EXPECT_FALSE(IsCountryCode("XX"));
  EXPECT_EQ(CountryHint("UK"), "the ISO 3166-1 code of the United Kingdom is GB");
  EXPECT_FALSE(IsCountryCode("gb"));
  EXPECT_FALSE(IsCountryCode(""));
}

}  // namespace
}  // namespace redoubt
