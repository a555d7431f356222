#!/usr/bin/env bash
# The main job at national scale, against the sum of its parts (bench/README.md,
# "Assess at national scale"). The bundled alliance (six members, thirteen
# networks) is regenerated with every operator's cell sites multiplied by
# ASSESS_SCALE and critical services at national density (generate
# --national-services); then, each on ASSESS_THREADS threads:
#   - `redoubt assess` with ASSESS_TRIALS trials of every bundled scenario;
#   - its parts run alone on the same files: per member, `check` and
#     `check --timeline` against its standard, `expose --standard`, and
#     `simulate` of each scenario at the same trials; then `alliance`.
# It prints CPU, wall and peak memory of each, the output sizes, and the ratio
# of assess's CPU to the sum of the parts (target ≤ 1.3).
# Env: REDOUBT_BIN (build/release/redoubt), BENCH_DATA; ASSESS_SCALE (default
# 10: about 170,000 elements; 33 is the 566,000-element alliance of #14),
# ASSESS_TRIALS (20), ASSESS_THREADS (1); BENCH_QUICK=1 for a smoke test.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scale="${ASSESS_SCALE:-10}"; trials="${ASSESS_TRIALS:-20}"; threads="${ASSESS_THREADS:-1}"
if [[ -n "${BENCH_QUICK:-}" ]]; then scale=1; trials=2; fi
data="$BENCH_DATA/allies-x$scale"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The bundled networks at scale: the regenerate script, through a wrapper that
# multiplies --sites and adds --national-services.
if [[ ! -f "$data/alliance.yaml" ]]; then
  mkdir -p "$data"
  cat >"$work/generate" <<EOF
#!/usr/bin/env bash
args=()
while [[ \$# -gt 0 ]]; do
  if [[ "\$1" == --sites ]]; then args+=(--sites \$((\$2 * $scale))); shift 2; else args+=("\$1"); shift; fi
done
exec "$REDOUBT_BIN" "\${args[@]}" --national-services
EOF
  chmod +x "$work/generate"
  "$root/data/samples/allies/regenerate" "$work/generate" "$data" >/dev/null 2>&1
  # The alliance file, with its standards where the bundled one finds them.
  sed "s#\.\./\.\./standards/#$root/data/standards/#g" "$root/data/samples/allies/alliance.yaml" \
    >"$data/alliance.yaml"
fi

measure() {  # measure NAME COMMAND...: appends "NAME cpu wall rss_kib" to $work/times
  local name="$1"; shift
  /usr/bin/time -f "%U %S %e %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || {
    local rc=$?; [[ $rc -le 1 ]] || { echo "bench: $name failed ($rc):" >&2; cat "$work/err" >&2; exit 1; }; }
  awk -v n="$name" '{printf "%s %.2f %.2f %d\n", n, $1 + $2, $3, $4}' "$work/t" >>"$work/times"
}

scenarios=("$root"/data/scenarios/*.yaml)
elements="$("$REDOUBT_BIN" info "$data"/*.json --format json 2>/dev/null |
  python3 -c 'import json,sys; d=json.load(sys.stdin); print(sum(n["counts"]["elements"] for n in d["networks"]))' 2>/dev/null || echo "?")"
echo "alliance: bundled, cell sites × $scale, national services; $elements elements; $trials trials per scenario; $threads thread(s)"

args=(--threads "$threads" --trials "$trials")
scenario_args=(); for s in "${scenarios[@]}"; do scenario_args+=(--scenario "$s"); done
measure assess "$REDOUBT_BIN" assess "$data/alliance.yaml" -q -o "$work/out" "${args[@]}" "${scenario_args[@]}"
as_of="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["as_of"])' "$work/out/assessment.json")"

# Per member: its standard and networks, from the alliance file.
python3 - "$data/alliance.yaml" >"$work/members" <<'EOF'
import re, sys
for line in open(sys.argv[1]).read().replace("\n     ", " ").splitlines():
    m = re.match(r"\s*- \{code: (\w+),.*standard: ([^,]+), networks: \[([^\]]*)\]", line)
    if m: print(m.group(1), m.group(2).strip(), *[n.strip() for n in m.group(3).split(",")])
EOF
while read -r code standard networks; do
  files=(); for n in $networks; do files+=("$data/$n"); done
  measure "check $code" "$REDOUBT_BIN" check "${files[@]}" -s "$standard" --as-of "$as_of" --threads "$threads" --format json --fail-on never
  measure "timeline $code" "$REDOUBT_BIN" check "${files[@]}" -s "$standard" --as-of "$as_of" --threads "$threads" --timeline --format json --fail-on never
  measure "expose $code" "$REDOUBT_BIN" expose "${files[@]}" --standard "$standard" --as-of "$as_of" --threads "$threads" --format json
  for s in "${scenarios[@]}"; do
    measure "simulate $code $(basename "$s" .yaml)" "$REDOUBT_BIN" simulate "${files[@]}" --scenario "$s" \
      --trials "$trials" --threads "$threads" -q --format json
  done
done <"$work/members"
measure alliance "$REDOUBT_BIN" alliance "$data/alliance.yaml" --as-of "$as_of" --threads "$threads" --format json

printf '%-40s %9s %9s %10s\n' run "CPU s" "wall s" "peak MiB"
awk '{n=$1; for (i=2; i<=NF-3; i++) n=n" "$i; printf "%-40s %9.2f %9.2f %10.0f\n", n, $(NF-2), $(NF-1), $NF/1024}' "$work/times" |
  { read -r first; echo "$first"; sort -k1,1 -s; }
awk 'NR==1 {a=$(NF-2); next} {parts+=$(NF-2)} END {printf "\nassess CPU / sum of the parts: %.2f / %.2f = %.2f (target ≤ 1.3)\n", a, parts, a / parts}' "$work/times"
printf 'outputs: assessment.json %s, report.html %s, sites.geojson %s\n' \
  "$(du -h "$work/out/assessment.json" | cut -f1)" "$(du -h "$work/out/report.html" | cut -f1)" \
  "$(du -h "$work/out/sites.geojson" | cut -f1)"
