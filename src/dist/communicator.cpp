#include "dist/communicator.hpp"

#include <mpi.h>

#include <cstdlib>
#include <limits>
#include <numeric>

#include "core/error.hpp"

namespace redoubt {

namespace {

void Check(int code, const char* what) {
  if (code != MPI_SUCCESS) throw Error(std::string("MPI: ") + what + " failed");
}

void FinalizeAtExit() {
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (finalized == 0) MPI_Finalize();
}

}  // namespace

bool LaunchedByMpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

const Communicator& Communicator::World() {
  static const Communicator world = [] {
    Communicator made;
    if (!LaunchedByMpi()) return made;
    int initialized = 0;
    MPI_Initialized(&initialized);
    if (initialized == 0) {
      Check(MPI_Init(nullptr, nullptr), "MPI_Init");
      std::atexit(FinalizeAtExit);
    }
    made.mpi_ = true;
    Check(MPI_Comm_rank(MPI_COMM_WORLD, &made.rank_), "MPI_Comm_rank");
    Check(MPI_Comm_size(MPI_COMM_WORLD, &made.size_), "MPI_Comm_size");
    return made;
  }();
  return world;
}

std::vector<std::string> Communicator::GatherToRoot(const std::string& bytes) const {
  if (!mpi_ || size_ == 1) return {bytes};
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw Error("MPI: a rank's results exceed 2 GiB; use more ranks or fewer trials per rank");
  }
  const int length = static_cast<int>(bytes.size());
  std::vector<int> lengths(rank_ == 0 ? static_cast<std::size_t>(size_) : 0);
  Check(MPI_Gather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, 0, MPI_COMM_WORLD),
        "MPI_Gather");
  std::vector<int> offsets;
  std::string all;
  if (rank_ == 0) {
    offsets.resize(lengths.size());
    long long total = 0;
    for (std::size_t rank = 0; rank < lengths.size(); ++rank) {
      if (total > std::numeric_limits<int>::max()) {
        throw Error("MPI: the gathered results exceed 2 GiB; use fewer trials per run");
      }
      offsets[rank] = static_cast<int>(total);
      total += lengths[rank];
    }
    all.resize(static_cast<std::size_t>(total));
  }
  Check(MPI_Gatherv(bytes.data(), length, MPI_CHAR, all.data(), lengths.data(), offsets.data(),
                    MPI_CHAR, 0, MPI_COMM_WORLD),
        "MPI_Gatherv");
  std::vector<std::string> out;
  if (rank_ == 0) {
    for (std::size_t rank = 0; rank < lengths.size(); ++rank) {
      out.push_back(all.substr(static_cast<std::size_t>(offsets[rank]),
                               static_cast<std::size_t>(lengths[rank])));
    }
  }
  return out;
}

void Communicator::Abort(int code) const {
  if (mpi_) MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);
}

}  // namespace redoubt
