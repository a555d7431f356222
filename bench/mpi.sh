#!/usr/bin/env bash
# Trials over Open MPI ranks against threads in one process (see bench/README.md,
# "Simulation over MPI ranks"): the bundled kill-switch scenario on the generated
# 1,000,000-element network, 1,000 trials, as
#   1 process, 1 thread;  1 process, 2 threads;  2 ranks (mpirun), 1 thread each.
# Prints each run's JSON line and the scaling efficiency (speed-up / workers) of the
# trial phase and of the whole job (each rank builds and prepares the network itself).
# Env: REDOUBT_BIN (build/release/redoubt); BENCH_TRIALS (1000); BENCH_QUICK=1 for a
# smoke test (100,000 elements, 50 trials).
set -euo pipefail
bench_bin="$(dirname "$REDOUBT_BIN")/bench/bench_sim"
[[ -x "$bench_bin" ]] || { echo "mpi.sh: no $bench_bin (build the release tree)" >&2; exit 2; }
command -v mpirun >/dev/null || { echo "mpi.sh: no mpirun (scripts/setup installs openmpi-bin)" >&2; exit 2; }
elements=1000000; trials="${BENCH_TRIALS:-1000}"
if [[ -n "${BENCH_QUICK:-}" ]]; then elements=100000; trials=50; fi
scenario=data/scenarios/vendor-kill-switch.yaml
mpirun_args=(--oversubscribe)
[[ $(id -u) -eq 0 ]] && mpirun_args+=(--allow-run-as-root)

timed() { /usr/bin/time -f "%e" "$@" 2>/tmp/mpi-bench-time.$$ ; }
field() { /usr/bin/python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
run() {  # label, command...: prints the JSON line and "label run_seconds wall_seconds"
  local label=$1; shift
  local line wall
  line=$(timed "$@" | tail -1)
  wall=$(tail -1 /tmp/mpi-bench-time.$$)
  echo "$label: $line, wall $wall s" >&2
  echo "$(field "$line" run_seconds) $wall $(field "$line" mean_loss_hours)"
}
echo "kill-switch, $elements elements, $trials trials"
read -r t1 w1 l1 < <(run "1 process, 1 thread " "$bench_bin" scenario $elements $scenario $trials 1)
read -r t2 w2 l2 < <(run "1 process, 2 threads" "$bench_bin" scenario $elements $scenario $trials 2)
read -r m2 v2 k2 < <(run "2 ranks, 1 thread each" mpirun "${mpirun_args[@]}" -np 2 "$bench_bin" scenario $elements $scenario $trials 1)
rm -f /tmp/mpi-bench-time.$$
eff() { awk "BEGIN{printf \"%.0f%%\", 100 * $1 / ($2 * 2)}"; }
printf '%-24s %12s %12s %16s %16s\n' "run" "trials (s)" "wall (s)" "trials eff." "wall eff."
printf '%-24s %12.1f %12.1f %16s %16s\n' "1 process, 1 thread" "$t1" "$w1" "-" "-"
printf '%-24s %12.1f %12.1f %16s %16s\n' "1 process, 2 threads" "$t2" "$w2" "$(eff "$t1" "$t2")" "$(eff "$w1" "$w2")"
printf '%-24s %12.1f %12.1f %16s %16s\n' "2 ranks (mpirun)" "$m2" "$v2" "$(eff "$t1" "$m2")" "$(eff "$w1" "$v2")"
if [[ "$l1" == "$l2" && "$l1" == "$k2" ]]; then
  echo "mean loss identical in all three: $l1 level-hours"
else
  echo "MISMATCH: mean loss $l1 / $l2 / $k2" >&2; exit 1
fi
