#!/usr/bin/env python3
"""Independent count of what a Jira CSV export holds, with Python's csv module, compared with what
PlanBridge's reader makes of it.

For each export this counts, from the CSV alone:
  issues      data rows;
  parents     rows whose parent reference (Parent key, else Parent, else Parent id, else Epic Link)
              names another issue of the file, by key or numeric Issue id;
  links       distinct issue links, each normalised to (outward issue, inward issue, link type) so
              that a pair Jira mirrors on both issues counts once; self links left out;
  dependencies  those links of a scheduling type (Blocks, Gantt ...) with both issues in the file;
  estimates   rows with an Original estimate in seconds;
  spent       rows with a Time Spent in seconds, or Log Work cells whose last part is seconds.
and compares them with `planbridge info --format json` (tasks, dependencies) and the PlanBridge
JSON of the same file (tasks with a parent, tasks with work, dependencies plus links kept as
`jira:... issue link (...)[]` extensions).

Usage: check_jira.py PLANBRIDGE_BINARY FILE.csv...    exit 0 when every count agrees.
"""
import csv
import io
import json
import subprocess
import sys

# The header words of the two languages the corpus has (English, Spanish), written here from
# the exports themselves, not taken from PlanBridge's tables.
SUMMARY = {"summary", "resumen"}
KEY = {"issue key", "clave de incidencia", "key"}
ISSUE_ID = {"issue id", "id de la incidencia"}
PARENT_KEY = {"parent key", "clave principal"}
PARENT = {"parent", "principal"}
PARENT_ID = {"parent id"}
EPIC_LINK = {"custom field (epic link)", "campo personalizado (epic link)", "epic link"}
ORIGINAL_ESTIMATE = {"original estimate", "estimación original"}
TIME_SPENT = {"time spent", "tiempo trabajado"}
LOG_WORK = {"log work", "registro de trabajo"}
INWARD = ("inward issue link (", "enlace a la incidencia interna (")
OUTWARD = ("outward issue link (", "enlace de incidencia saliente (")
SCHEDULING = {"blocks", "gantt end to start", "gantt start to start", "gantt end to end", "gantt start to end"}


def columns(header, names):
    return [i for i, h in enumerate(header) if h.strip().lower() in names]


def first(row, indexes):
    for i in indexes:
        if i < len(row) and row[i].strip():
            return row[i].strip()
    return None


def count_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        rows = [r for r in csv.reader(handle) if r != [] and r != [""]]
    header, data = rows[0], rows[1:]
    key_cols, id_cols = columns(header, KEY), columns(header, ISSUE_ID)
    keys, ids = {}, {}
    names = []
    for n, row in enumerate(data):
        key, issue_id = first(row, key_cols), first(row, id_cols)
        name = key or issue_id or f"row-{n + 2}"
        names.append(name)
        if key and key not in keys:
            keys[key] = n
        if issue_id and issue_id not in ids:
            ids[issue_id] = n

    def find(ref):
        if ref.isdigit():
            return ids.get(ref, keys.get(ref))
        return keys.get(ref, ids.get(ref))

    parents = 0
    sources = [columns(header, s) for s in (PARENT_KEY, PARENT, PARENT_ID, EPIC_LINK)]
    for n, row in enumerate(data):
        for cols in sources:
            ref = first(row, cols)
            if ref is not None:
                target = find(ref)
                parents += target is not None and target != n
                break

    links, dependencies = set(), set()
    for n, row in enumerate(data):
        for i, h in enumerate(header):
            lower = h.strip().lower()
            if i >= len(row) or not row[i].strip() or not lower.endswith(")"):
                continue
            prefix = next((p for p in INWARD + OUTWARD if lower.startswith(p)), None)
            if prefix is None:
                continue
            link_type = h.strip()[len(prefix):-1]
            other = find(row[i].strip())
            other_name = names[other] if other is not None else row[i].strip()
            link = (names[n], other_name, link_type) if prefix in OUTWARD else (other_name, names[n], link_type)
            if other == n:
                continue
            links.add(link)
            if other is not None and link_type.lower() in SCHEDULING:
                dependencies.add(link)

    estimate_cols = columns(header, ORIGINAL_ESTIMATE)
    estimates = sum(1 for row in data if (first(row, estimate_cols) or "").isdigit())
    spent_cols, log_cols = columns(header, TIME_SPENT), columns(header, LOG_WORK)

    def has_spent(row):
        if (first(row, spent_cols) or "").isdigit():
            return True
        return any(i < len(row) and row[i].split(";")[-1].strip().isdigit() and int(row[i].split(";")[-1]) > 0
                   for i in log_cols)

    spent = sum(1 for row in data if has_spent(row))
    return {"issues": len(data), "parents": parents, "links": len(links), "dependencies": len(dependencies),
            "estimates": estimates, "spent": spent}


def count_planbridge(binary, path):
    info = json.loads(subprocess.run([binary, "info", "--format", "json", path], check=True,
                                     capture_output=True, text=True).stdout)
    plan = json.loads(subprocess.run([binary, "convert", path, "-", "--to", "json"], check=True,
                                     capture_output=True, text=True).stdout)
    tasks = plan.get("tasks", [])
    kept = 0
    for task in tasks:
        for key, value in task.get("extensions", {}).items():
            if key.startswith(("jira:Inward issue link (", "jira:Outward issue link (")) and key.endswith(")[]"):
                kept += len(next(csv.reader(io.StringIO(value))))
    dependencies = plan.get("dependencies", [])
    return {"issues": info["tasks"]["total"], "parents": sum(1 for t in tasks if "parent" in t),
            "links": len(dependencies) + kept, "dependencies": info["dependencies"]["total"],
            "estimates": sum(1 for t in tasks if "work" in t),
            "spent": sum(1 for t in tasks if "actualWork" in t)}


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, failures = argv[1], 0
    for path in argv[2:]:
        expected, actual = count_csv(path), count_planbridge(binary, path)
        differences = [f"{k}: csv {expected[k]}, planbridge {actual[k]}" for k in expected if expected[k] != actual[k]]
        summary = ", ".join(f"{k} {v}" for k, v in expected.items())
        name = path.rsplit("/", 1)[-1]
        if differences:
            failures += 1
            print(f"FAIL {name}: " + "; ".join(differences))
        else:
            print(f"ok   {name}: {summary}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
