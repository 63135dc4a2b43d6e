#!/usr/bin/env bash
# Measures one assignment's checks (README.md, "Measuring the checks"): Stryker.NET mutates reference/AN and runs the
# public checks (tests/Homework.Tests, category AN) on every mutant; 'autograder mutants' then grades each survivor with
# every check, public and hidden, through the grader, and writes stryker/results/aN.md.
# Usage: bash stryker/measure.sh a1            (Stryker's Standard level: two to six minutes per assignment on 2 cores,
#                                               plus about 10 s per survivor; writes stryker/results/a1.md)
#        bash stryker/measure.sh a1 complete   (its Complete level, a few more mutants; writes stryker/results/complete/a1.md)
set -euo pipefail
cd "$(dirname "$0")/.."
assignment=${1:-}
level=${2:-standard}
upper=${assignment^^}
if [ ! -f "stryker/$upper.json" ]; then
  echo "usage: bash stryker/measure.sh a1|a2|a3|a4|a5|a6 [standard|complete] (no stryker/$upper.json)" >&2
  exit 2
fi
case "$level" in
  standard) suffix=""; results="stryker/results/$assignment.md"; flags=(); summary=() ;;
  complete) suffix="-complete"; results="stryker/results/complete/$assignment.md"; flags=(--mutation-level Complete); summary=(--complete) ;;
  *) echo "usage: bash stryker/measure.sh $assignment [standard|complete] (not '$level')" >&2; exit 2 ;;
esac

dotnet tool restore >/dev/null
dotnet build Autograder.sln -c Release -nologo -v:q -clp:NoSummary
output="$PWD/stryker/output/$upper$suffix"
rm -rf "$output"
# The public-checks project tests the starter by default; HomeworkProject points it at the reference for Stryker.
(cd reference && HomeworkProject="$PWD/Homework.csproj" dotnet dotnet-stryker -f "../stryker/$upper.json" "${flags[@]}" -O "$output")
dotnet grading/bin/Release/net10.0/autograder.dll mutants --assignment "$assignment" --report "$output/reports/mutation-report.json" --out "$results" "${summary[@]}"
# Stryker left a mutated Homework.dll beside the public-checks project: rebuild it against the starter again.
dotnet build tests/Homework.Tests -c Release -nologo -v:q -clp:NoSummary >/dev/null
