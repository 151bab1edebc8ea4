"""Schedules MSPDI files with PlanBridge and with MPXJ's MicrosoftScheduler and compares the
dates each gives every task, to the minute.

Usage: crosscheck_schedule.py PLANBRIDGE OUT_DIR --set NAME INPUT.xml... [--set NAME INPUT.xml...]

For each input: `PLANBRIDGE schedule --force INPUT OUT_DIR/<name>.json` writes PlanBridge's
schedule as PlanBridge JSON; MPXJ reads the same input and schedules it from the project's start
date. Tasks are matched by UID (the project summary task, UID 0, and blank rows are left out).
A task agrees when both its start and its finish agree to the minute. Every disagreement is
printed with its class (see `classify`); the last lines give the shares per set (the corpus, the
generated plans) and for all sets together. Exits 1 when, in any set or overall, the share of
agreeing tasks without progress is below 100 % or the overall share below 99 %, or PlanBridge
failed on a file.
"""

import collections
import datetime
import json
import os
import subprocess
import sys

import jpype
import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

jpype.startJVM()

from java.lang import Exception as JavaException  # noqa: E402
from java.time import DayOfWeek  # noqa: E402
from org.mpxj import ConstraintType, Duration, RelationType, ScheduleFrom, TaskMode, TimeUnit  # noqa: E402
from org.mpxj.cpm import MicrosoftScheduler  # noqa: E402
from org.mpxj.reader import UniversalProjectReader  # noqa: E402


def minute(value):
    """`2024-03-04T08:00`: the moment to the nearest minute, whatever the source wrote (MPXJ omits
    zero seconds, PlanBridge keeps them). Nearest, not cut off: MPXJ cuts every date it computes
    to the second, and reuses such a cut date as the start of its next computation, so a finish
    that is exactly 17:00 can come back as 16:59:59 (three assignments of exactly 24 hours' work
    each, for example); cutting that to 16:59 would be a disagreement of one second."""
    if value is None:
        return None
    moment = datetime.datetime.fromisoformat(str(value)) + datetime.timedelta(seconds=30)
    return moment.strftime("%Y-%m-%dT%H:%M")


def seconds_apart(a, b):
    if a is None or b is None:
        return 0
    delta = datetime.datetime.fromisoformat(str(a)) - datetime.datetime.fromisoformat(str(b))
    return int(abs(delta.total_seconds()))


def cut_minute(value):
    """The moment with its seconds cut off, to count what rounding to the nearest minute changes."""
    return None if value is None else str(value)[:16]


def planbridge_schedule(planbridge, path, out_dir):
    """PlanBridge's tasks by id, and its project finish."""
    target = os.path.join(out_dir, os.path.basename(path) + ".json")
    run = subprocess.run([planbridge, "schedule", "--force", path, target], capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"planbridge schedule exit {run.returncode}: {run.stderr.strip()[:300]}")
    with open(target, encoding="utf-8") as handle:
        plan = json.load(handle)
    return {task["id"]: task for task in plan["tasks"]}, plan.get("project", {}).get("finish")


def assume_no_actuals(project):
    """MSPDI makes ActualDuration and RemainingDuration (and an assignment's ActualWork and
    RemainingWork) optional, and MS Project reads a task without them as not started (actual 0,
    remaining = all of it); MPXJ's scheduler instead refuses the whole file (CpmException "Task
    has no actual duration value ...", or a NullPointerException on RemainingWork). MS Project's
    own saves always carry them, but files from other tools (PlanBridge's writer included, for
    plans from sources without progress) need not. So a task with a duration and no actual start
    that lacks them gets MS Project's reading of it; a task with progress is left alone. Returns
    how many tasks were filled in."""
    filled = 0
    for task in project.getTasks():
        duration = task.getDuration()
        if duration is None or task.getActualStart() is not None:
            continue
        changed = False
        if task.getActualDuration() is None:
            task.setActualDuration(Duration.getInstance(0, duration.getUnits()))
            changed = True
        if task.getRemainingDuration() is None:
            task.setRemainingDuration(duration)
            changed = True
        # The same for the work of its assignments (MPXJ fails on a null RemainingWork).
        for assignment in task.getResourceAssignments():
            work = assignment.getWork()
            if work is None:
                continue
            if assignment.getActualWork() is None:
                assignment.setActualWork(Duration.getInstance(0, work.getUnits()))
                changed = True
            if assignment.getRemainingWork() is None:
                assignment.setRemainingWork(work)
                changed = True
        filled += changed
    return filled


