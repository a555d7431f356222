// The ranks of an MPI job (Open MPI), or a job of one when redoubt was not
// started by an MPI launcher (DESIGN.md, "Scale": past one machine, trials
// shard across machines).
//
//   const Communicator& world = Communicator::World();
//   if (world.Distributed()) { ... world.GatherToRoot(bytes) ... }
//   if (world.Rank() == 0) WriteOutput(...);
//
// MPI is started only when the environment says a launcher started this
// process (mpirun/mpiexec set OMPI_COMM_WORLD_SIZE, or PMIX_RANK / PMI_RANK
// for other launchers), and then only on first use; a plain `redoubt ...`
// never touches MPI, so the binary works on a machine with no launcher and
// costs nothing there. MPI is finalised at exit. All calls are collective
// where MPI's are, and must be made from one thread.
#pragma once

#include <string>
#include <vector>

namespace redoubt {

class Communicator {
 public:
  // The world of this process: initialises MPI on first call when launched by mpirun.
  [[nodiscard]] static const Communicator& World();

  [[nodiscard]] int Rank() const { return rank_; }
  [[nodiscard]] int Size() const { return size_; }
  [[nodiscard]] bool Distributed() const { return size_ > 1; }

  // Every rank's bytes, in rank order, on rank 0; empty on the other ranks.
  // Collective. Throws Error when MPI fails (the job is then aborted by MPI).
  [[nodiscard]] std::vector<std::string> GatherToRoot(const std::string& bytes) const;

  // Ends every rank of the job with `code` (a rank that cannot go on).
  [[noreturn]] void Abort(int code) const;

 private:
  Communicator() = default;
  int rank_ = 0;
  int size_ = 1;
  bool mpi_ = false;
};

// True when an MPI launcher started this process (see above).
[[nodiscard]] bool LaunchedByMpi();

}  // namespace redoubt
