#!/usr/bin/env bash
# Scheduling cross-check: every MSPDI corpus file is scheduled by `planbridge schedule` and by
# MPXJ's Microsoft-Project-compatible CPM scheduler (org.mpxj.cpm.MicrosoftScheduler, PyPI `mpxj`
# via JPype), from the same project start; the start and finish each gives every task are
# compared to the minute (scripts/crosscheck_schedule.py). Prints the share that agrees, overall
# and for tasks without progress, and every disagreement with the class it falls in.
#
# Environment: PLANBRIDGE_CORPUS (default ../shared/corpus), PLANBRIDGE_BUILD (debug|release,
# default release), CROSSCHECK_OUT (default a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${PLANBRIDGE_CORPUS:-../shared/corpus}"
configuration="${PLANBRIDGE_BUILD:-release}"

command -v java >/dev/null || { echo "crosscheck-schedule: java is required (apt-get install openjdk-17-jre-headless)" >&2; exit 2; }

venv=scripts/.venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import mpxj, jpype" 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check mpxj JPype1
fi

swift build -c "$configuration" --product planbridge >&2
planbridge="$(swift build -c "$configuration" --show-bin-path)/planbridge"

[ -d "$corpus/mspdi" ] || { echo "crosscheck-schedule: corpus folder $corpus/mspdi is missing" >&2; exit 1; }
out="${CROSSCHECK_OUT:-$(mktemp -d)}"
mkdir -p "$out"
exec "$venv/bin/python" scripts/crosscheck_schedule.py "$planbridge" "$out" "$corpus"/mspdi/*.xml
