#!/usr/bin/env bash
# Independent check of PlanBridge's Jira CSV reader: for every Jira corpus export
# ($PLANBRIDGE_CORPUS/jira, default ../shared/corpus) and every fixture under Fixtures/jira-csv,
# Python's own csv module counts issues, parents resolved, links and estimates, and
# scripts/check_jira.py compares them with what `planbridge` reads (see that file).
#
#   scripts/check-jira.sh            corpus and fixtures
#   scripts/check-jira.sh FILE...    only those files
#
# The planbridge binary: $PLANBRIDGE_BIN, else the debug build in $PLANBRIDGE_BUILD_PATH (default
# .build), built when missing. Needs only python3 (no packages).
# Exit status: 0 all counts agree, 1 a count differs, 2 no python3 or planbridge.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
command -v python3 >/dev/null 2>&1 || { echo "check-jira: python3 not found" >&2; exit 2; }

binary="${PLANBRIDGE_BIN:-}"
if [ -z "$binary" ]; then
  build="${PLANBRIDGE_BUILD_PATH:-$root/.build}"
  binary="$build/debug/planbridge"
  if [ ! -x "$binary" ]; then
    (cd "$root" && swift build --scratch-path "$build" --product planbridge >&2) || { echo "check-jira: cannot build planbridge" >&2; exit 2; }
  fi
fi

if [ "$#" -gt 0 ]; then
  files=("$@")
else
  corpus="${PLANBRIDGE_CORPUS:-$root/../shared/corpus}"
  case "$corpus" in /*) ;; *) corpus="$root/$corpus" ;; esac
  shopt -s nullglob
  files=()
  for file in "$corpus"/jira/*.csv "$root"/Fixtures/jira-csv/*.csv; do
    case "$file" in *.expected.csv) ;; *) files+=("$file") ;; esac
  done
  [ "${#files[@]}" -gt 0 ] || { echo "check-jira: no Jira CSV files found under $corpus/jira" >&2; exit 1; }
fi

status=0
python3 "$root/scripts/check_jira.py" "$binary" "${files[@]}" || status=$?
exit "$status"
