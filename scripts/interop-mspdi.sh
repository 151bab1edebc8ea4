#!/usr/bin/env bash
# MSPDI interoperability: every corpus file, every MSPDI fixture PlanBridge wrote, and the PlanBridge
# JSON fixtures first written as MSPDI, are converted with `planbridge convert` (MSPDI → plan →
# MSPDI), then the original and the rewrite are read with
# MPXJ (PyPI `mpxj`, Java via JPype) and compared field by field (scripts/interop_mspdi.py). Each
# rewrite is also checked against schemas/mspdi.xsd with xmllint. Exits 1 on any difference.
#
# Environment: PLANBRIDGE_CORPUS (default ../shared/corpus), PLANBRIDGE_BUILD (debug|release,
# default release), INTEROP_OUT (default a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${PLANBRIDGE_CORPUS:-../shared/corpus}"
configuration="${PLANBRIDGE_BUILD:-release}"

command -v java >/dev/null || { echo "interop-mspdi: java is required (apt-get install openjdk-17-jre-headless)" >&2; exit 2; }
command -v xmllint >/dev/null || { echo "interop-mspdi: xmllint is required (apt-get install libxml2-utils)" >&2; exit 2; }

venv=scripts/.venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import mpxj, jpype" 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check mpxj JPype1
fi

swift build -c "$configuration" --product planbridge >&2
planbridge="$(swift build -c "$configuration" --show-bin-path)/planbridge"

out="${INTEROP_OUT:-$(mktemp -d)}"
mkdir -p "$out/corpus" "$out/fixtures" "$out/from-json" "$out/from-json-rewrite"

inputs=()
if [ -d "$corpus/mspdi" ]; then
  for f in "$corpus"/mspdi/*.xml; do inputs+=("$f"); done
else
  echo "interop-mspdi: corpus folder $corpus/mspdi is missing" >&2
  exit 1
fi
fixtures=(Fixtures/mspdi-write/*.expected.xml)
# Hand-made PlanBridge JSON plans written as MSPDI by PlanBridge: new MSPDI that no tool wrote before.
from_json=()
for f in Fixtures/json/*.plan.json; do
  [ -f "$f" ] || continue
  target="$out/from-json/$(basename "$f" .plan.json).xml"
  if "$planbridge" convert --force "$f" "$target" 2>/dev/null; then from_json+=("$target"); fi
done

status=0
echo "--- corpus: ${#inputs[@]} files ---"
"$venv/bin/python" scripts/interop_mspdi.py "$planbridge" "$out/corpus" "${inputs[@]}" || status=1
echo "--- PlanBridge-written fixtures: ${#fixtures[@]} files ---"
"$venv/bin/python" scripts/interop_mspdi.py "$planbridge" "$out/fixtures" "${fixtures[@]}" || status=1

if [ ${#from_json[@]} -gt 0 ]; then
  echo "--- PlanBridge JSON fixtures written as MSPDI: ${#from_json[@]} files ---"
  "$venv/bin/python" scripts/interop_mspdi.py "$planbridge" "$out/from-json-rewrite" "${from_json[@]}" || status=1
fi

echo "--- rewrites against schemas/mspdi.xsd ---"
invalid=0
for f in "$out"/corpus/*.xml "$out"/fixtures/*.xml "$out"/from-json/*.xml "$out"/from-json-rewrite/*.xml; do
  [ -f "$f" ] || continue
  if ! xmllint --noout --schema schemas/mspdi.xsd "$f" 2>"$out/xmllint.err"; then
    invalid=$((invalid + 1))
    head -5 "$out/xmllint.err"
  fi
done
echo "$invalid rewrites fail schemas/mspdi.xsd"
[ "$invalid" -eq 0 ] || status=1
exit $status
