"""Reads MSPDI files and PlanBridge's rewrite of them with MPXJ, an independent MSPDI reader, and
compares what MPXJ sees field by field.

Usage: interop_mspdi.py PLANBRIDGE OUT_DIR INPUT.xml...

For each input, `PLANBRIDGE convert --force --no-schedule INPUT OUT_DIR/<name>` writes the rewrite
(never scheduled: the check is about fidelity); both files
are read with MPXJ's UniversalProjectReader and compared. Prints one line per file with its score
(fields that agree / fields compared) and every mismatch; exits 1 when anything differs or a file
cannot be converted or read.
"""

import os
import subprocess
import sys

import jpype
import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

jpype.startJVM()

from java.lang import Exception as JavaException  # noqa: E402
from org.mpxj import TimeUnit  # noqa: E402
from org.mpxj.reader import UniversalProjectReader  # noqa: E402


def text(value):
    return None if value is None else str(value)


def hours(duration, properties):
    """A duration in hours, to the whole minute. The unit shown is not compared, the length is; and
    PlanBridge's model keeps whole minutes (DESIGN.md), so MS Project's seconds (PT57H8M34S) are
    compared after rounding to the minute, the one normalisation this comparison makes."""
    if duration is None:
        return None
    converted = duration.convertUnits(TimeUnit.HOURS, properties)
    return round(round(float(converted.getDuration()) * 60) / 60, 4)


def number(value, digits=4):
    return None if value is None else round(float(value.doubleValue()), digits)


def read(path):
    project = UniversalProjectReader().read(path)
    if project is None:
        raise RuntimeError(f"MPXJ does not recognise {path}")
    return project


def facts(project):
    """Everything compared, as a flat dict of field name -> value."""
    properties = project.getProjectProperties()
    out = {
        "project.start": text(properties.getStartDate()),
        "project.finish": text(properties.getFinishDate()),
        "project.minutesPerDay": text(properties.getMinutesPerDay()),
    }
    for task in project.getTasks():
        uid = task.getUniqueID()
        key = f"task[{uid}]"
        parent = task.getParentTask()
        out[f"{key}.name"] = text(task.getName())
        out[f"{key}.outlineLevel"] = text(task.getOutlineLevel())
        out[f"{key}.parent"] = None if parent is None else text(parent.getUniqueID())
        out[f"{key}.start"] = text(task.getStart())
        out[f"{key}.finish"] = text(task.getFinish())
        out[f"{key}.durationHours"] = hours(task.getDuration(), properties)
        out[f"{key}.milestone"] = bool(task.getMilestone())
        out[f"{key}.summary"] = bool(task.getSummary())
        out[f"{key}.percentComplete"] = number(task.getPercentageComplete(), 2)
        out[f"{key}.constraintType"] = text(task.getConstraintType())
        out[f"{key}.constraintDate"] = text(task.getConstraintDate())
        out[f"{key}.deadline"] = text(task.getDeadline())
        out[f"{key}.baselineStart"] = text(task.getBaselineStart())
        out[f"{key}.baselineFinish"] = text(task.getBaselineFinish())
        links = []
        for relation in task.getPredecessors():
            links.append((
                text(relation.getPredecessorTask().getUniqueID()),
                text(relation.getType()),
                hours(relation.getLag(), properties),
            ))
        out[f"{key}.predecessors"] = sorted(links)
    for resource in project.getResources():
        key = f"resource[{resource.getUniqueID()}]"
        out[f"{key}.name"] = text(resource.getName())
        out[f"{key}.type"] = text(resource.getType())
        out[f"{key}.maxUnits"] = number(resource.getMaxUnits(), 2)
    for assignment in project.getResourceAssignments():
        key = f"assignment[{assignment.getUniqueID()}]"
        out[f"{key}.task"] = text(assignment.getTaskUniqueID())
        out[f"{key}.resource"] = text(assignment.getResourceUniqueID())
        out[f"{key}.units"] = number(assignment.getUnits(), 2)
        out[f"{key}.workHours"] = hours(assignment.getWork(), properties)
    calendars = {}
    for calendar in project.getCalendars():
        name = text(calendar.getName())
        calendars[name] = calendars.get(name, 0) + int(calendar.getCalendarExceptions().size())
    out["calendars"] = sorted(calendars.items(), key=lambda item: (item[0] or "", item[1]))
    return out


def compare(original, rewrite):
    """(fields compared, mismatches as text)."""
    mismatches = []
    keys = sorted(set(original) | set(rewrite))
    for key in keys:
        if key not in rewrite:
            mismatches.append(f"{key}: missing from the rewrite (was {original[key]!r})")
        elif key not in original:
            mismatches.append(f"{key}: only in the rewrite ({rewrite[key]!r})")
        elif original[key] != rewrite[key]:
            mismatches.append(f"{key}: {original[key]!r} became {rewrite[key]!r}")
    return len(keys), mismatches


def main(argv):
    planbridge, out_dir, inputs = argv[1], argv[2], argv[3:]
    os.makedirs(out_dir, exist_ok=True)
    failures = 0
    total_fields = total_agreeing = 0
    for source in inputs:
        name = os.path.basename(source)
        target = os.path.join(out_dir, name)
        converted = subprocess.run([planbridge, "convert", "--force", "--no-schedule", source, target], capture_output=True, text=True)
        if converted.returncode != 0:
            failures += 1
            print(f"FAIL {name}: planbridge convert exited {converted.returncode}: {converted.stderr.strip()[:400]}")
            continue
        try:
            original, rewrite = facts(read(source)), facts(read(target))
        except (JavaException, RuntimeError) as error:
            failures += 1
            print(f"FAIL {name}: MPXJ could not read it: {error}")
            continue
        fields, mismatches = compare(original, rewrite)
        agreeing = fields - len(mismatches)
        total_fields += fields
        total_agreeing += agreeing
        status = "ok  " if not mismatches else "FAIL"
        print(f"{status} {name}: {agreeing}/{fields} fields agree")
        for line in mismatches[:20]:
            print(f"       {line}")
        if len(mismatches) > 20:
            print(f"       … and {len(mismatches) - 20} more")
        if mismatches:
            failures += 1
    print(f"\n{len(inputs) - failures}/{len(inputs)} files identical in MPXJ's eyes; {total_agreeing}/{total_fields} fields agree")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
