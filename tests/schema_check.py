#!/usr/bin/python3
"""Checks the bundled inventories, standards, scenarios and vendor register against schemas/ with an
independent validator (python3-jsonschema), so the schemas and the C++ reader
cannot drift apart unnoticed. Usage: schema_check.py SOURCE_DIR"""
import datetime
import glob
import json
import os
import sys

import jsonschema
import yaml


def load(path):
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle) if path.endswith((".yaml", ".yml")) else json.load(handle)
    # PyYAML reads dates as date objects; the schemas (like redoubt) see ISO strings.
    return json.loads(json.dumps(data, default=lambda v: v.isoformat()
                                 if isinstance(v, (datetime.date, datetime.datetime)) else str(v)))


def main():
    root = sys.argv[1]
    schemas = {
        "redoubt/inventory@1": os.path.join(root, "schemas/inventory-1.schema.json"),
        "redoubt/vendors@1": os.path.join(root, "schemas/vendors-1.schema.json"),
        "redoubt/standard@1": os.path.join(root, "schemas/standard-1.schema.json"),
        "redoubt/assessment@1": os.path.join(root, "schemas/assessment-1.schema.json"),
        "redoubt/alliance@1": os.path.join(root, "schemas/alliance-1.schema.json"),
        "redoubt/scenario@1": os.path.join(root, "schemas/scenario-1.schema.json"),
    }
    files = sorted(glob.glob(os.path.join(root, "data/samples/**/*.yaml"), recursive=True)
                   + glob.glob(os.path.join(root, "data/samples/**/*.json"), recursive=True)
                   + glob.glob(os.path.join(root, "data/standards/*.yaml"))
                   + glob.glob(os.path.join(root, "data/scenarios/*.yaml"))
                   + [os.path.join(root, "data/vendors.yaml"),
                      os.path.join(root, "tests/cases/report/fixtures/assessment.json")])
    checked = 0
    failed_files = 0
    for path in files:
        document = load(path)
        fmt = document.get("format") if isinstance(document, dict) else None
        if fmt not in schemas:
            continue
        with open(schemas[fmt], encoding="utf-8") as handle:
            schema = json.load(handle)
        validator = jsonschema.Draft202012Validator(schema)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        checked += 1
        failed_files += 1 if errors else 0
        for error in errors:
            print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
    print(f"{checked - failed_files} passed, {failed_files} failed")
    if checked < 2:
        print("expected at least the sample inventory and the vendor register")
        return 1
    return 1 if failed_files else 0


if __name__ == "__main__":
    sys.exit(main())
