#!/usr/bin/env python3
"""Validates the approved golden reports that are not XML reports: every *.sarif against the SARIF
2.1.0 JSON schema kept in schema/, every *.checkstyle as well-formed checkstyle XML, every *.json
as JSON Lines (each line one object). Usage: validate_sarif.py SCHEMA GOLDEN_DIR"""
import json
import pathlib
import sys
import xml.etree.ElementTree as ElementTree

import jsonschema


def check_sarif(path, validator):
    log = json.loads(path.read_text(encoding="utf-8"))
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]
    run = log["runs"][0]
    if run.get("columnKind") != "unicodeCodePoints":
        problems.append("columnKind is not unicodeCodePoints")
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        if rules[result["ruleIndex"]]["id"] != result["ruleId"]:
            problems.append(f"ruleIndex {result['ruleIndex']} does not name {result['ruleId']}")
    return problems


def check_checkstyle(path):
    root = ElementTree.parse(path).getroot()
    problems = [] if root.tag == "checkstyle" and root.get("version") == "4.3" else ["not <checkstyle version=4.3>"]
    for error in root.iter("error"):
        if error.get("severity") not in ("error", "warning", "info") or not error.get("message"):
            problems.append(f"bad <error> {error.attrib}")
    return problems


def check_json_lines(path):
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        record = json.loads(line)
        if not isinstance(record, dict) or "path" not in record:
            problems.append(f"line {number}: not a record with a path")
        elif "status" not in record and not {"rule", "line", "column", "message", "text"} <= record.keys():
            problems.append(f"line {number}: a finding without its fields")
    return problems


def main():
    schema = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    golden = pathlib.Path(sys.argv[2])
    checked = failed = 0
    for path in sorted(golden.iterdir()):
        kind = {".sarif": "sarif", ".checkstyle": "checkstyle", ".json": "json"}.get(path.suffix)
        if kind is None:
            continue
        try:
            problems = (check_sarif(path, validator) if kind == "sarif"
                        else check_checkstyle(path) if kind == "checkstyle" else check_json_lines(path))
        except (ValueError, KeyError, IndexError, ElementTree.ParseError) as error:
            problems = [f"unreadable: {error}"]
        checked += 1
        for problem in problems:
            print(f"{path.name}: {problem}", file=sys.stderr)
        failed += bool(problems)
    print(f"validate_sarif: {checked} golden file(s) checked, {failed} invalid")
    return 1 if failed or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
