#!/usr/bin/env bash
# Independent checks of PlanBridge's iCalendar reader and writer with Python's `icalendar`.
#
#   scripts/check-ics.sh            full run (what .ci/run does):
#     1. every corpus .ics file ($PLANBRIDGE_CORPUS/ical) is read by `planbridge` without error,
#        and its task count equals Python icalendar's count of VEVENTs + VTODOs;
#     2. every MSPDI corpus file, every Jira corpus file (when a Jira reader is registered) and
#        every Fixtures/json plan is converted to .ics in four styles (milestones; + tasks;
#        + to-dos in UTC; + to-dos with TZID and VTIMEZONE), and every output passes
#        `check_ics.py verify` (strict parse + octet-level rules, see that file);
#     3. the Swift interop test writes generated plans and the writer goldens through the same
#        verify step (PLANBRIDGE_ICS_SKIP_SWIFT=1 skips it).
#   scripts/check-ics.sh FILE...    only `verify` those files.
#
# Python: the project venv scripts/.venv, created and given `icalendar` when missing
# (PLANBRIDGE_ICS_NO_INSTALL=1 forbids downloading). The planbridge binary: $PLANBRIDGE_BIN, else
# the debug build in $PLANBRIDGE_BUILD_PATH (default .build), built when missing.
# Exit status: 0 all good, 1 a check failed, 2 no usable Python/icalendar or planbridge.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/scripts/.venv"
checker="$root/scripts/check_ics.py"

has_icalendar() { "$1" -c 'import icalendar' >/dev/null 2>&1; }

find_python() {
  if [ -x "$venv/bin/python" ] && has_icalendar "$venv/bin/python"; then echo "$venv/bin/python"; return 0; fi
  if [ "${PLANBRIDGE_ICS_NO_INSTALL:-0}" != 1 ] && command -v python3 >/dev/null 2>&1; then
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv" >&2 || true
    if [ -x "$venv/bin/python" ]; then
      "$venv/bin/python" -m pip install --quiet --disable-pip-version-check icalendar >&2 || true
      if has_icalendar "$venv/bin/python"; then echo "$venv/bin/python"; return 0; fi
    fi
  fi
  if command -v python3 >/dev/null 2>&1 && has_icalendar python3; then echo python3; return 0; fi
  echo "check-ics: no Python with the icalendar package (pip install icalendar)" >&2
  return 1
}

python="$(find_python)" || exit 2

if [ $# -gt 0 ]; then
  exec "$python" "$checker" verify "$@"
fi

build_path="${PLANBRIDGE_BUILD_PATH:-$root/.build}"
bin="${PLANBRIDGE_BIN:-$build_path/debug/planbridge}"
if [ ! -x "$bin" ]; then
  (cd "$root" && swift build --scratch-path "$build_path" --product planbridge >&2)
fi
[ -x "$bin" ] || { echo "check-ics: no planbridge binary at $bin" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1767225600
status=0
corpus="${PLANBRIDGE_CORPUS:-$root/../shared/corpus}"
case "$corpus" in /*) ;; *) corpus="$root/$corpus" ;; esac

echo "== corpus .ics files: planbridge task count vs Python icalendar's VEVENT + VTODO count"
ical_files=("$corpus"/ical/*.ics)
if [ ! -e "${ical_files[0]}" ]; then
  echo "check-ics: no corpus files in $corpus/ical" >&2
  status=1
else
  "$python" "$checker" count "${ical_files[@]}" > "$work/counts.json"
  for file in "${ical_files[@]}"; do
    name="$(basename "$file")"
    if ! "$bin" convert "$file" "$work/$name.json" --to json 2> "$work/$name.err"; then
      echo "FAIL $name: planbridge could not read it"; cat "$work/$name.err"; status=1; continue
    fi
    "$python" - "$work/counts.json" "$file" "$work/$name.json" <<'PY' || status=1
import json, sys
counts = json.load(open(sys.argv[1]))[sys.argv[2]]
tasks = len(json.load(open(sys.argv[3]))["tasks"])
expected = counts["VEVENT"] + counts["VTODO"]
name = sys.argv[2].rsplit("/", 1)[-1]
verdict = "ok  " if tasks == expected else "FAIL"
print(f"{verdict} {name}: {tasks} tasks; icalendar: {counts['VEVENT']} VEVENT + {counts['VTODO']} VTODO")
sys.exit(0 if tasks == expected else 1)
PY
  done
fi

echo "== writing .ics from MSPDI, Jira and PlanBridge JSON inputs"
inputs=()
for f in "$corpus"/mspdi/*.xml "$root"/Fixtures/json/*.plan.json; do [ -e "$f" ] && inputs+=("$f"); done
if "$bin" formats 2>/dev/null | grep -qi jira; then
  for f in "$corpus"/jira/*.csv; do [ -e "$f" ] && inputs+=("$f"); done
fi
written=()
for input in "${inputs[@]}"; do
  base="$(basename "$input")"
  n=0
  for style in "" "--ics-tasks" "--ics-tasks --ics-todos --ics-timed utc" "--ics-tasks --ics-todos --ics-timed local --ics-timezone Europe/Berlin"; do
    n=$((n + 1))
    out="$work/out/$base.$n.ics"
    mkdir -p "$work/out"
    # shellcheck disable=SC2086
    if "$bin" convert "$input" "$out" --to ics $style 2> "$work/convert.err"; then
      written+=("$out")
    elif grep -q "error:" "$work/convert.err" && ! grep -q "\[ics\." "$work/convert.err"; then
      : # the input itself could not be read (another format's problem), not the writer's
    else
      echo "FAIL writing $base ($style)"; cat "$work/convert.err"; status=1
    fi
  done
done
echo "wrote ${#written[@]} files from ${#inputs[@]} inputs"
"$python" "$checker" verify "${written[@]}" || status=1

if [ "${PLANBRIDGE_ICS_SKIP_SWIFT:-0}" != 1 ]; then
  echo "== generated plans and goldens (swift test --filter ICalendarInteropTests)"
  (cd "$root" && PLANBRIDGE_ICS_CHECKER_REQUIRED=1 swift test --scratch-path "$build_path" --filter ICalendarInteropTests 2>&1 | tail -5) || status=1
fi

exit $status
