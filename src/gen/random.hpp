// Random: a small, explicitly seeded generator whose output is the same on
// every platform and standard library.
//
// std::uniform_*_distribution and std::normal_distribution are
// implementation-defined, so generated networks would differ between
// libstdc++ and libc++. Here every draw is SplitMix64 (Steele, Lea and Flood,
// "Fast splittable pseudorandom number generators", OOPSLA 2014) mapped to
// doubles and integers with plain integer and IEEE arithmetic only.
//
//   Random rng(seed, kStreamSites);  // one stream per phase of the generator
//   double u = rng.Uniform();         // [0, 1)
//   std::uint64_t k = rng.Below(12);  // [0, 12)
#pragma once

#include <cstdint>

namespace redoubt::gen {

class Random {
 public:
  // Streams with different numbers are independent; the same (seed, stream)
  // always gives the same sequence.
  Random(std::uint64_t seed, std::uint64_t stream)
      : state_(Mix(seed ^ Mix(stream + 0x632be59bd9b4e019ULL))) {}

  std::uint64_t Next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return Mix(state_);
  }
  // Uniform in [0, 1), 53 random bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  double Uniform(double low, double high) { return low + (high - low) * Uniform(); }
  // Uniform integer in [0, bound); 0 < bound < 2^53. IEEE double arithmetic
  // is exact here and the same everywhere.
  std::uint64_t Below(std::uint64_t bound) {
    const auto value = static_cast<std::uint64_t>(Uniform() * static_cast<double>(bound));
    return value < bound ? value : bound - 1;
  }
  bool Chance(double probability) { return Uniform() < probability; }
  // Approximately standard normal: the Irwin–Hall sum of four uniforms,
  // rescaled to unit variance (|value| < 3.47). Arithmetic only, so exact
  // everywhere.
  double Normal() {
    const double sum = Uniform() + Uniform() + Uniform() + Uniform();
    return (sum - 2.0) * 1.7320508075688772;
  }

  // The SplitMix64 finaliser; also a good 64-bit hash.
  static constexpr std::uint64_t Mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

}  // namespace redoubt::gen
