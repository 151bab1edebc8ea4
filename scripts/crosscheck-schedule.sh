#!/usr/bin/env bash
# Scheduling cross-check: every MSPDI corpus file and a set of generated plans are scheduled by
# `planbridge schedule` and by MPXJ's Microsoft-Project-compatible CPM scheduler
# (org.mpxj.cpm.MicrosoftScheduler, PyPI `mpxj` via JPype), from the same project start; the start
# and finish each gives every task are compared to the minute (scripts/crosscheck_schedule.py).
# Prints the share that agrees for the corpus, the generated plans and both together, overall and
# for tasks without progress, and every disagreement with the class it falls in.
#
# The generated plans come from `planbridge-bench generate mspdi --unscheduled`: the seeded plans
# of PlanTestSupport's generator, written without the dates the generator guessed for tasks not
# started. With those dates the MSPDI writer would pin each task with a Start No Earlier Than
# constraint on its guessed start, and both schedulers would mostly just repeat the pins; without
# them every such date comes from links, lags, calendars, constraints and resources.
#
# Environment: PLANBRIDGE_CORPUS (default ../shared/corpus), PLANBRIDGE_BUILD (debug|release,
# default release), CROSSCHECK_OUT (default a temporary folder), CROSSCHECK_TASKS (generated plan
# sizes, default 50,200,1000) and CROSSCHECK_SEEDS (generator seeds, default 1,2,3,4,5).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${PLANBRIDGE_CORPUS:-../shared/corpus}"
configuration="${PLANBRIDGE_BUILD:-release}"
tasks="${CROSSCHECK_TASKS:-50,200,1000}"
seeds="${CROSSCHECK_SEEDS:-1,2,3,4,5}"

command -v java >/dev/null || { echo "crosscheck-schedule: java is required (apt-get install openjdk-17-jre-headless)" >&2; exit 2; }

venv=scripts/.venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import mpxj, jpype" 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check mpxj JPype1
fi

swift build -c "$configuration" --product planbridge >&2
swift build -c "$configuration" --product planbridge-bench >&2
bin="$(swift build -c "$configuration" --show-bin-path)"

[ -d "$corpus/mspdi" ] || { echo "crosscheck-schedule: corpus folder $corpus/mspdi is missing" >&2; exit 1; }
out="${CROSSCHECK_OUT:-$(mktemp -d)}"
mkdir -p "$out/generated"
# What the writer reports (pinned dates of started tasks, renamed resources) goes to stderr.
"$bin/planbridge-bench" generate mspdi --tasks "$tasks" --seed "$seeds" --out "$out/generated" --unscheduled >/dev/null
exec "$venv/bin/python" scripts/crosscheck_schedule.py "$bin/planbridge" "$out" \
  --set corpus "$corpus"/mspdi/*.xml \
  --set generated "$out"/generated/generated-*.xml