def mpxj_schedule(path):
    project = UniversalProjectReader().read(path)
    filled = assume_no_actuals(project)
    # The scheduler overwrites durations of resource-driven tasks, so what `classify` needs of
    # the input is taken first.
    elapsed = {str(int(t.getUniqueID())) for t in project.getTasks()
               if t.getUniqueID() is not None and t.getDuration() is not None and t.getDuration().getUnits().isElapsed()}
    # MicrosoftScheduler schedules forward from the date it is given; it has no backward pass for
    # a plan scheduled from its finish, which PlanBridge schedules from the project finish.
    from_finish = project.getProjectProperties().getScheduleFrom() == ScheduleFrom.FINISH
    start = project.getProjectProperties().getStartDate()
    MicrosoftScheduler().schedule(project, start)
    tasks = {}
    for task in project.getTasks():
        uid = task.getUniqueID()
        if uid is None or int(uid) == 0 or task.getNull():
            continue
        tasks[str(int(uid))] = task
    return tasks, filled, elapsed, from_finish


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


def is_elapsed_with_work(task, elapsed):
    """MS Project runs an elapsed duration (`3ed`) on the clock, resources included (they work
    24 hours a day on it), and so does PlanBridge; MPXJ's scheduler works such a task's
    assignments on their resources' working time like any other fixed-units task."""
    return str(int(task.getUniqueID())) in elapsed and uses_resource_calendars(task)


def ancestors(task):
    parent = task.getParentTask()
    while parent is not None:
        yield parent
        parent = parent.getParentTask()


def leaves(task):
    for child in task.getChildTasks():
        if child.getSummary():
            yield from leaves(child)
        else:
            yield child


def uid_of(task):
    return str(int(task.getUniqueID()))


AFTER_PREDECESSOR = "after a predecessor that disagrees"
OVER_CHILD = "summary over a task that disagrees"
FROM_PROJECT_FINISH = "as late as possible, from a project finish that differs"
BEFORE_SUCCESSOR = "as late as possible, before a successor that disagrees"
MIDNIGHT = "calendar with a working period that ends at midnight"
LAG_ORDER = "FF/SF link with a lag: lag and duration applied in another order"
ALAP_AFTER_SS = "ALAP task starting after its SS successor's late start in MPXJ"

# Root causes where MPXJ's scheduler departs from Microsoft Project's rules (README, "Cross-check
# against MPXJ", says why for each). A disagreement that follows from these alone says nothing
# about PlanBridge; the summary counts such tasks separately, next to the plain shares.
MPXJ_DEPARTURES = {
    "elapsed duration with work assignments",
    "elapsed percent lag",
    "one second short in MPXJ",
    MIDNIGHT,
    "summary over an inactive task",
    "start constraint dated in non-working time",
    "after a manually scheduled task with an ALAP constraint",
    LAG_ORDER,
    ALAP_AFTER_SS,
    "plan scheduled from its finish",
}


def ends_at_midnight(calendar):
    """Whether a weekday of the calendar (or of its bases) works until 24:00: MPXJ's search for
    the end of the previous working period takes such a period's end, 00:00, for the latest
    time of the day, so on a night shift a finish at 08:00 is not found to be the end of the
    morning's work (a milestone there moves to 23:00, a late finish stays at 11:10)."""
    while calendar is not None:
        for day in DayOfWeek.values():
            hours = calendar.getCalendarHours(day)
            if hours is not None and any(r.getEnd() is not None and r.getStart() != r.getEnd()
                                         and str(r.getEnd()) == "00:00" for r in hours):
                return True
        calendar = calendar.getParent()
    return False


