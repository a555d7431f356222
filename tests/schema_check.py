#!/usr/bin/python3
"""Checks the bundled inventories, standards, scenarios, alliances, change files, cost files and vendor
register against schemas/ with an independent validator (python3-jsonschema), so the
schemas and the C++ readers cannot drift apart unnoticed; and every result document
embedded in the report fixture (a real `redoubt assess` output) against its own schema.

  schema_check.py SOURCE_DIR           the bundled files and the fixture
  schema_check.py SOURCE_DIR FILE...   these files (and the documents they embed)"""
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


def documents(node, where):
    """(where, document) for `node` and every dict with a string 'format' inside it."""
    if isinstance(node, dict):
        if isinstance(node.get("format"), str):
            yield where, node
        for key, value in node.items():
            yield from documents(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from documents(value, f"{where}/{index}")


def main():
    root = sys.argv[1]
    schemas = {
        "redoubt/inventory@1": os.path.join(root, "schemas/inventory-1.schema.json"),
        "redoubt/vendors@1": os.path.join(root, "schemas/vendors-1.schema.json"),
        "redoubt/standard@1": os.path.join(root, "schemas/standard-1.schema.json"),
        "redoubt/assessment@1": os.path.join(root, "schemas/assessment-1.schema.json"),
        "redoubt/alliance@1": os.path.join(root, "schemas/alliance-1.schema.json"),
        "redoubt/scenario@1": os.path.join(root, "schemas/scenario-1.schema.json"),
        "redoubt/alliance-change@1": os.path.join(root, "schemas/alliance-change-1.schema.json"),
        "redoubt/findings@1": os.path.join(root, "schemas/findings-1.schema.json"),
        "redoubt/exposure@1": os.path.join(root, "schemas/exposure-1.schema.json"),
        "redoubt/resilience@1": os.path.join(root, "schemas/resilience-1.schema.json"),
        "redoubt/resilience-part@1": os.path.join(root, "schemas/resilience-part-1.schema.json"),
        "redoubt/alliance-assessment@1": os.path.join(root, "schemas/alliance-assessment-1.schema.json"),
        "redoubt/posture@1": os.path.join(root, "schemas/posture-1.schema.json"),
        "redoubt/public-key@1": os.path.join(root, "schemas/public-key-1.schema.json"),
        "redoubt/costs@1": os.path.join(root, "schemas/costs-1.schema.json"),
        "redoubt/plan@1": os.path.join(root, "schemas/plan-1.schema.json"),
    }
    given = sys.argv[2:]
    files = sorted(given) if given else sorted(glob.glob(os.path.join(root, "data/samples/**/*.yaml"), recursive=True)
                   + glob.glob(os.path.join(root, "data/samples/**/*.json"), recursive=True)
                   + glob.glob(os.path.join(root, "data/standards/*.yaml"))
                   + glob.glob(os.path.join(root, "data/scenarios/*.yaml"))
                   + glob.glob(os.path.join(root, "data/costs/*.yaml"))
                   + [os.path.join(root, "data/vendors.yaml"),
                      os.path.join(root, "tests/cases/report/fixtures/assessment.json")])
    checked = 0
    failed_files = 0
    by_format = {}
    for path in files:
        # The file's document, then every document it embeds (an assessment holds
        # findings, exposure, resilience and alliance documents), each by its format.
        for where, document in documents(load(path), path):
            fmt = document.get("format")
            if fmt not in schemas:
                continue
            with open(schemas[fmt], encoding="utf-8") as handle:
                schema = json.load(handle)
            validator = jsonschema.Draft202012Validator(schema)
            errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
            checked += 1
            by_format[fmt] = by_format.get(fmt, 0) + 1
            failed_files += 1 if errors else 0
            for error in errors[:20]:
                print(f"{where}: {'/'.join(map(str, error.path))}: {error.message}")
    print(", ".join(f"{count} {fmt}" for fmt, count in sorted(by_format.items())))
    print(f"{checked - failed_files} passed, {failed_files} failed")
    if checked < 2 and not given:
        print("expected at least the sample inventory and the vendor register")
        return 1
    if given and checked == 0:
        print("none of the files holds a document of a known format")
        return 1
    return 1 if failed_files else 0


if __name__ == "__main__":
    sys.exit(main())
