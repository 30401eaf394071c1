#!/usr/bin/env python3
"""Validates documents' front-matter against GroupChart's JSON Schemas.

Reads lines "DOCUMENT<TAB>SCHEMA" on standard input (the tests list every
document of a practice with the schema of its kind), prints one line per
problem as "DOCUMENT: where: message", and exits 1 when there is any.

YAML is loaded with PyYAML's BaseLoader, which keeps every scalar as text:
YAML 1.1 would turn 14:00 into 840 and dates into date objects, which is not
how GroupChart reads them (format.md, "Scalars"). The schemas accept text for
times, dates, codes and money for that reason.
"""
import json
import sys

import jsonschema
import yaml


def front_matter(path):
    with open(path, encoding="utf-8-sig") as handle:
        text = handle.read().replace("\r\n", "\n")
    if path.endswith(".yaml"):
        return text
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise ValueError("no front-matter")
    close = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
    return "\n".join(lines[1:close])


def main():
    problems = 0
    validators = {}
    for line in sys.stdin:
        if not line.strip():
            continue
        document, schema_path = line.rstrip("\n").split("\t")
        if schema_path not in validators:
            with open(schema_path, encoding="utf-8") as handle:
                schema = json.load(handle)
            jsonschema.Draft7Validator.check_schema(schema)
            validators[schema_path] = jsonschema.Draft7Validator(schema)
        data = yaml.load(front_matter(document), Loader=yaml.BaseLoader) or {}
        for error in validators[schema_path].iter_errors(data):
            where = "/".join(str(part) for part in error.absolute_path) or "(top)"
            print(f"{document}: {where}: {error.message}")
            problems += 1
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
