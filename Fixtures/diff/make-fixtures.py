# Writes the diff fixture pairs (PlanBridge JSON). Run from this folder: python3 make-fixtures.py
import copy, json

def d(days): return {"minutes": days * 480, "unit": "days"}
def task(id, name, start, finish, days, parent=None, level=1, kind="task", **extra):
    t = {"id": id, "displayID": int(id), "name": name, "wbs": "", "outlineLevel": level}
    if parent: t["parent"] = parent
    t.update({"kind": kind, "start": start + "T08:00:00", "finish": finish + "T17:00:00", "duration": d(days)})
    t.update(extra)
    return t

week = {day: [{"from": "08:00", "to": "12:00"}, {"from": "13:00", "to": "17:00"}]
        for day in ["monday", "tuesday", "wednesday", "thursday", "friday"]}
week.update({"sunday": [], "saturday": []})
baseline = {
    "format": "planbridge", "version": 1,
    "project": {"name": "Website relaunch", "start": "2024-03-04T08:00:00", "defaultCalendar": "1",
                "conventions": {"minutesPerDay": 480, "minutesPerWeek": 2400, "daysPerMonth": 20}, "scheduleFrom": "start"},
    "calendars": [{"id": "1", "name": "Standard", "week": week,
                   "exceptions": [{"name": "Founders day", "from": "2024-03-29", "to": "2024-03-29"},
                                  {"name": "Offsite", "from": "2024-04-15", "to": "2024-04-15"}]},
                  {"id": "2", "name": "Part time", "baseCalendar": "1", "isBaseCalendar": False, "week": {"friday": []}},
                  {"id": "3", "name": "Old shift", "week": week},
                  {"id": "5", "name": "Linus", "baseCalendar": "1", "isBaseCalendar": False, "resource": "3"}],
    "tasks": [
        task("1", "Design", "2024-03-04", "2024-03-08", 5, kind="summary"),
        task("2", "Wireframes", "2024-03-04", "2024-03-05", 2, "1", 2, notes="Low fidelity"),
        task("3", "Visual design", "2024-03-06", "2024-03-08", 3, "1", 2, percentComplete=20),
        task("4", "Build", "2024-03-11", "2024-03-15", 5, kind="summary"),
        task("5", "Frontend", "2024-03-11", "2024-03-15", 5, "4", 2, work={"minutes": 2400, "unit": "hours"}),
        task("6", "Content migration", "2024-03-11", "2024-03-12", 2, "4", 2, deadline="2024-03-14T17:00:00"),
        task("7", "Legacy redirects", "2024-03-13", "2024-03-13", 1, "4", 2),
        task("10", "Review", "2024-03-08", "2024-03-08", 1, "1", 2),     # two tasks of one name: with new
        task("11", "Review", "2024-03-15", "2024-03-15", 1, "4", 2),     # identities only the parent tells them apart
        task("8", "Launch", "2024-03-15", "2024-03-15", 0, kind="milestone",
             customFields={"Text1": {"text": "green"}}),
    ],
    "resources": [{"id": "1", "name": "Ada", "type": "work", "maxUnits": 1.0},
                  {"id": "2", "name": "Grace", "type": "work", "maxUnits": 1.0},
                  {"id": "3", "name": "Linus", "type": "work"}],
    "assignments": [{"id": "1", "task": "2", "resource": "1", "units": 1.0},
                    {"id": "2", "task": "5", "resource": "2", "units": 1.0, "work": {"minutes": 2400, "unit": "hours"}},
                    {"id": "3", "task": "6", "resource": "3", "units": 1.0},
                    {"id": "5", "task": "6", "resource": "1", "units": 0.5}],
    "dependencies": [{"predecessor": "2", "successor": "3", "type": "FS"},
                     {"predecessor": "3", "successor": "5", "type": "FS"},
                     {"predecessor": "3", "successor": "6", "type": "FS"},
                     {"predecessor": "6", "successor": "7", "type": "FS"},
                     {"predecessor": "5", "successor": "8", "type": "FS"}],
    "customFieldDefinitions": [{"id": "Text1", "name": "Text1", "alias": "Health", "type": "text", "entity": "task"}],
}

