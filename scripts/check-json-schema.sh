#!/usr/bin/env bash
# Validates PlanBridge JSON files against schemas/plan.schema.json with Python's `jsonschema`.
#
#   scripts/check-json-schema.sh [FILE...]     (default: every Fixtures/json/*.plan.json, then
#                                               every Fixtures/diff/*.diff.json and a fresh
#                                               `planbridge diff --format json` against
#                                               schemas/diff.schema.json)
#
# Finds a Python that has jsonschema, in this order: the project venv scripts/.venv; a new venv
# there (python3 -m venv + pip install jsonschema); the system python3; `pip install --user`.
# On Debian, `python3 -m venv` needs the python3-venv package; without it the script falls back
# instead of failing. PLANBRIDGE_SCHEMA_NO_INSTALL=1 skips the steps that download anything.
# Exits 1 when a file is invalid, 2 when no usable Python/jsonschema can be found.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/scripts/.venv"
schema="$root/schemas/plan.schema.json"
no_install="${PLANBRIDGE_SCHEMA_NO_INSTALL:-0}"

has_jsonschema() { "$1" -c 'import jsonschema' >/dev/null 2>&1; }

find_python() {
  if [ -x "$venv/bin/python" ] && has_jsonschema "$venv/bin/python"; then
    echo "$venv/bin/python"; return 0
  fi
  if ! command -v python3 >/dev/null 2>&1; then
    echo "check-json-schema: python3 is not installed (apt-get install python3)" >&2
    return 1
  fi
  if [ "$no_install" != 1 ]; then
    if [ ! -x "$venv/bin/python" ]; then
      if ! python3 -m venv "$venv" >/dev/null 2>&1; then
        echo "check-json-schema: python3 -m venv failed (Debian: apt-get install python3-venv); trying other ways" >&2
        rm -rf "$venv"
      fi
    fi
    if [ -x "$venv/bin/python" ]; then
      "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --retries 1 --timeout 20 jsonschema >&2 || true
      if has_jsonschema "$venv/bin/python"; then echo "$venv/bin/python"; return 0; fi
    fi
  fi
  if has_jsonschema python3; then
    echo "python3"; return 0
  fi
  if [ "$no_install" != 1 ]; then
    python3 -m pip install --user --quiet --disable-pip-version-check --retries 1 --timeout 20 jsonschema >&2 || true
    if has_jsonschema python3; then echo "python3"; return 0; fi
  fi
  echo "check-json-schema: no Python with jsonschema; install python3-venv (then rerun) or python3-jsonschema" >&2
  return 1
}

if [ $# -gt 0 ]; then
  files=("$@")
else
  shopt -s nullglob
  files=("$root"/Fixtures/json/*.plan.json)
  if [ ${#files[@]} -eq 0 ]; then
    echo "check-json-schema: no files given and no Fixtures/json/*.plan.json found" >&2
    exit 2
  fi
fi

python="$(find_python)" || exit 2
# With explicit files only those are checked against plan.schema.json.
if [ $# -gt 0 ]; then
  exec "$python" "$root/scripts/check_json_schema.py" "$schema" "${files[@]}"
fi
status=0
"$python" "$root/scripts/check_json_schema.py" "$schema" "${files[@]}" || status=1

# Diff reports: every JSON golden in Fixtures/diff/ plus one freshly produced report, so a
# renderer change that the goldens have not caught up with still fails here.
diff_schema="$root/schemas/diff.schema.json"
diff_files=("$root"/Fixtures/diff/*.diff.json)
fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT
bin="$root/.build/debug/planbridge"
if [ ! -x "$bin" ]; then
  (cd "$root" && swift build --product planbridge >&2) || { echo "check-json-schema: cannot build planbridge" >&2; exit 2; }
fi
# diff(1) exit status: 1 means "differences", which is expected here; 2 or more is trouble.
rc=0
"$bin" diff --format json "$root/Fixtures/diff/relaunch-baseline.plan.json" \
  "$root/Fixtures/diff/relaunch-current.plan.json" >"$fresh/fresh.diff.json" || rc=$?
if [ "$rc" -gt 1 ]; then
  echo "check-json-schema: planbridge diff failed with status $rc" >&2
  exit 2
fi
diff_files+=("$fresh/fresh.diff.json")
"$python" "$root/scripts/check_json_schema.py" "$diff_schema" "${diff_files[@]}" || status=1

# Validation reports: every fixture (semantic rules) and the clean plan with the DCMA table.
# Status 1 means "findings", expected for the trigger fixtures.
rc=0
"$bin" validate --format json "$root"/Fixtures/validate/*.plan.json >"$fresh/semantics.validate.json" || rc=$?
"$bin" validate --format json --rules dcma "$root/Fixtures/validate/clean.plan.json" >"$fresh/dcma.validate.json" || rc=$(( rc > 1 ? rc : $? ))
if [ "$rc" -gt 1 ]; then
  echo "check-json-schema: planbridge validate failed with status $rc" >&2
  exit 2
fi
"$python" "$root/scripts/check_json_schema.py" "$root/schemas/validate.schema.json" "$fresh/semantics.validate.json" "$fresh/dcma.validate.json" || status=1

# A batch report over every fixture folder: good files, hostile and broken ones (status 1 is
# expected: some fail), a shard, loss items, diagnostics of every kind. Jira CSV output, whose
# writer once trapped on the extreme values fixture (an estimate too long for seconds).
rc=0
"$bin" convert "$root"/Fixtures/mspdi "$root"/Fixtures/jira-csv "$root"/Fixtures/json --out-dir "$fresh/batch" --to jira-csv \
  --jobs 2 --shard 1/1 --report "$fresh/batch.report.json" 2>/dev/null || rc=$?
if [ "$rc" -gt 1 ]; then
  echo "check-json-schema: planbridge convert --out-dir failed with status $rc" >&2
  exit 2
fi
"$python" "$root/scripts/check_json_schema.py" "$root/schemas/batch-report.schema.json" "$fresh/batch.report.json" || status=1
exit "$status"
