"""Validates PlanBridge JSON files against schemas/plan.schema.json (JSON Schema 2020-12).

Usage: check_json_schema.py SCHEMA FILE...
Prints one line per problem (file, JSON path, message) and exits 1 when any file fails.
"""
import json
import sys

import jsonschema


def main(argv):
    if len(argv) < 3:
        print("usage: check_json_schema.py SCHEMA FILE...", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failed = 0
    for path in argv[2:]:
        try:
            with open(path, encoding="utf-8") as handle:
                document = json.load(handle)
        except (OSError, ValueError) as error:
            print(f"FAIL {path}: cannot read as JSON: {error}")
            failed += 1
            continue
        errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
        if errors:
            failed += 1
            for error in errors:
                print(f"FAIL {path}: {error.json_path}: {error.message}")
        else:
            print(f"ok   {path}")
    print(f"{len(argv) - 2 - failed} of {len(argv) - 2} file(s) valid against {argv[1]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
