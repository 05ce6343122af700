"""Builds the big specs of the `lint.big` figures from Cal.com's document, in a scratch folder.

  yaml SOURCE.json OUT.yaml MIN_BYTES     one YAML file: the document repeated (copy k's paths under
                                          /copy{k}, its schemas named X_k{k}, operationIds suffixed)
                                          until the file has at least MIN_BYTES
  multi SOURCE.json OUT_DIR MIN_OPS       a multi-file YAML spec: OUT_DIR/openapi.yaml with one file
                                          per path item (paths/) and per schema (schemas/), joined by
                                          relative $refs; the document repeated until it has MIN_OPS
                                          operations

Each prints one JSON line describing what it wrote. Cal.com's own lint findings repeat with every
copy, so the copies multiply them.
"""

import json
import os
import sys

import yaml

try:
    DUMPER = yaml.CSafeDumper
except AttributeError:  # PyYAML without libyaml
    DUMPER = yaml.SafeDumper

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SCHEMA_REF = "#/components/schemas/"


def rewrite(value, schema_ref):
    """A copy of `value` with every `$ref` to a component schema passed through schema_ref(name)."""
    if isinstance(value, dict):
        out = {}
        for key, member in value.items():
            if key == "$ref" and isinstance(member, str) and member.startswith(SCHEMA_REF):
                out[key] = schema_ref(member[len(SCHEMA_REF):])
            else:
                out[key] = rewrite(member, schema_ref)
        return out
    if isinstance(value, list):
        return [rewrite(member, schema_ref) for member in value]
    return value


def renamed_operations(path_item, suffix):
    for method in METHODS:
        operation = path_item.get(method)
        if isinstance(operation, dict) and "operationId" in operation:
            operation["operationId"] = operation["operationId"] + suffix
    return path_item


def count_operations(paths):
    return sum(1 for item in paths.values() for method in METHODS if isinstance(item.get(method), dict))


def copy_of(doc, k):
    """Copy k of the document's paths and schemas (copy 0 keeps the original names)."""
    suffix = "" if k == 0 else f"_k{k}"
    prefix = "" if k == 0 else f"/copy{k}"
    ref = lambda name: SCHEMA_REF + name + suffix  # noqa: E731
    paths = {prefix + path: renamed_operations(rewrite(item, ref), suffix) for path, item in doc.get("paths", {}).items()}
    schemas = {name + suffix: rewrite(schema, ref) for name, schema in doc.get("components", {}).get("schemas", {}).items()}
    return paths, schemas


def dump(value, path):
    with open(path, "w") as handle:
        yaml.dump(value, handle, Dumper=DUMPER, sort_keys=False, allow_unicode=True, width=120)


def big_yaml(source, out, min_bytes):
    with open(source) as handle:
        doc = json.load(handle)
    copies = 1
    while True:
        result = dict(doc)
        result["paths"], schemas = {}, {}
        for k in range(copies):
            paths, copy_schemas = copy_of(doc, k)
            result["paths"].update(paths)
            schemas.update(copy_schemas)
        result["components"] = dict(doc.get("components", {}), schemas=schemas)
        dump(result, out)
        size = os.path.getsize(out)
        if size >= min_bytes:
            return {"kind": "bigspec", "file": out, "bytes": size, "copies": copies,
                    "operations": count_operations(result["paths"]), "schemas": len(schemas)}
        copies += 1


def multi_file(source, out_dir, min_operations):
    with open(source) as handle:
        doc = json.load(handle)
    per_copy = count_operations(doc.get("paths", {}))
    copies = max(1, -(-min_operations // max(per_copy, 1)))
    os.makedirs(os.path.join(out_dir, "paths"), exist_ok=True)
    os.makedirs(os.path.join(out_dir, "schemas"), exist_ok=True)
    root = dict(doc)
    root["paths"] = {}
    root_schemas = {}
    files = 0
    for k in range(copies):
        suffix = "" if k == 0 else f"_k{k}"
        prefix = "" if k == 0 else f"/copy{k}"
        for index, (path, item) in enumerate(doc.get("paths", {}).items()):
            name = f"p{k}_{index}.yaml"
            # A path item's schema refs go to ../schemas/NAME.yaml; other component refs to the root.
            body = renamed_operations(rewrite(item, lambda s: f"../schemas/{s}{suffix}.yaml"), suffix)
            body = retarget_components(body, "../openapi.yaml#/components/")
            dump(body, os.path.join(out_dir, "paths", name))
            root["paths"][prefix + path] = {"$ref": "paths/" + name}
            files += 1
        for schema_name, schema in doc.get("components", {}).get("schemas", {}).items():
            body = rewrite(schema, lambda s: f"{s}{suffix}.yaml")
            body = retarget_components(body, "../openapi.yaml#/components/")
            dump(body, os.path.join(out_dir, "schemas", schema_name + suffix + ".yaml"))
            root_schemas[schema_name + suffix] = {"$ref": f"schemas/{schema_name}{suffix}.yaml"}
            files += 1
    root["components"] = dict(doc.get("components", {}), schemas=root_schemas)
    dump(root, os.path.join(out_dir, "openapi.yaml"))
    total = sum(os.path.getsize(os.path.join(folder, name))
                for folder, _, names in os.walk(out_dir) for name in names)
    return {"kind": "multispec", "file": os.path.join(out_dir, "openapi.yaml"), "files": files + 1, "bytes": total,
            "copies": copies, "operations": per_copy * copies}


def retarget_components(value, base):
    """`#/components/…` refs (other than schemas, already rewritten) pointed at the root document."""
    if isinstance(value, dict):
        return {key: (base + member[len("#/components/"):]
                      if key == "$ref" and isinstance(member, str) and member.startswith("#/components/")
                      else retarget_components(member, base))
                for key, member in value.items()}
    if isinstance(value, list):
        return [retarget_components(member, base) for member in value]
    return value


def main(argv):
    if len(argv) == 4 and argv[0] == "yaml":
        result = big_yaml(argv[1], argv[2], int(argv[3]))
    elif len(argv) == 4 and argv[0] == "multi":
        result = multi_file(argv[1], argv[2], int(argv[3]))
    else:
        sys.stderr.write(__doc__)
        return 2
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
