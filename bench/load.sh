#!/usr/bin/env bash
# Load + validate an inventory of N elements and 1.5 N links: redoubt against
# the usual alternative (Python json.load + building a networkx graph).
# Best of 3 runs each; wall time and peak memory from /usr/bin/time.
set -euo pipefail
count=${BENCH_LOAD_ELEMENTS:-1000000}
[[ -n "${BENCH_QUICK:-}" ]] && count=100000
input="$BENCH_DATA/inventory-$count.json"
[[ -f "$input" ]] || /usr/bin/python3 bench/gen_inventory.py "$count" "$input" 1
echo "input: $count elements, $((count * 3 / 2)) links, $(du -m "$input" | cut -f1) MB JSON"

best() {  # best of 3: prints "seconds peak_kb"
  local best_s="" best_kb=0
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o /tmp/redoubt-bench-time "$@" >/dev/null 2>&1
    read -r s kb </tmp/redoubt-bench-time
    if [[ -z "$best_s" ]] || awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; best_kb=$kb; fi
  done
  echo "$best_s $best_kb"
}

read -r t1 m1 < <(best "$REDOUBT_BIN" validate --threads 1 "$input")
read -r t2 m2 < <(best "$REDOUBT_BIN" validate --threads 2 "$input")
read -r tp mp < <(best /usr/bin/python3 -c '
import json, sys, networkx as nx
doc = json.load(open(sys.argv[1]))
g = nx.Graph()
g.add_nodes_from(e["id"] for e in doc["elements"])
g.add_edges_from((l["a"], l["b"]) for l in doc["links"])
print(g.number_of_nodes(), g.number_of_edges())' "$input")
printf '%-44s %8s %10s %8s\n' "tool" "seconds" "peak MB" "ratio"
printf '%-44s %8.2f %10d %8s\n' "redoubt validate --threads 1" "$t1" $((m1 / 1024)) "$(awk "BEGIN{printf \"%.1fx\", $tp/$t1}")"
printf '%-44s %8.2f %10d %8s\n' "redoubt validate --threads 2" "$t2" $((m2 / 1024)) "$(awk "BEGIN{printf \"%.1fx\", $tp/$t2}")"
printf '%-44s %8.2f %10d %8s\n' "python json.load + networkx (no checks)" "$tp" $((mp / 1024)) "1.0x"
echo "ratio = peer seconds / redoubt seconds (higher is better for redoubt)"
