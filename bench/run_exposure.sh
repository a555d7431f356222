#!/usr/bin/env bash
# Times `redoubt expose` end to end (load + analysis + JSON) on synthetic
# networks of 10^4, 10^5 and 10^6 elements (one service per 10 elements),
# then compares disjoint-path counting with networkx on the 10^4 network:
# single pairs and all services, same inputs, same run, with the ratio.
#
#   bench/run_exposure.sh [BUILD_DIR] [WORK_DIR]     (default build/release, a temp dir)
#
# Needs a Release build with the bench targets (make release) and
# /usr/bin/python3 with networkx. Set SIZES="10000 100000" to skip the largest.
set -euo pipefail
build=${1:-build/release}
work=${2:-$(mktemp -d)}
sizes=${SIZES:-"10000 100000 1000000"}
mkdir -p "$work"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; load $(cut -d' ' -f1-3 /proc/loadavg)"
for size in $sizes; do
  services=$((size / 10))
  "$build/bench/make_network" "$size" "$services" 1 "$work/net-$size.json" >/dev/null
  "$build/redoubt" info "$work/net-$size.json" | sed -n 2p
  /usr/bin/time -f "  expose $size: %e s wall, %U s user, %M KB peak" \
    "$build/redoubt" expose --no-bundled-vendors --format json "$work/net-$size.json" >"$work/exposure-$size.json"
  echo "  output $(du -h "$work/exposure-$size.json" | cut -f1), $(sha256sum "$work/exposure-$size.json" | cut -c1-16)"
done
echo "disjoint paths vs networkx (10^4 network, 200 pairs, 50 services to all AMFs):"
[[ -f "$work/net-10000.json" ]] || "$build/bench/make_network" 10000 1000 1 "$work/net-10000.json" >/dev/null
"$build/bench/flow_compare" "$work/net-10000.json" "$work/queries.txt" 200 50 >"$work/ours.json"
/usr/bin/python3 "$(dirname "$0")/flow_compare.py" "$work/queries.txt" "$work/ours.json"
