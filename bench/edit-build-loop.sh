#!/usr/bin/env bash
# The student's edit-build-feedback loop: a one-line change to a starter file, then 'dotnet build starter' until its
# score line; and a build with nothing changed. Prints each timing, then one JSON line last.
#
#   bash bench/edit-build-loop.sh [runs] [--as-is]
#
# By default it runs with the environment a student's machine has: the compiler server and MSBuild node reuse on
# (this repository's sandboxes turn them off with UseSharedCompilation=false, MSBUILDDISABLENODEREUSE=1 and
# DOTNET_CLI_USE_MSBUILD_SERVER=0; --as-is keeps whatever the environment says).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
if [ "${2:-}" != "--as-is" ]; then
  unset UseSharedCompilation MSBUILDDISABLENODEREUSE DOTNET_CLI_USE_MSBUILD_SERVER
fi
file=starter/A1/Layers.cs
backup=$(mktemp)
cp "$file" "$backup"

log=$(mktemp)
seconds() { local start end; start=$(date +%s%N); "$@" >"$log" 2>&1; end=$(date +%s%N); awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }'; }
trap 'cp "$backup" "$file"; rm -f "$backup" "$log"' EXIT
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

dotnet build starter >/dev/null 2>&1 || { echo "dotnet build starter failed; run it by hand to see why." >&2; exit 2; }
changed=(); unchanged=()
for i in $(seq "$runs"); do
  echo "// edit $i" >> "$file"
  t=$(seconds dotnet build starter)
  grep -q "Autograder: " "$log" || { echo "no score line in the build output:" >&2; cat "$log" >&2; exit 1; }
  changed+=("$t")
  t=$(seconds dotnet build starter)
  unchanged+=("$t")
  echo "run $i: one-line change ${changed[-1]} s, nothing changed ${unchanged[-1]} s"
done
printf '{"case":"edit-build-loop","runs":%d,"change_median_s":%.2f,"nochange_median_s":%.2f,"shared_compilation":"%s"}\n' \
  "$runs" "$(median "${changed[@]}")" "$(median "${unchanged[@]}")" "${UseSharedCompilation:-default}"