def disagreeing_successors(task, differs):
    """UIDs of the disagreeing successors of the task and of its summaries, whose late dates
    an ALAP task takes its own from."""
    return [uid_of(r.getSuccessorTask()) for t in [task, *ancestors(task)] for r in t.getSuccessors()
            if uid_of(r.getSuccessorTask()) in differs]


def disagreeing_predecessors(task, differs):
    """UIDs of the disagreeing predecessors of the task and of its summaries (their links bind
    it too)."""
    return [uid_of(r.getPredecessorTask()) for t in [task, *ancestors(task)] for r in t.getPredecessors()
            if uid_of(r.getPredecessorTask()) in differs]


def root_causes(kinds, theirs, context):
    """For every disagreeing task, the classes of the disagreements it follows from: its own
    class, or for a task that only follows others (after a predecessor, a summary over a child,
    an ALAP task from the project finish) the classes of the tasks it follows, found by walking
    back until tasks with a cause of their own."""
    def followed(uid):
        task, kind = theirs[uid], kinds[uid]
        if kind == AFTER_PREDECESSOR:
            return disagreeing_predecessors(task, kinds)
        if kind == OVER_CHILD:
            return [uid_of(leaf) for leaf in leaves(task) if uid_of(leaf) in kinds]
        if kind == FROM_PROJECT_FINISH:
            return [u for u in context["last"] if u in kinds and u != uid]
        if kind == BEFORE_SUCCESSOR:
            return disagreeing_successors(task, kinds)
        return None

    roots = {}
    for uid in kinds:
        found, seen, queue = set(), {uid}, [uid]
        while queue:
            current = queue.pop()
            before = followed(current)
            if before is None:
                found.add(kinds[current])
                continue
            for other in before:
                if other not in seen:
                    seen.add(other)
                    queue.append(other)
        roots[uid] = found or {kinds[uid]}
    return roots


def lags(task, test):
    """Whether an incoming link of `task` has a non-zero lag that passes `test`."""
    return any(r.getLag().getDuration() != 0 and test(r) for r in task.getPredecessors())


def seconds(value):
    text = None if value is None else str(value)
    return text[17:19] if text is not None and len(text) >= 19 else "00"


def lost_second(task, mine):
    """MPXJ's date is one second short of a whole minute where PlanBridge's is whole: the second
    MPXJ lost (see `minute`) put the date on the other side of a non-working gap (16:59:59 is
    still Wednesday's working time, 17:00 already waits for Thursday 08:00)."""
    return any(seconds(theirs) == "59" and seconds(ours) == "00" and minute(theirs) != minute(ours)
               for theirs, ours in ((task.getStart(), mine.get("start")), (task.getFinish(), mine.get("finish"))))


def own_week_against_base_work_week(task, mine):
    """A resource calendar that sets a weekday itself (Fridays off) on a base calendar with a
    work week (summer hours): PlanBridge lets the resource calendar's own day win, MPXJ the base
    calendar's work week. Only where either schedule puts the task into the work week's dates:
    outside them the two rules agree, and a difference there has another cause."""
    dates = [str(d)[:10] for d in (mine.get("start"), mine.get("finish"), task.getStart(), task.getFinish())
             if d is not None]
    if not dates:
        return False
    first, last = min(dates), max(dates)
    for assignment in task.getResourceAssignments():
        resource = assignment.getResource()
        calendar = None if resource is None else resource.getCalendar()
        parent = None if calendar is None else calendar.getParent()
        if parent is None or not any(str(calendar.getCalendarDayType(day)) != "DEFAULT" for day in DayOfWeek.values()):
            continue
        for week in parent.getWorkWeeks():
            span = week.getDateRange()
            if span is not None and str(span.getStart()) <= last and str(span.getEnd()) >= first:
                return True
    return False