current = copy.deepcopy(baseline)
t = {x["id"]: x for x in current["tasks"]}
t["3"]["name"] = "Visual design system"                       # renamed
t["3"]["percentComplete"] = 60                                # percent complete
t["3"]["start"] = "2024-03-07T08:00:00"                       # start slip (1 working day)
t["2"]["notes"] = "Low fidelity, reviewed"                    # notes
t["5"]["finish"] = "2024-03-19T17:00:00"                      # finish slip (2 working days)
t["5"]["duration"] = d(7)                                     # duration
t["5"]["work"] = {"minutes": 3360, "unit": "hours"}           # work
t["6"]["parent"] = "1"                                        # moved under Design
t["6"]["deadline"] = "2024-03-20T17:00:00"                    # deadline
t["6"]["constraint"] = {"type": "SNET", "date": "2024-03-11T08:00:00"}
t["4"]["finish"] = "2024-03-19T17:00:00"
t["4"]["name"] = "Build and test"                             # both summaries renamed: with new identities
t["1"]["name"] = "Design phase"                               # their two "Review"s match by parent and name
t["8"]["start"] = "2024-03-19T17:00:00"; t["8"]["finish"] = "2024-03-19T17:00:00"   # milestone date
t["8"]["customFields"] = {"Text1": {"text": "amber"}}         # custom field
current["tasks"] = [t["1"], t["2"], t["3"], t["10"], t["6"], t["4"], t["5"],
                    task("9", "Accessibility audit", "2024-03-18", "2024-03-19", 2, "4", 2), t["11"], t["8"]]   # 7 removed, 9 added
current["resources"][1]["maxUnits"] = 0.5                     # resource changed
current["resources"].append({"id": "4", "name": "Margaret", "type": "work"})   # resource added
current["resources"] = [r for r in current["resources"] if r["id"] != "3"]    # resource removed (with its assignment)
current["assignments"] = [{"id": "1", "task": "2", "resource": "1", "units": 0.5},   # units changed
                          {"id": "2", "task": "5", "resource": "2", "units": 1.0, "work": {"minutes": 3360, "unit": "hours"}},
                          {"id": "4", "task": "3", "resource": "1", "units": 1.0}]  # assignment added; 6/1 removed
current["dependencies"] = [{"predecessor": "2", "successor": "3", "type": "SS", "lag": {"minutes": 480, "unit": "days"}},  # changed
                           {"predecessor": "3", "successor": "5", "type": "FS"},
                           {"predecessor": "6", "successor": "5", "type": "FS"},   # added
                           {"predecessor": "5", "successor": "8", "type": "FS"}]   # 3->6 removed; 6->7 goes with 7
# Calendars: holidays removed, added and given other hours (and renamed, which is no change of
# working time); weekly hours, base calendar and work weeks changed; a calendar added and one
# removed; Linus's resource calendar leaves with Linus and is not listed again.
current["calendars"][0]["exceptions"] = [{"name": "Easter Monday", "from": "2024-04-01", "to": "2024-04-01"},
                                         {"name": "Offsite (half day)", "from": "2024-04-15", "to": "2024-04-15",
                                          "intervals": [{"from": "08:00", "to": "12:00"}]}]
current["calendars"][1]["week"] = {"friday": [{"from": "08:00", "to": "12:00"}], "wednesday": []}
current["calendars"][1]["baseCalendar"] = "4"
current["calendars"][1]["workWeeks"] = [{"name": "Summer", "from": "2024-07-01", "to": "2024-08-30", "week": {"friday": []}}]
current["calendars"] = [current["calendars"][0], current["calendars"][1],
                        {"id": "4", "name": "Night shift", "week": {"monday": [{"from": "22:00", "to": "24:00"}]}}]

# The same current plan exported by a tool that numbered everything anew (ids shifted by 100).
renumbered = copy.deepcopy(current)
shift = lambda i: str(int(i) + 100)
for x in renumbered["tasks"]:
    x["id"] = shift(x["id"]); x["displayID"] += 50
    if "parent" in x: x["parent"] = shift(x["parent"])
for x in renumbered["dependencies"]:
    x["predecessor"] = shift(x["predecessor"]); x["successor"] = shift(x["successor"])
for x in renumbered["assignments"]:
    x["task"] = shift(x["task"])

for name, plan in [("baseline", baseline), ("current", current), ("renumbered", renumbered), ("unchanged", baseline)]:
    with open(f"relaunch-{name}.plan.json", "w") as f:
        json.dump(plan, f, indent=2)
        f.write("\n")
