#include "dist/distributed_trials.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <type_traits>

#include "core/error.hpp"

namespace redoubt {

namespace {

class Writer {
 public:
  template <typename T>
  void Put(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* bytes = reinterpret_cast<const char*>(&value);
    out_.append(bytes, sizeof(T));
  }
  template <typename T>
  void PutVector(const std::vector<T>& values) {
    Put<std::uint64_t>(values.size());
    const auto* bytes = reinterpret_cast<const char*>(values.data());
    out_.append(bytes, values.size() * sizeof(T));
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  bool Get(T& value) {
    if (bytes_.size() - at_ < sizeof(T)) return false;
    std::memcpy(&value, bytes_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return true;
  }
  template <typename T>
  bool GetVector(std::vector<T>& values) {
    std::uint64_t count = 0;
    if (!Get(count) || count > (bytes_.size() - at_) / sizeof(T)) return false;
    values.resize(count);
    std::memcpy(values.data(), bytes_.data() + at_, count * sizeof(T));
    at_ += count * sizeof(T);
    return true;
  }
  [[nodiscard]] bool Done() const { return at_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

constexpr std::uint32_t kMagic = 0x72647274;  // "rdrt"

}  // namespace

std::string EncodeRunResults(const RunResults& results) {
  Writer out;
  out.Put(kMagic);
  out.Put(results.first);
  out.Put(results.completed);
  out.Put<std::uint8_t>(results.partial ? 1 : 0);
  out.PutVector(results.down_trials);
  out.PutVector(results.down_checkpoints);
  out.PutVector(results.down_checkpoints_sq);
  out.PutVector(results.region_hurt_trials);
  out.Put<std::uint64_t>(results.trials.size());
  for (const TrialOutcome& trial : results.trials) {
    out.PutVector(trial.weight_share);
    out.PutVector(trial.service_share);
    out.PutVector(trial.region_loss);
  }
  return out.Take();
}

std::optional<RunResults> DecodeRunResults(std::string_view bytes) {
  Reader in(bytes);
  RunResults results;
  std::uint32_t magic = 0;
  std::uint8_t partial = 0;
  std::uint64_t trials = 0;
  if (!in.Get(magic) || magic != kMagic || !in.Get(results.first) || !in.Get(results.completed) ||
      !in.Get(partial) || !in.GetVector(results.down_trials) ||
      !in.GetVector(results.down_checkpoints) || !in.GetVector(results.down_checkpoints_sq) ||
      !in.GetVector(results.region_hurt_trials) || !in.Get(trials) ||
      trials != results.completed) {
    return std::nullopt;
  }
  results.partial = partial != 0;
  results.trials.resize(trials);
  for (TrialOutcome& trial : results.trials) {
    if (!in.GetVector(trial.weight_share) || !in.GetVector(trial.service_share) ||
        !in.GetVector(trial.region_loss)) {
      return std::nullopt;
    }
  }
  if (!in.Done()) return std::nullopt;
  return results;
}

RunResults RunTrialsAcrossRanks(const PreparedRun& run, const RunControl& control,
                                const Communicator& world) {
  if (!world.Distributed()) return RunTrials(run, control);
  RunControl local = control;
  local.range = ShardRange(run.settings.trials, static_cast<std::uint32_t>(world.Rank()),
                           static_cast<std::uint32_t>(world.Size()));
  RunResults mine = RunTrials(run, local);
  const std::vector<std::string> gathered = world.GatherToRoot(EncodeRunResults(mine));
  if (world.Rank() != 0) return mine;
  std::vector<RunResults> parts;
  bool interrupted = false;
  for (std::size_t rank = 0; rank < gathered.size(); ++rank) {
    auto part = DecodeRunResults(gathered[rank]);
    if (!part) throw Error(fmt::format("MPI: the results of rank {} are garbled", rank));
    interrupted = interrupted || part->partial;
    parts.push_back(std::move(*part));
  }
  if (interrupted) {
    // Keep the trials before the first gap, as an interrupted local run does.
    std::sort(parts.begin(), parts.end(),
              [](const RunResults& a, const RunResults& b) { return a.first < b.first; });
    std::vector<RunResults> prefix;
    std::uint32_t next = 0;
    for (RunResults& part : parts) {
      if (part.first != next) break;
      next = part.first + part.completed;
      const bool stop = part.partial;
      prefix.push_back(std::move(part));
      if (stop) break;
    }
    parts = std::move(prefix);
  }
  std::string problem;
  auto merged = MergeRuns(std::move(parts), problem);
  if (!merged) throw Error("MPI: the ranks' trials do not fit together: " + problem);
  merged->partial = merged->partial || merged->completed < run.settings.trials;
  return *merged;
}

}  // namespace redoubt