def alap_after_ss_successor(task):
    """An ALAP task whose late start MPXJ puts after the late start of a successor it has an SS
    link to (zero or positive lag), which breaks the link in MPXJ's own late dates. MPXJ turns the
    successor's start into a finish for the task and takes the work back from there. With
    resources on different calendars, that start comes out later than the successor allows:
    the resource that cannot work at that moment still finishes in time. Placed there, the ALAP
    task pushes the successor, and the project's finish, later than its late dates, which an
    ALAP task must not do. PlanBridge caps the late start at the successor's."""
    if task.getConstraintType() != ConstraintType.AS_LATE_AS_POSSIBLE or task.getLateStart() is None:
        return False
    for r in task.getSuccessors():
        successor = r.getSuccessorTask()
        if (r.getType() == RelationType.START_START and r.getLag().getDuration() >= 0
                and successor.getLateStart() is not None and task.getLateStart().isAfter(successor.getLateStart())):
            return True
    return False


def lag_order_link(task, differs):
    """An FF or SF link with a lag on a task whose predecessors both schedules agree on, where the order in
    which lag and duration are applied matters. PlanBridge adds the lag to the linked date (the
    predecessor's finish or start) on the successor's calendar, which gives the earliest finish,
    and takes the duration back from there. MPXJ first takes the successor's duration back from
    the linked date and then adds the lag to that start. The two agree on one working-time
    calendar; they differ for an elapsed lag (a weekend counts in the lag but not in the
    duration), and for a working lag on a task whose work runs on resource calendars (MPXJ takes
    the work back on the resources' calendars and adds the lag on the task's, so a resource's day
    off counts in one and not in the other). An ALAP task takes its dates from its late dates, so
    its early ones say nothing here."""
    if disagreeing_predecessors(task, differs) or task.getConstraintType() == ConstraintType.AS_LATE_AS_POSSIBLE:
        return False
    return lags(task, lambda r: r.getType() in (RelationType.FINISH_FINISH, RelationType.START_FINISH)
                and (r.getLag().getUnits().isElapsed() or uses_resource_calendars(task)))


def classify(task, mine, context):
    """The class of a disagreement. A task's own cause comes first where one is known; then a
    task that only follows another disagreement (a summary over a task that disagrees, a task
    after a predecessor that does) is counted as such, so that each root cause shows once.
    `context` holds the file's disagreeing UIDs, its elapsed tasks and whether the two project
    finishes agree."""
    differs = context["differs"]
    elapsed = uid_of(task) in context["elapsed"]
    if context["from finish"]:
        return "plan scheduled from its finish"
    if task.getTaskMode() == TaskMode.MANUALLY_SCHEDULED:
        return "manually scheduled"
    if is_elapsed_with_work(task, context["elapsed"]):
        return "elapsed duration with work assignments"
    if task.getSummary():
        if any(uid_of(leaf) in differs for leaf in leaves(task)):
            return OVER_CHILD
        if any(not leaf.getActive() and leaf.getStart() is not None for leaf in leaves(task)):
            return "summary over an inactive task"
        return "summary roll-up"
    if has_progress(task):
        return "progress (actual dates / status date)"
    if alap_after_ss_successor(task):
        return ALAP_AFTER_SS
    if lags(task, lambda r: r.getLag().getUnits() == TimeUnit.ELAPSED_PERCENT):
        return "elapsed percent lag"
    if lag_order_link(task, differs):
        return LAG_ORDER
    constraint = task.getConstraintType()
    if constraint == ConstraintType.AS_LATE_AS_POSSIBLE:
        if not context["same project finish"]:
            return FROM_PROJECT_FINISH
        if lost_second(task, mine):
            return "one second short in MPXJ"
        if ends_at_midnight(task.getEffectiveCalendar()):
            return MIDNIGHT
        if disagreeing_successors(task, differs):
            return BEFORE_SUCCESSOR
        if elapsed:
            return "as late as possible, elapsed duration"
        # Late dates are not compared, so a difference in a successor's late dates alone is
        # seen first here.
        return "as late as possible, from late dates further down the network"
    if any(r.getPredecessorTask().getTaskMode() == TaskMode.MANUALLY_SCHEDULED
           and r.getPredecessorTask().getConstraintType() == ConstraintType.AS_LATE_AS_POSSIBLE
           for t in [task, *ancestors(task)] for r in t.getPredecessors()):
        return "after a manually scheduled task with an ALAP constraint"
    if disagreeing_predecessors(task, differs):
        return AFTER_PREDECESSOR
    if lost_second(task, mine):
        return "one second short in MPXJ"
    if ends_at_midnight(task.getEffectiveCalendar()):
        return MIDNIGHT
    if (task.getConstraintDate() is not None and minute(task.getStart()) == minute(task.getConstraintDate())
            and minute(mine.get("start")) > minute(task.getStart())
            and constraint in (ConstraintType.START_NO_EARLIER_THAN, ConstraintType.MUST_START_ON)):
        return "start constraint dated in non-working time"
    if uses_resource_calendars(task) and own_week_against_base_work_week(task, mine):
        return "resource calendar's own week against its base calendar's work week"
    if uses_resource_calendars(task):
        return "resource calendars / work-driven"
    if constraint is not None and constraint != ConstraintType.AS_SOON_AS_POSSIBLE:
        return f"constraint {constraint}"
    if lags(task, lambda r: True):
        return "lagged link"
    return "other"


