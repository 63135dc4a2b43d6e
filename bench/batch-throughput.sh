#!/usr/bin/env bash
# Throughput of 'autograder batch' on a class of distinct submissions (each must be built: every student's code differs),
# checks only, A1: 40 % correct, 30 % with a bug, 30 % untouched starters, each with a comment of its own.
# Prints each run's line, then one JSON line last.
#
#   bash bench/batch-throughput.sh [submissions] [jobs...]      # default: 200 submissions, jobs 1 and 2
#
# Builds are cached by content, so each run gets fresh submissions (a new comment); the grader is built first.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-200}
shift || true
jobs=("$@")
[ ${#jobs[@]} -gt 0 ] || jobs=(1 2)
dotnet build grading -c Release -nologo -v:q >/dev/null
grader=(dotnet grading/bin/Release/net10.0/autograder.dll)
sandbox=()
command -v bwrap >/dev/null || sandbox=(--no-sandbox)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

make_class() { # $1: folder, $2: salt
  local folder=$1 salt=$2 i kind src
  for i in $(seq -w 1 "$count"); do
    kind=$((10#$i % 10))
    if [ "$kind" -lt 7 ]; then src=reference; else src=starter; fi
    mkdir -p "$folder/s$i"
    (cd "$src" && find . -name '*.cs' -not -path './bin/*' -not -path './obj/*' -exec cp --parents {} "$folder/s$i/" \;)
    if [ "$kind" -ge 4 ] && [ "$kind" -lt 7 ]; then
      # A transposed dW: the most common A1 bug.
      sed -i 's/var dw = cache.X.T.MatMul(dout);/var dw = dout.T.MatMul(cache.X).T.T;/' "$folder/s$i/A1/Layers.cs"
    fi
    echo "// student s$i, run $salt" >> "$folder/s$i/A1/Layers.cs"
  done
}

results=()
for j in "${jobs[@]}"; do
  make_class "$root/class-$j" "$j-$RANDOM"
  start=$(date +%s%N)
  "${grader[@]}" batch "$root/class-$j" --out "$root/out-$j" --assignment a1 --checks-only -j "$j" "${sandbox[@]}" > "$root/log-$j" 2>&1 || true
  end=$(date +%s%N)
  seconds=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')
  graded=$(($(wc -l < "$root/out-$j/grades.csv") - 1))
  per_minute=$(awk -v n="$graded" -v s="$seconds" 'BEGIN { printf "%.1f", 60 * n / s }')
  echo "jobs $j: $graded submissions in $seconds s ($per_minute per minute); $(tail -1 "$root/log-$j" | cut -c1-160)"
  results+=("{\"jobs\":$j,\"submissions\":$graded,\"seconds\":$seconds,\"per_minute\":$per_minute}")
done
printf '{"case":"batch-throughput","checks":"a1","sandbox":"%s","runs":[%s]}\n' "$([ ${#sandbox[@]} -eq 0 ] && echo bwrap || echo none)" "$(IFS=,; echo "${results[*]}")"
