"""Schedules MSPDI files with PlanBridge and with MPXJ's MicrosoftScheduler and compares the
dates each gives every task, to the minute.

Usage: crosscheck_schedule.py PLANBRIDGE OUT_DIR INPUT.xml...

For each input: `PLANBRIDGE schedule --force INPUT OUT_DIR/<name>.json` writes PlanBridge's
schedule as PlanBridge JSON; MPXJ reads the same input and schedules it from the project's start
date. Tasks are matched by UID (the project summary task, UID 0, and blank rows are left out).
A task agrees when both its start and its finish agree to the minute. Every disagreement is
printed with its class (see `classify`); the last lines give the shares. Exits 1 when the share
of agreeing tasks without progress is below 100 % or the overall share below 99 %.
"""

import collections
import json
import os
import subprocess
import sys

import jpype
import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

jpype.startJVM()

from java.lang import Exception as JavaException  # noqa: E402
from org.mpxj import TaskMode, ConstraintType  # noqa: E402
from org.mpxj.cpm import MicrosoftScheduler  # noqa: E402
from org.mpxj.reader import UniversalProjectReader  # noqa: E402


def minute(value):
    """`2024-03-04T08:00`, whatever the source wrote (MPXJ omits zero seconds, PlanBridge keeps them)."""
    return None if value is None else str(value)[:16]


def planbridge_schedule(planbridge, path, out_dir):
    target = os.path.join(out_dir, os.path.basename(path) + ".json")
    run = subprocess.run([planbridge, "schedule", "--force", path, target], capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"planbridge schedule exit {run.returncode}: {run.stderr.strip()[:300]}")
    with open(target, encoding="utf-8") as handle:
        plan = json.load(handle)
    return {task["id"]: task for task in plan["tasks"]}, run.stderr


def mpxj_schedule(path):
    project = UniversalProjectReader().read(path)
    start = project.getProjectProperties().getStartDate()
    MicrosoftScheduler().schedule(project, start)
    tasks = {}
    for task in project.getTasks():
        uid = task.getUniqueID()
        if uid is None or int(uid) == 0 or task.getNull():
            continue
        tasks[str(int(uid))] = task
    return tasks


def has_progress(task):
    percent = task.getPercentageComplete()
    return task.getActualStart() is not None or (percent is not None and float(percent.doubleValue()) > 0)


def uses_resource_calendars(task):
    """MPXJ schedules a task that is not fixed-duration and has work assignments by its
    resources' calendars and work; PlanBridge always uses the task's duration on the task's
    calendar."""
    for assignment in task.getResourceAssignments():
        resource = assignment.getResource()
        if resource is not None and str(resource.getType()) == "WORK":
            return str(task.getType()) != "FIXED_DURATION"
    return False


def classify(task, ours):
    if task.getTaskMode() == TaskMode.MANUALLY_SCHEDULED:
        return "manually scheduled"
    if has_progress(task):
        return "progress (actual dates / status date)"
    if task.getSummary():
        return "summary roll-up"
    if uses_resource_calendars(task):
        return "resource calendars / work-driven"
    constraint = task.getConstraintType()
    if constraint is not None and constraint != ConstraintType.AS_SOON_AS_POSSIBLE:
        return f"constraint {constraint}"
    if any(not r.getLag().getDuration() == 0 for r in task.getPredecessors()):
        return "lagged link"
    return "other"


def main():
    planbridge, out_dir, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
    totals = collections.Counter()
    classes = collections.Counter()
    failures = 0
    for path in inputs:
        name = os.path.basename(path)
        try:
            ours, warnings = planbridge_schedule(planbridge, path, out_dir)
        except Exception as error:  # noqa: BLE001 - report and go on with the next file
            print(f"{name}: PlanBridge failed: {error}")
            failures += 1
            continue
        try:
            theirs = mpxj_schedule(path)
        except JavaException as error:
            print(f"{name}: MPXJ refused to schedule it: {error}")
            totals["files MPXJ refused"] += 1
            continue
        agree = compared = 0
        lines = []
        for uid, task in theirs.items():
            if not task.getActive():
                continue
            mine = ours.get(uid)
            if mine is None:
                lines.append(f"  {uid} {task.getName()}: missing from PlanBridge's output")
                continue
            progress = has_progress(task)
            same = minute(mine.get("start")) == minute(task.getStart()) and minute(mine.get("finish")) == minute(task.getFinish())
            compared += 1
            totals["tasks"] += 1
            totals["tasks with progress" if progress else "tasks without progress"] += 1
            if same:
                agree += 1
                totals["agree"] += 1
                totals["agree with progress" if progress else "agree without progress"] += 1
            else:
                kind = classify(task, mine)
                classes[kind] += 1
                lines.append(
                    f"  {uid} {task.getName()!s:.40}: PlanBridge {minute(mine.get('start'))} .. {minute(mine.get('finish'))}, "
                    f"MPXJ {minute(task.getStart())} .. {minute(task.getFinish())} [{kind}]")
        print(f"{name}: {agree}/{compared} tasks agree")
        for line in lines:
            print(line)

    def share(part, whole):
        return f"{part}/{whole} = {100.0 * part / whole:.2f} %" if whole else "0/0"

    print()
    print("tasks agreeing to the minute (start and finish):")
    print(f"  overall:            {share(totals['agree'], totals['tasks'])}")
    print(f"  without progress:   {share(totals['agree without progress'], totals['tasks without progress'])}")
    print(f"  with progress:      {share(totals['agree with progress'], totals['tasks with progress'])}")
    if totals["files MPXJ refused"]:
        print(f"  files MPXJ refused:  {totals['files MPXJ refused']}")
    if failures:
        print(f"  files PlanBridge could not schedule: {failures}")
    if classes:
        print("disagreements by class:")
        for kind, count in classes.most_common():
            print(f"  {count:5d}  {kind}")
    ok = (failures == 0 and totals["tasks"] > 0
          and totals["agree without progress"] == totals["tasks without progress"]
          and totals["agree"] * 100 >= 99 * totals["tasks"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
