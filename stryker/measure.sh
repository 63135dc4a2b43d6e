#!/usr/bin/env bash
# Measures one assignment's checks (README.md, "Measuring the checks"): Stryker.NET mutates reference/AN and runs the
# public checks (tests/Homework.Tests, category AN) on every mutant; 'autograder mutants' then grades each survivor with
# every check, public and hidden, through the grader, and writes stryker/results/aN.md.
# Usage: bash stryker/measure.sh a1      (two to six minutes per assignment on 2 cores, plus about 10 s per survivor)
set -euo pipefail
cd "$(dirname "$0")/.."
assignment=${1:-}
upper=${assignment^^}
if [ ! -f "stryker/$upper.json" ]; then
  echo "usage: bash stryker/measure.sh a1|a2|a3|a4|a5|a6 (no stryker/$upper.json)" >&2
  exit 2
fi

dotnet tool restore >/dev/null
dotnet build Autograder.sln -c Release -nologo -v:q -clp:NoSummary
output="$PWD/stryker/output/$upper"
rm -rf "$output"
# The public-checks project tests the starter by default; HomeworkProject points it at the reference for Stryker.
(cd reference && HomeworkProject="$PWD/Homework.csproj" dotnet dotnet-stryker -f "../stryker/$upper.json" -O "$output")
dotnet grading/bin/Release/net10.0/autograder.dll mutants --assignment "$assignment" --report "$output/reports/mutation-report.json"
# Stryker left a mutated Homework.dll beside the public-checks project: rebuild it against the starter again.
dotnet build tests/Homework.Tests -c Release -nologo -v:q -clp:NoSummary >/dev/null
