"""Python reference measurements for `make bench`; each subcommand prints one JSON line.

  load FILE RUNS                 median time of json.load(FILE) over RUNS runs
  yaml_load FILE RUNS            median time of yaml.load(FILE, Loader=yaml.CSafeLoader) over RUNS runs
  validate SET SCHEMA PAYLOADS   jsonschema (OpenAPI 3.0 read validator, formats asserted) over every
                                 payload of PAYLOADS (JSON lines) against SCHEMA; instances/s
"""

import json
import statistics
import sys
import time


def load(path, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        with open(path, "rb") as handle:
            json.load(handle)
        times.append(time.perf_counter() - start)
    return {
        "kind": "load_ref", "tool": "python json.load", "file": path, "runs": runs,
        "median_ms": statistics.median(times) * 1000, "min_ms": min(times) * 1000,
    }


def yaml_load(path, runs):
    import yaml
    loader = getattr(yaml, "CSafeLoader", None)
    with open(path, "rb") as handle:
        text = handle.read()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        yaml.load(text, Loader=loader or yaml.SafeLoader)
        times.append(time.perf_counter() - start)
    return {
        "kind": "yaml_load_ref", "tool": "python yaml.load CSafeLoader" if loader else "python yaml.load SafeLoader (no libyaml)",
        "file": path, "bytes": len(text), "runs": runs, "median_ms": statistics.median(times) * 1000,
        "min_ms": min(times) * 1000,
    }


def validator_for(schema):
    """jsonschema's OpenAPI 3.0 dialect (nullable, readOnly/writeOnly) when available, else plain draft 4."""
    try:
        from openapi_schema_validator import OAS30ReadValidator, oas30_format_checker
        return OAS30ReadValidator(schema, format_checker=oas30_format_checker), "openapi_schema_validator.OAS30ReadValidator"
    except ImportError:
        from jsonschema import Draft4Validator
        return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER), "jsonschema.Draft4Validator"


def validate(name, schema_path, payloads_path, min_seconds=3.0):
    with open(schema_path, "rb") as handle:
        schema = json.load(handle)
    with open(payloads_path, "rb") as handle:
        payloads = [json.loads(line) for line in handle if line.strip()]
    validator, label = validator_for(schema)
    for payload in payloads[:50]:  # warm-up: jsonschema resolves $refs lazily on first use
        validator.is_valid(payload)
    passes = 0
    validated = 0
    invalid_indices = []
    start = time.perf_counter()
    while True:
        for index, payload in enumerate(payloads):
            if not validator.is_valid(payload) and passes == 0:
                invalid_indices.append(index)
        passes += 1
        validated += len(payloads)
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            break
    invalid = []
    for index in invalid_indices[:3]:
        error = next(validator.iter_errors(payloads[index]))
        invalid.append({"index": index, "error": error.message[:300], "path": list(error.absolute_path)[:12]})
    return {
        "kind": "validate_ref", "set": name, "validator": label, "instances": len(payloads),
        "valid": len(payloads) - len(invalid_indices), "invalid_examples": invalid[:3], "passes": passes,
        "seconds": elapsed, "per_second": validated / elapsed,
    }


def main(argv):
    if len(argv) == 3 and argv[0] == "load":
        result = load(argv[1], int(argv[2]))
    elif len(argv) == 3 and argv[0] == "yaml_load":
        result = yaml_load(argv[1], int(argv[2]))
    elif len(argv) == 4 and argv[0] == "validate":
        result = validate(argv[1], argv[2], argv[3])
    else:
        sys.stderr.write(__doc__)
        return 2
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
