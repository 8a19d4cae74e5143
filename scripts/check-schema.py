"""Checks that the shipped JSON Schema accepts the example model files and
refuses unknown fields, with an independent validator (python-jsonschema)."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "public/slo-model.schema.json").read_text())
validator = jsonschema.Draft202012Validator(schema)
failures = 0
for path in sorted((root / "examples").glob("*.json")):
    model = json.loads(path.read_text())
    errors = list(validator.iter_errors(model))
    print(f"{path.name}: {'valid' if not errors else errors[0].message}")
    failures += bool(errors)
    model["team"]["unknownField"] = 1
    if validator.is_valid(model):
        print(f"{path.name}: an unknown field was accepted")
        failures += 1
sys.exit(1 if failures else 0)