def compare_file(path, planbridge, out_dir, totals, classes):
    """Schedules one file both ways and adds its tasks to `totals` and its disagreements to
    `classes` (each once by its own class and once by its root cause); prints the file's line
    and its disagreements."""
    name = os.path.basename(path)
    try:
        ours, our_finish = planbridge_schedule(planbridge, path, out_dir)
    except Exception as error:  # noqa: BLE001 - report and go on with the next file
        print(f"{name}: PlanBridge failed: {error}")
        totals["files PlanBridge failed"] += 1
        return
    try:
        theirs, filled, elapsed, from_finish = mpxj_schedule(path)
    except JavaException as error:
        print(f"{name}: MPXJ refused to schedule it: {error}")
        totals["files MPXJ refused"] += 1
        return
    totals["files"] += 1
    totals["tasks given MS Project's reading of absent actuals"] += filled
    agree = compared = 0
    lines = []
    rows = []
    for uid, task in theirs.items():
        if not task.getActive():
            continue
        mine = ours.get(uid)
        if mine is None:
            lines.append(f"  {uid} {task.getName()}: missing from PlanBridge's output")
            continue
        same = minute(mine.get("start")) == minute(task.getStart()) and minute(mine.get("finish")) == minute(task.getFinish())
        if same and not (cut_minute(mine.get("start")) == cut_minute(task.getStart())
                         and cut_minute(mine.get("finish")) == cut_minute(task.getFinish())):
            totals["agree only to the nearest minute (seconds cut off, they differ)"] += 1
            gap = max(seconds_apart(mine.get("start"), task.getStart()), seconds_apart(mine.get("finish"), task.getFinish()))
            totals["most seconds apart among those"] = max(totals["most seconds apart among those"], gap)
        rows.append((uid, task, mine, same))
    their_finish = max((t.getFinish() for t in theirs.values() if t.getActive() and t.getFinish() is not None), default=None)
    context = {
        "from finish": from_finish,
        "differs": {uid for uid, _, _, same in rows if not same},
        "elapsed": elapsed,
        "same project finish": minute(our_finish) == minute(their_finish),
        # The tasks that end last in either schedule: what the project finish comes from.
        "last": {uid for uid, task, mine, _ in rows
                 if minute(mine.get("finish")) == minute(our_finish) or minute(task.getFinish()) == minute(their_finish)},
    }
    kinds = {uid: classify(task, mine, context) for uid, task, mine, same in rows if not same}
    roots = root_causes(kinds, theirs, context)
    for uid, task, mine, same in rows:
        progress = has_progress(task)
        compared += 1
        totals["tasks"] += 1
        totals["tasks with progress" if progress else "tasks without progress"] += 1
        if same:
            agree += 1
            totals["agree"] += 1
            totals["agree with progress" if progress else "agree without progress"] += 1
        else:
            kind = kinds[uid]
            classes[("class", kind)] += 1
            for root in roots[uid]:
                classes[("root cause", root)] += 1
            if roots[uid] <= MPXJ_DEPARTURES:
                totals["disagree only through MPXJ departures"] += 1
                totals["disagree only through MPXJ departures, " + ("with" if progress else "without") + " progress"] += 1
            root = " + ".join(sorted(roots[uid]))
            lines.append(
                f"  {uid} {task.getName()!s:.40}: PlanBridge {minute(mine.get('start'))} .. {minute(mine.get('finish'))}, "
                f"MPXJ {minute(task.getStart())} .. {minute(task.getFinish())} [{kind}]"
                + ("" if root == kind else f" [root: {root}]"))
    print(f"{name}: {agree}/{compared} tasks agree")
    for line in lines:
        print(line)


