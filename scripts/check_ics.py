#!/usr/bin/env python3
"""Independent checks of iCalendar files for PlanBridge, with Python's `icalendar` package.

    check_ics.py count FILE...    prints {"file": {"VEVENT": n, "VTODO": m}} as JSON
    check_ics.py verify FILE...   strict parse plus octet-level checks of what PlanBridge writes

`verify` fails a file when icalendar reports any parse error, or when any of these does not hold:
CRLF after every line (no bare CR or LF), no physical line over 75 octets, every physical line
valid UTF-8 on its own (a fold never splits a sequence), no fold between a backslash and the
character it escapes, VERSION:2.0 and PRODID once in the VCALENDAR, exactly one UID and one
DTSTAMP in UTC per VEVENT/VTODO, all-day DTEND present and after DTSTART, DUE after DTSTART,
a VTIMEZONE for every TZID used, and UIDs unique in the file.
"""
import json
import sys

import icalendar


def count(paths):
    result = {}
    for path in paths:
        with open(path, "rb") as handle:
            data = handle.read()
        calendars = icalendar.Calendar.from_ical(data, multiple=True)
        counts = {"VEVENT": 0, "VTODO": 0}
        for calendar in calendars:
            for component in calendar.walk():
                if component.name in counts:
                    counts[component.name] += 1
        result[path] = counts
    print(json.dumps(result, indent=1, sort_keys=True))
    return 0


def octet_problems(data):
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("the last line does not end with CRLF")
    lines = data.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines = lines[:-1]
    for number, line in enumerate(lines, start=1):
        if b"\r" in line or b"\n" in line:
            problems.append(f"line {number}: bare CR or LF")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets (more than 75)")
        if not line:
            problems.append(f"line {number}: blank line")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: not valid UTF-8 on its own (a fold split a sequence)")
        nxt = lines[number] if number < len(lines) else b""
        if nxt[:1] in (b" ", b"\t"):
            trailing = len(line) - len(line.rstrip(b"\\"))
            if trailing % 2 == 1:
                problems.append(f"line {number}: fold between a backslash and the character it escapes")
    return problems


def semantic_problems(calendars):
    problems = []
    uids = set()
    for calendar in calendars:
        for key in ("VERSION", "PRODID"):
            values = calendar.get(key)
            if values is None or isinstance(values, list):
                problems.append(f"VCALENDAR: {key} missing or repeated")
        if str(calendar.get("VERSION")) != "2.0":
            problems.append("VCALENDAR: VERSION is not 2.0")
        zones = {str(tz.get("TZID")) for tz in calendar.walk("VTIMEZONE")}
        for component in calendar.walk():
            for error in getattr(component, "errors", []) or []:
                problems.append(f"{component.name}: parse error {error}")
            for name, value in component.property_items(recursive=False):
                params = getattr(value, "params", None)
                if params and "TZID" in params and params["TZID"] not in zones:
                    problems.append(f"{component.name}: TZID {params['TZID']} has no VTIMEZONE")
            if component.name not in ("VEVENT", "VTODO"):
                continue
            uid_list = component.get("UID")
            if uid_list is None or isinstance(uid_list, list):
                problems.append(f"{component.name}: UID missing or repeated")
                continue
            uid = str(uid_list)
            if uid in uids:
                problems.append(f"{component.name}: UID {uid} is not unique")
            uids.add(uid)
            stamp = component.get("DTSTAMP")
            if stamp is None or isinstance(stamp, list):
                problems.append(f"{uid}: DTSTAMP missing or repeated")
            elif not stamp.to_ical().endswith(b"Z"):
                problems.append(f"{uid}: DTSTAMP not in UTC")
            start = component.get("DTSTART")
            start_value = component.decoded("DTSTART") if start is not None else None
            if component.name == "VEVENT":
                if start is None:
                    problems.append(f"{uid}: VEVENT without DTSTART")
                    continue
                if component.get("DTEND") is None and component.get("DURATION") is None:
                    problems.append(f"{uid}: VEVENT without DTEND or DURATION")
                if component.get("DTEND") is not None:
                    end_value = component.decoded("DTEND")
                    if type(end_value) is not type(start_value):
                        problems.append(f"{uid}: DTEND and DTSTART of different value types")
                    elif not end_value > start_value:
                        problems.append(f"{uid}: DTEND not after DTSTART")
            else:
                if component.get("DUE") is not None and start is not None:
                    due_value = component.decoded("DUE")
                    if type(due_value) is not type(start_value) or not due_value > start_value:
                        problems.append(f"{uid}: DUE not after DTSTART, or of another type")
                for key in ("COMPLETED",):
                    if component.get(key) is not None and not component.get(key).to_ical().endswith(b"Z"):
                        problems.append(f"{uid}: {key} not in UTC")
    return problems


def verify(paths):
    failed = 0
    for path in paths:
        with open(path, "rb") as handle:
            data = handle.read()
        problems = octet_problems(data)
        try:
            calendars = icalendar.Calendar.from_ical(data, multiple=True)
            if not calendars:
                problems.append("no VCALENDAR")
            problems += semantic_problems(calendars)
        except Exception as error:  # icalendar raises ValueError and friends on malformed input
            problems.append(f"icalendar refused it: {error!r}")
        if problems:
            failed += 1
            print(f"FAIL {path}")
            for problem in problems[:20]:
                print(f"  {problem}")
            if len(problems) > 20:
                print(f"  … {len(problems) - 20} more")
    print(f"check-ics: {len(paths) - failed} of {len(paths)} file(s) valid")
    return 1 if failed else 0


def main(argv):
    if len(argv) < 2 or argv[0] not in ("count", "verify"):
        print(__doc__, file=sys.stderr)
        return 2
    return count(argv[1:]) if argv[0] == "count" else verify(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
