// Random numbers for the simulation, reproducible bit for bit on every
// platform: a generator per trial derived from (seed, trial), and the few
// transforms the models need, written here rather than taken from
// std::*_distribution (whose algorithms differ between standard libraries).
//
//   Rng rng = Rng::ForTrial(seed, trial);
//   double u = rng.Uniform();            // [0, 1), 53 random bits
//   double t = rng.Exponential(6.0);     // mean 6
//   double r = rng.Lognormal(6.0, 0.6);  // median 6, sigma 0.6 (of the log)
//
// Generator: xoshiro256** (Blackman & Vigna, "Scrambled linear pseudorandom
// number generators", ACM TOMS 2021). Trial streams: the four state words are
// the first four outputs of SplitMix64 (Steele, Lea & Flood, OOPSLA 2014)
// started at Mix(seed) XOR Mix(trial XOR 0x6A09E667F3BCC909), where Mix is
// SplitMix64's output function. So trial i's numbers depend only on (seed, i):
// results are the same whatever the number of threads or machines.
//
// The transforms use only +, ×, /, sqrt (exact in IEEE 754) and log, exp, cos
// from the C library; glibc's are correctly rounded in practice, so results
// match across x86-64 and AArch64 Linux, but that is not a standard guarantee.
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>

namespace redoubt {

// SplitMix64's output function (a bijective 64-bit mixer).
[[nodiscard]] constexpr std::uint64_t Mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  // The generator of trial `trial` of a run seeded with `seed` (see above).
  [[nodiscard]] static Rng ForTrial(std::uint64_t seed, std::uint64_t trial) {
    std::uint64_t state = Mix64(seed) ^ Mix64(trial ^ 0x6A09E667F3BCC909ULL);
    Rng rng;
    for (std::uint64_t& word : rng.state_) {
      state += 0x9E3779B97F4A7C15ULL;
      word = Mix64(state);
    }
    return rng;
  }

  // A generator with the given state (not all zero); for checking against
  // the reference implementation.
  [[nodiscard]] static Rng FromState(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2,
                                     std::uint64_t s3) {
    Rng rng;
    rng.state_[0] = s0;
    rng.state_[1] = s1;
    rng.state_[2] = s2;
    rng.state_[3] = s3;
    return rng;
  }

  // The next 64 random bits (xoshiro256**).
  std::uint64_t Next() {
    const std::uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  // Uniform on [0, 1): the top 53 bits, scaled.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform on (0, 1], safe to take the log of.
  double UniformPositive() { return static_cast<double>((Next() >> 11) + 1) * 0x1.0p-53; }
  // True with probability p (p ≤ 0 never, p ≥ 1 always, and no draw then).
  bool Bernoulli(double p) {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return Uniform() < p;
  }
  // Uniform integer in [0, n), n > 0, without bias: Lemire's multiply-shift
  // with rejection ("Fast random integer generation in an interval", ACM
  // TOMACS 2019); a division only in the rare rejection case.
  std::uint64_t Index(std::uint64_t n) {
    __extension__ using Wide = unsigned __int128;
    Wide product = static_cast<Wide>(Next()) * n;
    auto low = static_cast<std::uint64_t>(product);
    if (low < n) {
      const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
      while (low < threshold) {
        product = static_cast<Wide>(Next()) * n;
        low = static_cast<std::uint64_t>(product);
      }
    }
    return static_cast<std::uint64_t>(product >> 64);
  }
  // Exponential with the given mean, by inversion.
  double Exponential(double mean) { return -mean * std::log(UniformPositive()); }
  // Standard normal by Box–Muller (one of the pair; two draws per call).
  double Normal() {
    const double radius = std::sqrt(-2.0 * std::log(UniformPositive()));
    return radius * std::cos(2.0 * std::numbers::pi * Uniform());
  }
  // Lognormal with median `median` and log-standard deviation `sigma`.
  double Lognormal(double median, double sigma) { return median * std::exp(sigma * Normal()); }

 private:
  static constexpr std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4] = {};
};

}  // namespace redoubt
