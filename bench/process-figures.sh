#!/usr/bin/env bash
# Wall time and peak memory (maximum resident set, GNU time's %M) of the Release compose-ecs process, whole runs
# including .NET start-up: `config` (the docker-compose-style loader: read, interpolate, merge, normalise, validate,
# write YAML) beside `convert -o DIR` (the same load, then transform and write the templates), on the generated 300-
# and 1,000-service projects and on the issue #14 reproducers grown to about 1 MB. Median time and largest peak of
# three runs (RUNS=n for more); CPU time is user + system of the whole process. Usage: bench/process-figures.sh [generated|hostile|all]   (prints Markdown table rows)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
which=${1:-all}
dotnet build -c Release "$root/bench/ComposeEcs.Benchmarks" -v q --nologo >/dev/null
cli="$root/src/ComposeEcs.Cli/bin/Release/net10.0/compose-ecs.dll"
bench="$root/bench/ComposeEcs.Benchmarks/bin/Release/net10.0/ComposeEcs.Benchmarks.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure LABEL DIR ARGS...: one table row "| label | args | exit | median s | peak MB |"
measure() {
  local label=$1 dir=$2
  shift 2
  local times=() cpus=() peak=0 code=0
  for _ in $(seq "${RUNS:-3}"); do
    rm -rf "$work/out.d"
    code=0
    (cd "$dir" && /usr/bin/time -f '%e %U %S %M' -o "$work/time" dotnet "$cli" "$@" >"$work/stdout" 2>"$work/stderr") || code=$?
    read -r seconds user system kilobytes < <(tail -n 1 "$work/time")
    times+=("$seconds")
    cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')")
    ((kilobytes > peak)) && peak=$kilobytes
  done
  local middle=$(((${#times[@]} + 1) / 2)) input
  input=$(find "$dir" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1000 }')
  printf '| %s | %s KB | `%s` | %s | %s s | %s s | %s MB |\n' "$label" "$input" "${*//$work\//}" "$code" \
    "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "${middle}p")" "$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "${middle}p")" "$((peak / 1024))"
}

echo '| Input | Size | Command | Exit | Wall time | CPU time | Peak memory |'
echo '|---|---:|---|---:|---:|---:|---:|'
if [[ $which == generated || $which == all ]]; then
  mkdir -p "$work/empty" && printf 'services:\n  web:\n    image: nginx\n' >"$work/empty/compose.yaml"
  measure "one service (start-up)" "$work/empty" config
  measure "one service (start-up)" "$work/empty" convert
  for n in 300 1000; do
    dotnet "$bench" generate "$work/g$n" "$n" >/dev/null
    measure "$n services" "$work/g$n" config
    measure "$n services" "$work/g$n" convert -o "$work/out.d"
  done
fi
if [[ $which == hostile || $which == all ]]; then
  dotnet "$bench" hostile "$work/hostile" >/dev/null
  for dir in "$work"/hostile/*/; do
    name=$(basename "$dir")
    measure "$name" "$dir" config
    measure "$name" "$dir" convert -o "$work/out.d"
    head -c 300 "$work/stderr" | head -n 1 | sed 's/^/    stderr: /' >&2
  done
fi
