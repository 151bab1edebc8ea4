#!/usr/bin/env python3
"""Writes the validation fixtures: clean.plan.json, a small release plan that no rule objects to,
and one <rule>.plan.json per rule, each the clean plan with the one change that rule must find.
Run it from anywhere; it writes beside itself. The goldens (*.expected.txt) are recorded by the
tests (PLANBRIDGE_RECORD=1 swift test --filter ValidationFixtureTests)."""

import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def task(id, name, level, kind, start, finish, minutes, parent="1", **extra):
    t = {"id": id, "name": name, "outlineLevel": level, "kind": kind, "start": start, "finish": finish,
         "duration": {"minutes": minutes, "unit": "days"}}
    if parent and level > 1:
        t["parent"] = parent
    t.update(extra)
    return t


def link(p, s, type="FS", **extra):
    return dict({"predecessor": p, "successor": s, "type": type}, **extra)


def week(hours):
    days = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    return {d: ([{"from": "08:00", "to": "12:00"}, {"from": "13:00", "to": "17:00"}] if hours and d not in ("sunday", "saturday") else []) for d in days}


CLEAN = {
    "format": "planbridge", "version": 1,
    "project": {"name": "Release 4.2", "start": "2024-03-04T08:00:00", "finish": "2024-03-15T17:00:00",
                "statusDate": "2024-03-06T17:00:00",
                "conventions": {"minutesPerDay": 480, "minutesPerWeek": 2400, "daysPerMonth": 20}, "scheduleFrom": "start"},
    "calendars": [],
    "tasks": [
        task("1", "Release", 1, "summary", "2024-03-04T08:00:00", "2024-03-15T17:00:00", 4800, parent=None),
        task("2", "Kick-off", 2, "milestone", "2024-03-04T08:00:00", "2024-03-04T08:00:00", 0),
        task("3", "Build", 2, "task", "2024-03-04T08:00:00", "2024-03-08T17:00:00", 2400,
             percentComplete=40, actualStart="2024-03-04T08:00:00"),
        task("4", "Test", 2, "task", "2024-03-11T08:00:00", "2024-03-15T17:00:00", 2400),
        task("5", "Go-live", 2, "milestone", "2024-03-15T17:00:00", "2024-03-15T17:00:00", 0),
    ],
    "resources": [{"id": "r1", "name": "Ada", "type": "work"}],
    "assignments": [{"id": "a1", "task": "3", "resource": "r1", "work": {"minutes": 2400, "unit": "hours"}}],
    "dependencies": [link("2", "3"), link("3", "4"), link("4", "5")],
    "customFieldDefinitions": [], "extensions": {},
}


def tasks(plan):
    return {t["id"]: t for t in plan["tasks"]}


def mutate(name, change):
    plan = copy.deepcopy(CLEAN)
    change(plan)
    return name, plan


def signoff(plan):
    plan["tasks"].append(task("6", "Sign-off", 1, "milestone", "2024-03-15T17:00:00", "2024-03-15T17:00:00", 0, parent=None))
    plan["dependencies"].append(link("1", "6"))


CASES = [
    mutate("duplicate-id", lambda p: p["resources"].append({"id": "r1", "name": "Ada (copy)", "type": "work"})),
    mutate("dangling-reference", lambda p: p["dependencies"].append(link("4", "99"))),
    mutate("dependency-cycle", lambda p: p["dependencies"].append(link("4", "3"))),
    mutate("finish-before-start", lambda p: tasks(p)["4"].update(finish="2024-03-08T17:00:00")),
    mutate("milestone-with-duration", lambda p: tasks(p)["5"].update(duration={"minutes": 480, "unit": "days"})),
    mutate("summary-with-links", signoff),
    mutate("summary-with-assignments", lambda p: p["assignments"].append({"id": "a2", "task": "1", "resource": "r1"})),
    mutate("outline-jump", lambda p: tasks(p)["4"].update(outlineLevel=4)),
    mutate("percent-out-of-range", lambda p: tasks(p)["3"].update(percentComplete=140)),
    mutate("percent-inconsistent", lambda p: tasks(p)["4"].update(percentComplete=100)),
    mutate("actual-after-status-date", lambda p: tasks(p)["3"].update(actualStart="2024-03-07T08:00:00")),
    mutate("outside-project", lambda p: tasks(p)["4"].update(finish="2024-03-19T17:00:00")),
    mutate("constraint-contradiction", lambda p: tasks(p)["4"].update(constraint={"type": "MSO", "date": "2024-03-05T08:00:00"})),
    mutate("non-work-resource-work", lambda p: (
        p["resources"].append({"id": "r2", "name": "Cables", "type": "material"}),
        p["assignments"].append({"id": "a2", "task": "4", "resource": "r2", "work": {"minutes": 480, "unit": "hours"}}))),
    mutate("calendar-no-working-time", lambda p: p["calendars"].append({"id": "c0", "name": "Closed", "week": week(False)})),
    mutate("calendar-structure", lambda p: p["calendars"].extend([
        {"id": "c1", "name": "Site A", "baseCalendar": "c2", "week": week(True)},
        {"id": "c2", "name": "Site B", "baseCalendar": "c1", "week": week(True)}])),
]


def write(name, plan):
    with open(os.path.join(HERE, name + ".plan.json"), "w", encoding="utf-8") as out:
        json.dump(plan, out, indent=2, ensure_ascii=False)
        out.write("\n")


write("clean", CLEAN)
for name, plan in CASES:
    write(name, plan)


# Structural damage to an MSPDI file PlanBridge wrote (a writer golden): one misspelt element
# and one value of the wrong type, each on a known line, for the schema layer of `validate`.
def damage(name, element, before, after):
    source = os.path.join(HERE, "..", "mspdi-write", "links-and-lags.expected.xml")
    with open(source, encoding="utf-8") as f:
        lines = f.read().split("\n")
    tasks = next(i for i, line in enumerate(lines) if "<Tasks>" in line)
    second = [i for i, line in enumerate(lines) if "<Task>" in line and i > tasks][1]
    at = next(i for i, line in enumerate(lines) if f"<{element}>" in line and i > second)
    lines[at] = lines[at].replace(before, after)
    with open(os.path.join(HERE, name + ".xml"), "w", encoding="utf-8") as out:
        out.write("\n".join(lines))


damage("damaged-misspelt-element", "Name", "Name>", "Nmae>")
damage("damaged-wrong-type", "Active", "<Active>1</Active>", "<Active>maybe</Active>")
