"""Validates OpenSLO v1 files against the JSON Schema written from the
OpenSLO v1 specification (scripts/openslo/openslo-v1.schema.json), with
python-jsonschema, and checks that the schema refuses what the spec
forbids (so that passing means something).

Usage: check.py FILE.yaml...   Each file may hold several objects (---).
"""
import copy
import decimal
import json
import pathlib
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    """YAML 1.2 scalars as OpenSLO means them: `2022-01-01 12:00:00` is a
    string (the spec's startTime), not a timestamp."""


Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}



def exact(loader, node):
    """A YAML float as a Decimal, so 0.99999999999999999 stays below 1."""
    return decimal.Decimal(loader.construct_scalar(node).replace("_", ""))


Loader.add_constructor("tag:yaml.org,2002:float", exact)

here = pathlib.Path(__file__).resolve().parent
schema = json.loads((here / "openslo-v1.schema.json").read_text())
validator = jsonschema.Draft202012Validator(schema)


def problems(doc):
    return [f"{'/'.join(map(str, e.absolute_path)) or '(object)'}: {e.message}" for e in validator.iter_errors(doc)]


# The schema must refuse what the spec forbids.
sample = {
    "apiVersion": "openslo/v1",
    "kind": "SLO",
    "metadata": {"name": "checkout"},
    "spec": {
        "service": "shop",
        "indicatorRef": "checkout-sli",
        "timeWindow": [{"duration": "28d", "isRolling": True}],
        "budgetingMethod": "Occurrences",
        "objectives": [{"target": 0.999}],
    },
}
assert not problems(sample), problems(sample)
for change, why in [
    (lambda d: d["metadata"].update(name="Checkout SLO"), "a name that is not a DNS label"),
    (lambda d: d["spec"]["objectives"][0].update(target=1.0), "a target of 1"),
    (lambda d: d["spec"]["timeWindow"][0].update(duration="0m"), "a zero duration"),
    (lambda d: d["spec"]["timeWindow"][0].update(duration="30s"), "seconds"),
    (lambda d: d["spec"].update(budgetingMethod="Timeslices"), "Timeslices without timeSliceTarget"),
    (lambda d: d["spec"].pop("indicatorRef"), "no indicator"),
    (lambda d: d["spec"].update(colour="blue"), "an unknown field"),
    (lambda d: d["spec"].update(description="x" * 1051), "a description over 1050 characters"),
]:
    bad = copy.deepcopy(sample)
    change(bad)
    assert problems(bad), f"the schema accepted {why}"

failures = 0
for name in sys.argv[1:]:
    docs = [d for d in yaml.load_all(pathlib.Path(name).read_text(), Loader=Loader) if d is not None]
    found = [f"{doc.get('kind')} {doc.get('metadata', {}).get('name')}: {p}" for doc in docs for p in problems(doc)]
    print(f"{name}: {len(docs)} objects, {'valid' if not found else 'INVALID'}")
    for line in found:
        print(f"  {line}")
    failures += bool(found)
sys.exit(1 if failures else 0)
