#!/usr/bin/env bash
# CPU per trial of every bundled scenario on one national network (see
# bench/README.md, "CPU per trial by scenario"): a generated GB network of
# 80,000 cell sites (about 168,000 elements), each scenario run on one thread
# at two trial counts, so that loading and preparation cancel out:
#   per trial = (CPU at 120 trials − CPU at 20 trials) / 100,
# printed with its ratio to the vendor kill-switch's (target ≤ 3×).
# Env: REDOUBT_BIN (build/release/redoubt), BENCH_DATA; BENCH_QUICK=1 for a smoke test.
set -euo pipefail
sites=80000; low=20; high=120
if [[ -n "${BENCH_QUICK:-}" ]]; then sites=5000; low=4; high=24; fi
scenarios="$(cd "$(dirname "$0")/../data/scenarios" && pwd)"
network="$BENCH_DATA/gb-$sites.json"
[[ -f "$network" ]] || "$REDOUBT_BIN" generate --country GB --sites "$sites" -o "$network" 2>/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cpu() {  # CPU seconds (user + system) of one run of scenario $1 at $2 trials
  sed "s/^trials: .*/trials: $2/" "$scenarios/$1.yaml" >"$work/s.yaml"
  /usr/bin/time -f "%U %S" -o "$work/time" "$REDOUBT_BIN" simulate "$network" \
    --scenario "$work/s.yaml" --threads 1 -q --format json -o /dev/null
  awk '{print $1 + $2}' "$work/time"
}

echo "network: GB, $sites cell sites; CPU per trial on 1 thread = (CPU at $high − CPU at $low trials) / $((high - low))"
declare -A per_trial
for path in "$scenarios"/*.yaml; do
  name="$(basename "$path" .yaml)"
  a="$(cpu "$name" "$low")"
  b="$(cpu "$name" "$high")"
  per_trial[$name]="$(awk -v a="$a" -v b="$b" -v n=$((high - low)) 'BEGIN {printf "%.2f", 1000 * (b - a) / n}')"
done
base="${per_trial[vendor-kill-switch]}"
printf '%-22s %14s %16s\n' scenario "ms per trial" "× kill-switch"
for name in $(printf '%s\n' "${!per_trial[@]}" | sort); do
  printf '%-22s %14s %16s\n' "$name" "${per_trial[$name]}" \
    "$(awk -v x="${per_trial[$name]}" -v b="$base" 'BEGIN {printf (b > 0 ? "%.1f" : "-"), x / b}')"
done
