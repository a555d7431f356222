#!/usr/bin/env bash
# The rip-and-replace plan at national scale (see bench/README.md, "Plan"):
# a generated GB network against data/standards/gb.yaml with the bundled
# illustrative costs; prints the plan's summary (method, deadlines, each
# objective against its lower bound) and the wall time and peak memory.
# Env: REDOUBT_BIN (build/release/redoubt), BENCH_DATA; BENCH_QUICK=1 for a smoke test.
set -euo pipefail
sites=20000
if [[ -n "${BENCH_QUICK:-}" ]]; then sites=2000; fi
root="$(cd "$(dirname "$0")/.." && pwd)"
network="$BENCH_DATA/gb-$sites.json"
[[ -f "$network" ]] || "$REDOUBT_BIN" generate --country GB --sites "$sites" -o "$network" 2>/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "network: GB, $sites cell sites; redoubt plan with data/costs/illustrative.yaml"
status=0
/usr/bin/time -f "wall %e s, peak RSS %M KiB" -o "$work/time" "$REDOUBT_BIN" plan "$network" \
  -s "$root/data/standards/gb.yaml" -c "$root/data/costs/illustrative.yaml" -o "$work/plan.json" \
  >"$work/summary" || status=$?
sed -n '2,5p' "$work/summary"
grep -E '^lateness|needs|budget in' "$work/summary" | head -5
cat "$work/time"
python3 - "$work/plan.json" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
gap = plan["bounds"]["gap"]
print(f"swaps {plan['summary']['swaps']}, method {plan['method']}, deadlines met {plan['summary']['deadlines_met']}, "
      f"gap: lateness {gap['lateness_days']:.3f}, disruption {gap['disruption_weight_hours']:.3f}, cost {gap['cost']:.3f}")
PY
# exit 1 (deadlines slip) is an answer, not a failure of the benchmark
[[ $status -le 1 ]]
