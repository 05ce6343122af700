"""Runs every `make bench` figure and appends one JSON object per line to the results file.

Each figure is independent: when its prerequisite is missing (a subcommand not built yet, a tool not
installed, `specgate run` still a stub) it records {"kind": "not_measured", "figure": …, "reason": …}
and the next figure runs. Nothing here decides whether a goal is met; report.py does.

usage: figures.py RESULTS.jsonl  (environment: BENCH_BIN = release bin folder, BENCH_TMP = scratch folder)
"""

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from sandbox import SandboxProcess  # noqa: E402
import payloads  # noqa: E402

SPEC = "specs/calcom/openapi-v2.json"
SUITE = "specs/calcom/suite.yaml"
API_VERSION = "2024-08-13"
SINGLE_OPERATION = "BookingsController_2024_08_13_getBookings"
SINGLE_PATH = "/v2/bookings"
LOAD_RUNS = 21
# The wrk comparison: interleaved rounds, each side's median round (see figure_run_rate). On a shared 2-core
# machine one round varies by ±10%; five rounds of 10,000 cases (about a second each, wrk's rounds are 5 s)
# give a steadier median than the three rounds of 5,000 used until session 6.
SINGLE_MIN_REQUESTS = 10000
RATE_ROUNDS = 5
WRK_SECONDS = 5
# The suite run of figure 4 is sized like Schemathesis's (~5,700 requests in its 90 s budget): one run.
SUITE_VALID_CASES = 300
SUITE_MAX_CASES = 330
SCHEMATHESIS_MAX_EXAMPLES = 10
# Time budgets (--max-time) keep `make bench` within ~15 minutes: Schemathesis spends minutes on the
# Cal.com create-booking body otherwise. Rates are requests / wall time, so a budget does not bias them.
SCHEMATHESIS_RUN_SECONDS = 90
SCHEMATHESIS_DETECTION_SECONDS = 20
SCHEMATHESIS_TIMEOUT = 240
RUN_TIMEOUT = 300
# The big-document figures (issue #15): Cal.com's document repeated into one ≥ 3 MB YAML file, and
# split into a multi-file YAML spec with ≥ 600 operations (Tests/Bench/bigspec.py builds both).
BIG_YAML_BYTES = 3_000_000
MULTI_MIN_OPERATIONS = 600
BIG_LINT_RUNS = 3
BIG_PARSE_RUNS = 5
BIG_PY_RUNS = 3
# Detection depth (issue #16): `run` at default settings and with `--max-time` on the Cal.com suite, against the
# conformant sandbox and a few faults. BENCH_DEPTH_SECONDS shortens the budget (e.g. 3 for a quick check).
DEPTH_SECONDS = float(os.environ.get("BENCH_DEPTH_SECONDS", "30"))
DEPTH_FAULTS = [f for f in os.environ.get("BENCH_DEPTH_FAULTS", "ignore_query_array_enum,cancel_not_persisted").split(",") if f]


class NotMeasured(Exception):
    pass