def share(part, whole):
    return f"{part}/{whole} = {100.0 * part / whole:.2f} %" if whole else "0/0"


def summary(title, totals, classes):
    """Prints the shares of one set (or all); returns whether it meets the targets."""
    print()
    print(f"{title}: tasks agreeing to the minute (start and finish), {totals['files']} files:")
    print(f"  overall:            {share(totals['agree'], totals['tasks'])}")
    print(f"  without progress:   {share(totals['agree without progress'], totals['tasks without progress'])}")
    print(f"  with progress:      {share(totals['agree with progress'], totals['tasks with progress'])}")
    if totals["disagree only through MPXJ departures"]:
        # The same shares with the tasks that disagree only where MPXJ departs from MS Project
        # set aside (neither counted as agreeing nor as compared).
        aside = totals["disagree only through MPXJ departures"]
        without = totals["disagree only through MPXJ departures, without progress"]
        print(f"  disagreeing only where MPXJ departs from MS Project: {aside} tasks; setting those aside:")
        print(f"    overall:          {share(totals['agree'], totals['tasks'] - aside)}")
        print(f"    without progress: {share(totals['agree without progress'], totals['tasks without progress'] - without)}")
    for key in ("files MPXJ refused", "files PlanBridge failed", "tasks given MS Project's reading of absent actuals",
                "agree only to the nearest minute (seconds cut off, they differ)", "most seconds apart among those"):
        if totals[key]:
            print(f"  {key}: {totals[key]}")
    for heading, group in (("disagreements by class", "class"),
                           ("disagreements each root cause leads to (a task can follow several)", "root cause")):
        counts = [(count, kind) for (g, kind), count in classes.most_common() if g == group]
        if counts:
            print(f"  {heading}:")
            for count, kind in counts:
                print(f"    {count:5d}  {kind}")
    return (totals["files PlanBridge failed"] == 0 and totals["tasks"] > 0
            and totals["agree without progress"] == totals["tasks without progress"]
            and totals["agree"] * 100 >= 99 * totals["tasks"])


def parse_sets(arguments):
    """`--set NAME FILE... --set NAME FILE...` as [(name, [files])]."""
    sets = []
    rest = list(arguments)
    while rest:
        if rest[0] != "--set" or len(rest) < 2:
            sys.exit("usage: crosscheck_schedule.py PLANBRIDGE OUT_DIR --set NAME INPUT... [--set NAME INPUT...]")
        name = rest[1]
        rest = rest[2:]
        files = []
        while rest and rest[0] != "--set":
            files.append(rest.pop(0))
        sets.append((name, files))
    return sets


def main():
    planbridge, out_dir, sets = sys.argv[1], sys.argv[2], parse_sets(sys.argv[3:])
    all_totals = collections.Counter()
    all_classes = collections.Counter()
    results = []
    for name, files in sets:
        totals = collections.Counter()
        classes = collections.Counter()
        print(f"== {name} ==")
        for path in files:
            compare_file(path, planbridge, out_dir, totals, classes)
        results.append((name, totals, classes))
        widest = max(all_totals["most seconds apart among those"], totals["most seconds apart among those"])
        all_totals.update(totals)
        all_totals["most seconds apart among those"] = widest  # a maximum, not a sum
        all_classes.update(classes)
    ok = True
    for name, totals, classes in results:
        ok = summary(name, totals, classes) and ok
    if len(results) > 1:
        ok = summary("all sets together", all_totals, all_classes) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
