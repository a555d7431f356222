// The generator and its transforms: bit-exact against the reference
// xoshiro256** and an independent Python SplitMix64/xoshiro derivation of the
// trial streams (values pinned below), and the moments of each transform.
#include "sim/random.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "sim/distribution.hpp"

namespace redoubt {
namespace {

TEST(Rng, MatchesReferenceXoshiro256StarStar) {
  // Reference outputs of xoshiro256** from the state {1, 2, 3, 4}.
  Rng rng = Rng::FromState(1, 2, 3, 4);
  EXPECT_EQ(rng.Next(), 11520U);
  EXPECT_EQ(rng.Next(), 0U);
  EXPECT_EQ(rng.Next(), 1509978240U);
  EXPECT_EQ(rng.Next(), 1215971899390074240U);
}

TEST(Rng, TrialStreamsArePinned) {
  // Computed independently in Python from the derivation in random.hpp.
  Rng first = Rng::ForTrial(1, 0);
  EXPECT_EQ(first.Next(), 0x8bfac8c906970b87ULL);
  EXPECT_EQ(first.Next(), 0xb2377faccf3c5fb9ULL);
  EXPECT_EQ(first.Next(), 0xbdabf73ddbb5dbe1ULL);
  Rng second = Rng::ForTrial(1, 1);
  EXPECT_EQ(second.Next(), 0x4ed7a327af8333f2ULL);
  Rng other = Rng::ForTrial(42, 7);
  EXPECT_EQ(other.Next(), 0xba6131bd8715f0ceULL);
  EXPECT_EQ(other.Next(), 0xe58b51af0407086cULL);
}

TEST(Rng, UniformStaysInRange) {
  Rng rng = Rng::ForTrial(3, 0);
  for (int draw = 0; draw < 10000; ++draw) {
    const double u = rng.Uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    const double v = rng.UniformPositive();
    ASSERT_GT(v, 0.0);
    ASSERT_LE(v, 1.0);
    ASSERT_LT(rng.Index(7), 7U);
  }
  EXPECT_FALSE(rng.Bernoulli(0.0));
  EXPECT_TRUE(rng.Bernoulli(1.0));
}

TEST(Rng, TransformsHaveTheirMoments) {
  Rng rng = Rng::ForTrial(9, 0);
  constexpr int kDraws = 200000;
  double exp_sum = 0;
  std::vector<double> logs;
  double normal_sum = 0;
  double normal_sq = 0;
  std::vector<int> counts(5, 0);
  for (int draw = 0; draw < kDraws; ++draw) {
    exp_sum += rng.Exponential(6.0);
    logs.push_back(std::log(rng.Lognormal(6.0, 0.6)));
    const double z = rng.Normal();
    normal_sum += z;
    normal_sq += z * z;
    ++counts[rng.Index(5)];
  }
  // Standard errors: exponential 6/√n ≈ 0.013; normal 1/√n ≈ 0.0022.
  EXPECT_NEAR(exp_sum / kDraws, 6.0, 0.06);
  EXPECT_NEAR(normal_sum / kDraws, 0.0, 0.01);
  EXPECT_NEAR(normal_sq / kDraws, 1.0, 0.015);
  double log_mean = 0;
  for (double value : logs) log_mean += value;
  EXPECT_NEAR(log_mean / kDraws, std::log(6.0), 0.006);
  for (int count : counts) EXPECT_NEAR(count, kDraws / 5, 600);
}

TEST(Distribution, SamplesAndMeans) {
  Rng rng = Rng::ForTrial(1, 0);
  EXPECT_EQ(Distribution::Fixed(4).Sample(rng), 4.0);
  Distribution empirical{Distribution::Kind::kEmpirical, 0, 0, {2, 3, 8}};
  EXPECT_DOUBLE_EQ(empirical.Mean(), 13.0 / 3);
  for (int draw = 0; draw < 100; ++draw) {
    const double value = empirical.Sample(rng);
    EXPECT_TRUE(value == 2 || value == 3 || value == 8);
  }
  Distribution lognormal{Distribution::Kind::kLognormal, 6, 0.6, {}};
  EXPECT_DOUBLE_EQ(lognormal.Mean(), 6 * std::exp(0.18));
}

}  // namespace
}  // namespace redoubt