class Bench:
    def __init__(self, results_path):
        self.results_path = results_path
        self.bin = os.environ.get("BENCH_BIN") or os.path.join(ROOT, ".build", "release")
        self.tmp = os.environ.get("BENCH_TMP") or "/tmp/specgate-bench"
        os.makedirs(self.tmp, exist_ok=True)
        self.specgate = os.path.join(self.bin, "specgate")
        self.bench = os.path.join(self.bin, "specgate-bench")

    # -- output -------------------------------------------------------------------------------

    def emit(self, record):
        with open(self.results_path, "a") as handle:
            handle.write(json.dumps(record) + "\n")
        print("  " + json.dumps(record)[:400], flush=True)

    def not_measured(self, figure, reason):
        self.emit({"kind": "not_measured", "figure": figure, "reason": reason})

    # -- processes ----------------------------------------------------------------------------

    def run(self, args, timeout=RUN_TIMEOUT, env=None, check_codes=(0,), cwd=ROOT):
        merged = dict(os.environ)
        merged.update(env or {})
        try:
            proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=merged)
        except FileNotFoundError:
            raise NotMeasured(f"{os.path.basename(args[0])} is not installed")
        except subprocess.TimeoutExpired:
            raise NotMeasured(f"{' '.join(args[:3])} … did not finish within {timeout} s")
        if check_codes is not None and proc.returncode not in check_codes:
            raise NotMeasured(f"{os.path.basename(args[0])} {args[1] if len(args) > 1 else ''} exited "
                              f"{proc.returncode}: {last_line(proc.stderr or proc.stdout)}")
        return proc

    def bench_lines(self, args, timeout=RUN_TIMEOUT):
        """Runs specgate-bench; its JSON lines. A subcommand the build lacks becomes NotMeasured."""
        if not os.path.exists(self.bench):
            raise NotMeasured("specgate-bench was not built")
        proc = self.run([self.bench] + args, timeout=timeout, check_codes=None)
        if proc.returncode == 2 and "unknown subcommand" in proc.stderr:
            raise NotMeasured(f"specgate-bench has no `{args[0]}` subcommand in this build")
        if proc.returncode != 0:
            raise NotMeasured(f"specgate-bench {args[0]} failed: {last_line(proc.stderr)}")
        return [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]

    def python_line(self, args, timeout=RUN_TIMEOUT):
        proc = self.run([sys.executable, os.path.join(HERE, "py_reference.py")] + args, timeout=timeout)
        return json.loads(proc.stdout.strip().splitlines()[-1])

    def require_run_command(self):
        proc = self.run([self.specgate, "run", "--help"], check_codes=None)
        if proc.returncode != 0 or "Not available yet" in proc.stdout:
            raise NotMeasured("`specgate run` is not available in this build (still the interim stub)")

    def specgate_run(self, url, key, extra, name, timeout=RUN_TIMEOUT, wrapper=(), outsider=None, suite=SUITE):
        """`specgate run` against a sandbox; (exit code, JSON report, wall seconds, process). `outsider`: the
        sandbox's outsider key, for `cross_user_access` (skipped with a note without it)."""
        report = os.path.join(self.tmp, name + ".json")
        if os.path.exists(report):
            os.remove(report)
        args = list(wrapper) + [self.specgate, "run", suite, "--base-url", url, "--json", report,
                                "--junit", os.path.join(self.tmp, name + ".xml")] + list(extra)
        start = time.perf_counter()
        env = {"CAL_API_KEY": key}
        if outsider:
            env["CAL_OUTSIDER_API_KEY"] = outsider
        proc = self.run(args, timeout=timeout, env=env, check_codes=None)
        wall = time.perf_counter() - start
        if proc.returncode not in (0, 1) or not os.path.exists(report):
            raise NotMeasured(f"specgate run exited {proc.returncode}: {last_line(proc.stderr or proc.stdout)}")
        with open(report) as handle:
            return proc.returncode, json.load(handle), wall, proc

    # -- figures ------------------------------------------------------------------------------

    def environment(self):
        record = {"kind": "environment", "nproc": os.cpu_count(), "cpu_model": cpu_model(),
                  "memory_kb": mem_total_kb(), "load_average_at_start": os.getloadavg()}
        versions = {}
        versions["swift"] = first_line(["swift", "--version"])
        versions["python"] = sys.version.split()[0]
        for package in ("jsonschema", "openapi-schema-validator", "schemathesis"):
            try:
                from importlib.metadata import version
                versions[package] = version(package)
            except Exception:  # noqa: BLE001  (not installed is a fact to report)
                versions[package] = None
        versions["wrk"] = first_line(["wrk", "-v"])
        record["versions"] = versions
        self.emit(record)

    def figure_load(self):
        for label, path in (("spec", SPEC), ("suite", SUITE)):
            try:
                if not os.path.exists(os.path.join(ROOT, path)):
                    raise NotMeasured(f"{path} does not exist")
                for line in self.bench_lines(["load", "--path", path, "--runs", str(LOAD_RUNS), "--label", label]):
                    self.emit(line)
            except NotMeasured as reason:
                self.not_measured("load." + label, str(reason))
        self.emit(self.python_line(["load", SPEC, str(LOAD_RUNS)]))

    def figure_big(self):
        """`specgate lint` of a ≥ 3 MB YAML spec and of a ≥ 600-operation multi-file spec (wall, median of
        BIG_LINT_RUNS, process start included), and the parse of the big YAML into its value tree
        (specgate-bench parse) against PyYAML's `yaml.load(…, Loader=yaml.CSafeLoader)` on the same file."""
        if not os.path.exists(self.specgate):
            raise NotMeasured("specgate was not built")
        big = os.path.join(self.tmp, "big", "big.yaml")
        multi = os.path.join(self.tmp, "big", "multi")
        os.makedirs(os.path.dirname(big), exist_ok=True)
        generator = [sys.executable, os.path.join(HERE, "bigspec.py")]
        made_big = json.loads(self.run(generator + ["yaml", SPEC, big, str(BIG_YAML_BYTES)]).stdout.splitlines()[-1])
        made_multi = json.loads(
            self.run(generator + ["multi", SPEC, multi, str(MULTI_MIN_OPERATIONS)]).stdout.splitlines()[-1])
        for line in self.bench_lines(["parse", "--path", big, "--runs", str(BIG_PARSE_RUNS), "--label", "big"]):
            self.emit(line)
        for line in self.bench_lines(["load", "--path", big, "--runs", str(BIG_PARSE_RUNS), "--label", "big"]):
            self.emit(line)
        self.emit(self.python_line(["yaml_load", big, str(BIG_PY_RUNS)]))
        for label, made in (("big", made_big), ("multi", made_multi)):
            walls, cpus, findings = [], [], None
            for _ in range(BIG_LINT_RUNS):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                proc = self.run([self.specgate, "lint", made["file"]], check_codes=(0, 1))
                walls.append(time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
                findings = sum(1 for line in proc.stdout.splitlines() if line.split("  ")[0] in ("error", "warning", "info"))
            self.emit({"kind": "lint_big", "label": label, "runs": BIG_LINT_RUNS, "wall_seconds": sorted(walls)[len(walls) // 2],
                       "min_seconds": min(walls), "max_seconds": max(walls),
                       "cpu_seconds": sorted(cpus)[len(cpus) // 2], "load_average": os.getloadavg()[0], "findings": findings, **{
                           k: made[k] for k in ("bytes", "operations", "copies", "files") if k in made}})

    def figure_validate(self):
        if not os.path.exists(self.specgate):
            raise NotMeasured("specgate was not built")
        with SandboxProcess(self.specgate) as sandbox:
            lists, reassigns = payloads.collect(sandbox.url, sandbox.keys["owner"])
        sets = [("bookings", "GetBookingsOutput_2024_08_13", lists),
                ("reassign", "ReassignBookingOutput_2024_08_13", reassigns)]
        for name, schema, values in sets:
            try:
                payload_path = os.path.join(self.tmp, name + ".jsonl")
                bundle_path = os.path.join(self.tmp, name + ".schema.json")
                payloads.write_lines(payload_path, values)
                source = SUITE if os.path.exists(os.path.join(ROOT, SUITE)) else SPEC
                for line in self.bench_lines(["validate", "--path", source, "--schema", schema, "--set", name,
                                              "--payloads", payload_path, "--bundle-out", bundle_path]):
                    line["source"] = source
                    if name == "bookings":
                        line["bookings"] = sum(len(value.get("data", [])) for value in values)
                    self.emit(line)
                self.emit(self.python_line(["validate", name, bundle_path, payload_path], timeout=600))
            except NotMeasured as reason:
                self.not_measured("validate." + name, str(reason))

    def figure_generate(self):
        source = SUITE if os.path.exists(os.path.join(ROOT, SUITE)) else SPEC
        for line in self.bench_lines(["generate", "--path", source, "--seeds", "3"]):
            self.emit(line)

    def figure_run_rate(self):
        """SpecGate's request rate on one operation against wrk's on the same endpoint, in RATE_ROUNDS
        interleaved rounds (each on a fresh sandbox, the two sides taking turns to go first, so a drift in
        the machine's speed affects both); each side's figure is its median round.

        wrk: `wrk -t2 -c8 -d{WRK_SECONDS}s` GET /v2/bookings with the Cal.com headers. SpecGate: `specgate run`
        on the list operation (no links or producers), SINGLE_MIN_REQUESTS valid cases (`--valid-cases`), all
        checks on, concurrency 8; its rate is requests over the run's own duration (JSON report), and over
        wall time including start-up and generation."""
        if shutil.which("wrk") is None:
            raise NotMeasured("wrk is not installed")
        self.require_run_command()
        wrk_rounds, run_rounds = [], []
        for round_index in range(RATE_ROUNDS):
            with SandboxProcess(self.specgate) as sandbox:
                sides = [self.wrk_round, self.specgate_round]
                if round_index % 2:
                    sides.reverse()
                for side in sides:
                    result = side(sandbox)
                    (wrk_rounds if side == self.wrk_round else run_rounds).append(result)
        wrk_median = median_record(wrk_rounds)
        run_median = median_record(run_rounds)
        self.emit({"kind": "wrk", "url_path": SINGLE_PATH, "threads": 2, "connections": 8, "seconds": WRK_SECONDS,
                   "rounds": len(wrk_rounds), "round_rates": [r["requests_per_second"] for r in wrk_rounds],
                   **wrk_median})
        self.emit({"kind": "run_single", "operation": SINGLE_OPERATION, "concurrency": 8, "runs": len(run_rounds),
                   "cases": SINGLE_MIN_REQUESTS,
                   "round_rates": [r["requests_per_second"] for r in run_rounds],
                   "round_ratios": [r["requests_per_second"] / w["requests_per_second"]
                                    for r, w in zip(run_rounds, wrk_rounds)],
                   "exit_codes": [r["exit_code"] for r in run_rounds], **run_median})

    def wrk_round(self, sandbox):
        proc = self.run(["wrk", "-t2", "-c8", "-d%ds" % WRK_SECONDS, "-s", os.path.join(HERE, "wrk-headers.lua"),
                         sandbox.url + SINGLE_PATH], timeout=60, env={"BENCH_API_KEY": sandbox.keys["owner"]})
        summary = dict(re.findall(r"(\w+)=(\d+)", next(
            (line for line in proc.stdout.splitlines() if line.startswith("BENCH_SUMMARY")), "")))
        rate = re.search(r"Requests/sec:\s+([\d.]+)", proc.stdout)
        if not rate:
            raise NotMeasured("wrk printed no Requests/sec: " + last_line(proc.stdout))
        return {"requests_per_second": float(rate.group(1)), "requests": int(summary.get("requests", 0)),
                "non_2xx": int(summary.get("errors_status", 0)), "p50_us": int(summary.get("p50_us", 0)),
                "p99_us": int(summary.get("p99_us", 0))}

    def specgate_round(self, sandbox):
        code, report, seconds, _ = self.specgate_run(
            sandbox.url, sandbox.keys["owner"],
            ["--operation", SINGLE_OPERATION, "--no-invalid", "--valid-cases", str(SINGLE_MIN_REQUESTS),
             "--max-cases", str(SINGLE_MIN_REQUESTS), "--concurrency", "8"], "run-single")
        requests = report.get("summary", {}).get("requests") or 0
        duration_ms = report.get("durationMs") or 0
        return {"requests": requests, "duration_ms": duration_ms, "wall_seconds": round(seconds, 3), "exit_code": code,
                "requests_per_second": requests / (duration_ms / 1000) if duration_ms else 0,
                "requests_per_second_wall": requests / seconds if seconds else None}

    def figure_versus_schemathesis(self):
        """One SpecGate run of the Bookings suite sized like Schemathesis's run (thousands of cases:
        SUITE_VALID_CASES valid cases per operation, up to SUITE_MAX_CASES in all), against one Schemathesis
        run of the same operations; both rates are cases over wall time including start-up."""
        self.require_run_command()
        with SandboxProcess(self.specgate) as sandbox:
            spec = self.schemathesis_spec()
            code, report, wall, _ = self.specgate_run(
                sandbox.url, sandbox.keys["owner"],
                ["--seed", "1", "--valid-cases", str(SUITE_VALID_CASES), "--max-cases", str(SUITE_MAX_CASES)],
                "run-suite")
            requests = report.get("summary", {}).get("requests") or 0
            duration_ms = report.get("durationMs") or 0
            self.emit({"kind": "run_suite", "suite": SUITE, "runs": 1, "requests": requests,
                       "operations": len(report.get("operations", [])), "valid_cases": SUITE_VALID_CASES,
                       "max_cases": SUITE_MAX_CASES,
                       "duration_ms": duration_ms, "wall_seconds": round(wall, 3), "exit_codes": [code],
                       "requests_per_second": requests / (duration_ms / 1000) if duration_ms else None})
            self.emit(self.schemathesis(sandbox, spec, "st-suite"))

    def figure_memory(self):
        self.require_run_command()
        if not os.path.exists("/usr/bin/time"):
            raise NotMeasured("/usr/bin/time is not installed (apt-get install time)")
        # One operation, valid cases only, 10,000 vs 100,000 cases (`--valid-cases`).
        for label, cases in (("small", 10000), ("large", 100000)):
            with SandboxProcess(self.specgate) as sandbox:
                code, report, wall, proc = self.specgate_run(
                    sandbox.url, sandbox.keys["owner"],
                    ["--operation", SINGLE_OPERATION, "--no-invalid", "--valid-cases", str(cases),
                     "--max-cases", str(cases)], "memory-" + label, wrapper=["/usr/bin/time", "-v"])
            rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
            if not rss:
                raise NotMeasured("/usr/bin/time printed no maximum resident set size")
            record = run_record("memory", code, report, wall, {"label": label, "max_cases": cases})
            record["max_rss_kb"] = int(rss.group(1))
            self.emit(record)

    def rfc9110_suite(self):
        """The Cal.com suite without its `unsupported_method` exception (Cal.com answers unrouted methods with
        Express's 404), for faults that check RFC 9110's 405 with Allow (`method_not_allowed_without_allow`)."""
        calcom = os.path.join(ROOT, "specs", "calcom")
        with open(os.path.join(calcom, "suite.yaml")) as handle:
            lines = handle.read().replace("spec: openapi-v2.json", "spec: " + os.path.join(calcom, "openapi-v2.json")) \
                .replace("overlays: [overlay.yaml]", "overlays: [" + os.path.join(calcom, "overlay.yaml") + "]").split("\n")
        index = next(i for i, line in enumerate(lines) if "- check: unsupported_method" in line)
        del lines[index:index + 2]
        path = os.path.join(self.tmp, "suite-rfc9110.yaml")
        with open(path, "w") as handle:
            handle.write("\n".join(lines))
        return path

    def figure_detection(self):
        self.require_run_command()
        catalogue = self.run([self.specgate, "sandbox", "--list-faults"]).stdout.splitlines()[1:]
        try:
            spec, st_missing = self.schemathesis_spec(), None
        except NotMeasured as reason:
            spec, st_missing = None, str(reason)
        rows = [("(none: conformant sandbox)", "(none)", "")] + [
            (row.split()[0], row.split()[1], row) for row in catalogue if len(row.split()) >= 2]
        baseline_ours, baseline_theirs = set(), set()
        for fault, expected, row in rows:
            conformant = fault.startswith("(none")
            record = {"kind": "detection", "fault": fault, "expected_check": expected}
            if "[transport]" in row:
                record["skipped"] = "transport fault (breaks the exchange itself): not run"
                self.emit(record)
                continue
            sandbox_args, run_args, st_args = [], [], []
            if fault == "slow_responses":
                sandbox_args = ["--slow-delay-ms", "300"]
                run_args = ["--max-response-time", "200"]
                st_args = ["--max-response-time", "0.2"]
            try:
                faults = [] if conformant else [fault]
                with SandboxProcess(self.specgate, faults=faults, extra_args=sandbox_args) as sandbox:
                    # unsupported_method faults: the suite without Cal.com's exception for Express's 404.
                    suite = self.rfc9110_suite() if expected == "unsupported_method" else SUITE
                    code, report, wall, _ = self.specgate_run(sandbox.url, sandbox.keys["owner"], run_args,
                                                              "detect-" + (fault if faults else "none"),
                                                              outsider=sandbox.keys.get("outsider"), suite=suite)
                    findings = report.get("findings", [])
                    checks = sorted({f.get("check") for f in findings})
                    fingerprints = {f.get("fingerprint") for f in findings if f.get("check") == expected}
                    record["specgate"] = {
                        "exit_code": code, "checks": checks, "requests": report.get("summary", {}).get("requests"),
                        "wall_seconds": round(wall, 2)}
                    if spec:
                        record["schemathesis"] = self.schemathesis(
                            sandbox, spec, "st-" + (fault if faults else "none"), st_args,
                            seconds=SCHEMATHESIS_DETECTION_SECONDS)
                    else:
                        record["schemathesis"] = {"not_measured": st_missing}
                theirs = record["schemathesis"].get("failed_checks", [])
                if conformant:
                    baseline_ours = {f.get("fingerprint") for f in findings}
                    baseline_theirs = set(theirs)
                else:
                    # SpecGate (deterministic, seed 1) found the fault when the run failed with a finding of
                    # the fault's check that the conformant sandbox did not produce (fingerprints differ).
                    new = fingerprints - baseline_ours
                    record["specgate"]["found"] = code == 1 and bool(new)
                    record["specgate"]["new_findings_of_expected_check"] = len(new)
                    if "failed_checks" in record["schemathesis"]:
                        # Schemathesis (randomised, time-boxed) found it when the fault's check failed and did not
                        # fail on the conformant sandbox; when it fails there too the fault is masked.
                        st = record["schemathesis"]
                        st["found"] = st["exit_code"] == 1 and expected in theirs and expected not in baseline_theirs
                        st["masked"] = expected in baseline_theirs
                        st["new_failed_checks"] = sorted(set(theirs) - baseline_theirs)
            except NotMeasured as reason:
                record["not_measured"] = str(reason)
            self.emit(record)

    def figure_depth(self):
        """Cases and findings of `run` at default settings and with `--max-time` (issue #16), on the conformant
        sandbox (findings must be 0) and with DEPTH_FAULTS (those the sandbox lists; new faults join by name)."""
        self.require_run_command()
        listed = {row.split()[0] for row in self.run([self.specgate, "sandbox", "--list-faults"]).stdout.splitlines()[1:]
                  if row.split()}
        budget = ("%g" % DEPTH_SECONDS) + "s"
        for fault in [None] + DEPTH_FAULTS:
            records = []
            for mode, extra in (("default", []), ("max-time " + budget, ["--max-time", budget])):
                record = {"kind": "depth", "fault": fault or "(none: conformant sandbox)", "mode": mode}
                records.append(record)
                if fault and fault not in listed:
                    record["not_measured"] = f"the sandbox has no fault {fault} in this build"
                    continue
                try:
                    with SandboxProcess(self.specgate, faults=[fault] if fault else []) as sandbox:
                        code, report, wall, _ = self.specgate_run(
                            sandbox.url, sandbox.keys["owner"], extra, "depth-" + (fault or "none") + "-" + mode.split()[0],
                            timeout=RUN_TIMEOUT + DEPTH_SECONDS, outsider=sandbox.keys.get("outsider"))
                    findings = report.get("findings", [])
                    record.update({
                        "exit_code": code, "wall_seconds": round(wall, 2),
                        "requests": report.get("summary", {}).get("requests"),
                        "findings": len(findings), "checks": sorted({f.get("check") for f in findings})})
                    # "time budget: --max-time 30s: 5095 cases (196 default, 4899 new distinct) in 30.1 s; stopped because …"
                    for note in report.get("notes", []):
                        match = re.match(r"time budget: --max-time \S+: (\d+) cases \((\d+) default, (\d+) new distinct\).*; "
                                         r"stopped because (.*)$", note)
                        if match:
                            record.update({"cases": int(match.group(1)), "default_cases": int(match.group(2)),
                                           "new_cases": int(match.group(3)), "stopped": match.group(4)})
                except NotMeasured as reason:
                    record["not_measured"] = str(reason)
            # A default run sends the cases the budget run sends first (same seed): its case count.
            if "default_cases" in records[1] and "not_measured" not in records[0]:
                records[0]["cases"] = records[1]["default_cases"]
            for record in records:
                self.emit(record)

    # -- Schemathesis -------------------------------------------------------------------------

    def schemathesis_spec(self):
        """The suite's spec as one file (overlays applied, Bookings operations), via `specgate bundle`."""
        if shutil.which("schemathesis") is None:
            raise NotMeasured("schemathesis is not installed")
        bundle = os.path.join(self.tmp, "calcom-bundle.json")
        proc = self.run([self.specgate, "bundle", SUITE, "-o", bundle], check_codes=None)
        if proc.returncode != 0 or not os.path.exists(bundle):
            raise NotMeasured("`specgate bundle` is not available: " + last_line(proc.stderr or proc.stdout))
        return bundle

    def schemathesis(self, sandbox, spec, name, extra=(), seconds=SCHEMATHESIS_RUN_SECONDS):
        ndjson = os.path.join(self.tmp, name + ".ndjson")
        if os.path.exists(ndjson):
            os.remove(ndjson)
        args = ["schemathesis", "run", spec, "--url", sandbox.url,
                "-H", "Authorization: Bearer " + sandbox.keys["owner"], "-H", "cal-api-version: " + API_VERSION,
                "--include-tag", "Bookings", "--seed", "1", "-n", str(SCHEMATHESIS_MAX_EXAMPLES), "--no-color",
                "--max-time", str(seconds), "--report", "ndjson", "--report-ndjson-path", ndjson] + list(extra)
        # A fresh working folder per run: Schemathesis keeps a crash cache in ./.schemathesis and replays it,
        # which would carry failures from one fault's run into the next (and litter the repository).
        cwd = os.path.join(self.tmp, "schemathesis-" + name)
        os.makedirs(cwd, exist_ok=True)
        start = time.perf_counter()
        proc = self.run(args, timeout=SCHEMATHESIS_TIMEOUT, check_codes=None, cwd=cwd)
        wall = time.perf_counter() - start
        counts = schemathesis_counts(ndjson)
        record = {"kind": "schemathesis", "name": name, "exit_code": proc.returncode, "wall_seconds": round(wall, 3),
                  "max_examples": SCHEMATHESIS_MAX_EXAMPLES, "max_time": seconds, **counts}
        return record


# -- helpers ----------------------------------------------------------------------------------

def schemathesis_counts(ndjson_path):
    """Requests sent and failed check names, read from Schemathesis' NDJSON event stream."""
    requests = 0
    failed = set()
    if not os.path.exists(ndjson_path):
        return {"requests": None, "failed_checks": []}
    with open(ndjson_path) as handle:
        for line in handle:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            for interactions in find_all(event, "interactions"):
                if isinstance(interactions, (dict, list)):
                    requests += len(interactions)
            for checks in find_all(event, "checks"):
                per_case = checks.values() if isinstance(checks, dict) else [checks]
                for results in per_case:
                    for item in results if isinstance(results, list) else [results]:
                        if isinstance(item, dict) and item.get("status") == "failure":
                            failed.add(item.get("name"))
    return {"requests": requests, "failed_checks": sorted(n for n in failed if n)}


def find_all(value, key):
    """Every value stored under `key` anywhere in a JSON value."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k == key:
                yield v
            yield from find_all(v, key)
    elif isinstance(value, list):
        for v in value:
            yield from find_all(v, key)


def run_record(kind, code, report, wall, extra):
    summary = report.get("summary", {})
    duration_ms = report.get("durationMs") or 0
    requests = summary.get("requests") or 0
    record = {"kind": kind, "exit_code": code, "requests": requests, "duration_ms": duration_ms,
              "wall_seconds": round(wall, 3), "operations": summary.get("operations"),
              "failures": summary.get("failures"), "transport_errors": summary.get("transportErrors"),
              "requests_per_second": requests / (duration_ms / 1000) if duration_ms else None}
    record.update(extra)
    return record


def last_line(text):
    lines = [line for line in (text or "").strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else "(no output)"


def median_record(records):
    """The record with the median `requests_per_second` (the lower middle one for an even count)."""
    ordered = sorted(records, key=lambda r: r["requests_per_second"])
    return ordered[(len(ordered) - 1) // 2]


def first_line(args):
    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=30)
        return last_line((proc.stdout or proc.stderr).strip().splitlines()[0]) if (proc.stdout or proc.stderr) else None
    except (OSError, subprocess.TimeoutExpired):
        return None


def cpu_model():
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def mem_total_kb():
    try:
        with open("/proc/meminfo") as handle:
            for line in handle:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


FIGURES = [
    ("load", Bench.figure_load),
    ("big", Bench.figure_big),
    ("validate", Bench.figure_validate),
    ("generate", Bench.figure_generate),
    ("run.rate", Bench.figure_run_rate),
    ("run.schemathesis", Bench.figure_versus_schemathesis),
    ("memory", Bench.figure_memory),
    ("detection", Bench.figure_detection),
    ("depth", Bench.figure_depth),
]


def main(argv):
    if len(argv) != 1:
        sys.stderr.write(__doc__)
        return 2
    bench = Bench(argv[0])
    bench.environment()
    only = set(filter(None, os.environ.get("BENCH_ONLY", "").split(",")))
    for name, figure in FIGURES:
        if only and name not in only:
            continue
        print(f"== {name}", flush=True)
        start = time.perf_counter()
        try:
            figure(bench)
        except NotMeasured as reason:
            bench.not_measured(name, str(reason))
        except Exception as error:  # noqa: BLE001  (one broken figure must not stop the others)
            bench.not_measured(name, f"harness error: {type(error).__name__}: {error}")
        print(f"   ({time.perf_counter() - start:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
