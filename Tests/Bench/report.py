"""Turns the JSON lines of figures.py into reports/bench/latest.md and reports/bench/latest.json.

Goals live here, in one place. A figure without a measurement is written "not measured: <reason>";
a missed goal is reported as missed and never fails the build.

usage: report.py RESULTS.jsonl OUT_DIR
"""

import datetime
import json
import os
import sys

LOAD_GOAL_MS = 100.0
VALIDATE_GOAL_RATIO = 10.0
WRK_GOAL_RATIO = 0.75  # issue #13 (was 0.5)
SCHEMATHESIS_GOAL_RATIO = 20.0
MEMORY_GOAL_GROWTH = 0.10
BIG_LINT_GOAL_SECONDS = 1.5
BIG_PARSE_GOAL_RATIO = 3.0


def read(path):
    with open(path) as handle:
        return [json.loads(line) for line in handle if line.strip()]


def rates(values):
    """Per-round rates, e.g. "10,355 / 11,534 / 11,921"."""
    return " / ".join("{:,.0f}".format(v) for v in values)


class Report:
    def __init__(self, records):
        self.records = records
        self.rows = []

    def find(self, kind, **match):
        for record in self.records:
            if record.get("kind") == kind and all(record.get(k) == v for k, v in match.items()):
                return record
        return None

    def missing(self, *figures):
        """The recorded reason a figure was not measured, if any."""
        for record in self.records:
            if record.get("kind") == "not_measured" and record.get("figure") in figures:
                return record["reason"]
        return None

    def row(self, section, figure, value=None, unit="", reference=None, reference_label="", ratio=None,
            ratio_label="", goal="", met=None, note="", reason=None):
        if value is None and reason is None:
            reason = "no result recorded"
        self.rows.append({
            "section": section, "figure": figure, "value": rounded(value), "unit": unit,
            "reference": rounded(reference), "reference_label": reference_label, "ratio": rounded(ratio),
            "ratio_label": ratio_label, "goal": goal, "met": met if value is not None else None,
            "note": note if value is not None else "not measured: " + reason})

    # -- figures ------------------------------------------------------------------------------

    def load(self):
        reference = self.find("load_ref")
        ref_ms = reference and reference["median_ms"]
        for label, title in (("spec", "Load + resolve + model Cal.com spec (1.1 MB, 285 ops)"),
                             ("suite", "… same through suite.yaml (overlay applied)")):
            line = self.find("load", label=label)
            if line is None:
                self.row("1 Load", title, reason=self.missing("load." + label, "load") or "no result recorded")
                continue
            ms = line["median_ms"]
            self.row("1 Load", title, ms, "ms (median of %d)" % line["runs"], ref_ms,
                     "Python json.load, ms (median)" if ref_ms else "", ms / ref_ms if ref_ms else None,
                     "× json.load time", "≤ %g ms" % LOAD_GOAL_MS, ms <= LOAD_GOAL_MS,
                     "%s operations, %s schemas, %s overlay(s); min %.1f ms, max %.1f ms" % (
                         line.get("operations"), line.get("schemas"), line.get("overlays", 0),
                         line["min_ms"], line["max_ms"]))

    def big(self):
        """Issue #15: big YAML documents (bigspec.py), against PyYAML's CSafeLoader on the same file."""
        section = "1b Big documents"
        reference = self.find("yaml_load_ref")
        ref_ms = reference and reference["median_ms"]
        ref_label = "%s, ms (median)" % reference["tool"] if reference else ""
        parse = self.find("parse", label="big")
        title = "Parse the big YAML spec into its value tree"
        if parse is None:
            self.row(section, title, reason=self.missing("big") or "no result recorded")
        else:
            ratio = parse["median_ms"] / ref_ms if ref_ms else None
            self.row(section, title, parse["median_ms"], "ms (median of %d)" % parse["runs"], ref_ms, ref_label, ratio,
                     "× CSafeLoader time", "≤ %g×" % BIG_PARSE_GOAL_RATIO,
                     ratio <= BIG_PARSE_GOAL_RATIO if ratio is not None else None,
                     "%.2f MB, %d members indexed; min %.1f ms, max %.1f ms" % (
                         parse["bytes"] / 1e6, parse.get("indexed_members", 0), parse["min_ms"], parse["max_ms"]))
        load = self.find("load", label="big")
        title = "Load + resolve + model the big YAML spec (as `specgate` does)"
        if load is None:
            self.row(section, title, reason=self.missing("big") or "no result recorded")
        else:
            ratio = load["median_ms"] / ref_ms if ref_ms else None
            self.row(section, title, load["median_ms"], "ms (median of %d)" % load["runs"], ref_ms, ref_label, ratio,
                     "× CSafeLoader time", "(absolute figure)", None,
                     "%s operations, %s schemas; min %.1f ms, max %.1f ms" % (
                         load.get("operations"), load.get("schemas"), load["min_ms"], load["max_ms"]))
        for label, title in (("big", "`specgate lint` of the big YAML spec"),
                             ("multi", "`specgate lint` of the multi-file YAML spec")):
            line = self.find("lint_big", label=label)
            if line is None:
                self.row(section, title, reason=self.missing("big") or "no result recorded")
                continue
            wall = line["wall_seconds"]
            shape = ("%.2f MB, %d operations (%d copies of Cal.com)" % (line["bytes"] / 1e6, line["operations"], line["copies"])
                     if label == "big" else "%d files, %.2f MB, %d operations" % (line["files"], line["bytes"] / 1e6, line["operations"]))
            self.row(section, title, wall, "s wall (median of %d)" % line["runs"],
                     ref_ms / 1000 if ref_ms and label == "big" else None,
                     "CSafeLoader load of the same file, s" if ref_ms and label == "big" else "",
                     wall / (ref_ms / 1000) if ref_ms and label == "big" else None,
                     "× CSafeLoader load" if label == "big" else "", "≤ %g s" % BIG_LINT_GOAL_SECONDS,
                     wall <= BIG_LINT_GOAL_SECONDS,
                     "%s; %s findings; process start included; CPU (user + sys) %.2f s, 1-minute load average %.1f "
                     "(on a busy machine wall time exceeds CPU time)" % (
                         shape, line["findings"], line.get("cpu_seconds", float("nan")), line.get("load_average", float("nan"))))

    def validate(self):
        titles = {"bookings": "Validate GET /v2/bookings 200 responses (GetBookingsOutput_2024_08_13)",
                  "reassign": "Validate reassign responses (ReassignBookingOutput_2024_08_13, overlay-repaired)"}
        for name, title in titles.items():
            swift = self.find("validate", set=name)
            python = self.find("validate_ref", set=name)
            if swift is None:
                self.row("2 Validation", title, reason=self.missing("validate." + name, "validate") or "no result")
                continue
            ref = python and python["per_second"]
            agree = python is not None and swift["valid"] == swift["instances"] and python["valid"] == python["instances"]
            note = "%d instances; valid: SpecGate %d/%d, jsonschema %s; %s" % (
                swift["instances"], swift["valid"], swift["instances"],
                "%d/%d" % (python["valid"], python["instances"]) if python else "n/a",
                "both accept every payload" if agree else "VALIDATORS DISAGREE or payloads invalid — see latest.json")
            if name == "bookings":
                note += "; %s bookings in all" % swift.get("bookings", "?")
            ratio = swift["per_second"] / ref if ref else None
            self.row("2 Validation", title, swift["per_second"], "instances/s (1 thread)", ref,
                     "Python %s, instances/s" % (python["validator"] if python else "jsonschema"), ratio,
                     "× jsonschema", "≥ %g×" % VALIDATE_GOAL_RATIO,
                     (ratio >= VALIDATE_GOAL_RATIO and agree) if ratio is not None else None, note)

    def generate(self):
        line = self.find("generate")
        if line is None:
            self.row("3 Generation", "Cases generated per second, whole Cal.com document",
                     reason=self.missing("generate") or "no result")
            return
        self.row("3 Generation", "Cases generated per second, whole Cal.com document", line["cases_per_second"],
                 "cases/s", goal="(absolute figure)",
                 note="%d cases (%d findings) for %d operations × %d seeds in %.2f s, operations in parallel" % (
                     line["cases"], line["findings"], line["operations"], line["seeds"], line["seconds"]))
        self.row("3 Generation", "Per-operation generation time (median over operations)",
                 line["per_operation_median_ms"], "ms", goal="(absolute figure)",
                 note="one operation at a time; p90 %.2f ms, max %.2f ms (%s)" % (
                     line["per_operation_p90_ms"], line["per_operation_max_ms"], line.get("slowest_operation")))

    def run_rate(self):
        wrk = self.find("wrk")
        if wrk is None:
            self.row("4 Run rate", "wrk on the sandbox (reference)", reason=self.missing("run.rate") or "no result")
        else:
            self.row("4 Run rate", "wrk on the sandbox (reference)", wrk["requests_per_second"], "requests/s",
                     goal="(reference)", note="wrk -t2 -c8 -d%ds GET %s with the Cal.com headers, median of %d rounds "
                     "(%s requests/s): %d requests, %d non-2xx, p50 %d µs, p99 %d µs; wrk and the sandbox share "
                     "the 2 cores" % (
                         wrk["seconds"], wrk["url_path"], wrk["rounds"], rates(wrk["round_rates"]), wrk["requests"],
                         wrk["non_2xx"], wrk["p50_us"], wrk["p99_us"]))
        single = self.find("run_single")
        title = "specgate run, one operation (GET /v2/bookings), all checks"
        if single is None or wrk is None:
            self.row("4 Run rate", title, single and single["requests_per_second"], "requests/s",
                     reason=self.missing("run.rate") or "no result")
        else:
            ratio = single["requests_per_second"] / wrk["requests_per_second"]
            self.row("4 Run rate", title, single["requests_per_second"], "requests/s", wrk["requests_per_second"],
                     "wrk -t2 -c8, requests/s (median round)", ratio, "of wrk's rate",
                     "≥ %d%%" % (WRK_GOAL_RATIO * 100), ratio >= WRK_GOAL_RATIO,
                     "median of %d rounds interleaved with wrk's, each on a fresh sandbox (%s requests/s; ratio to "
                     "the same round's wrk %s); a round is %d requests (--no-invalid, --valid-cases and --max-cases "
                     "%d), concurrency 8, rate over the run time in the JSON report (median round %.0f ms), exit "
                     "codes %s; with process start and spec loading (wall): %.0f requests/s" % (
                         single["runs"], rates(single["round_rates"]),
                         ", ".join("%.1f%%" % (100 * r) for r in single["round_ratios"]), single["requests"],
                         single.get("cases", 5000), single["duration_ms"], single["exit_codes"], single["requests_per_second_wall"] or 0))
        suite = self.find("run_suite")
        st = self.find("schemathesis", name="st-suite")
        title = "specgate run vs Schemathesis, Bookings operations (cases/s)"
        if suite is None or st is None or not st.get("requests"):
            reason = self.missing("run.schemathesis") or ("Schemathesis reported no requests" if st else "no result")
            self.row("4 Run rate", title, reason=reason)
            return
        ours = suite["requests"] / suite["wall_seconds"]
        theirs = st["requests"] / st["wall_seconds"]
        if "valid_cases" in suite:
            workload = ("SpecGate: one run of the suite on %d operations (--seed 1 --valid-cases %d --max-cases %d), "
                        "%d judged requests (cases and the producer request of each linked case; clean-ups not "
                        "counted) in %.1f s wall including process start and spec loading (%.0f requests/s within "
                        "the run per the JSON report), exit %s" % (
                            suite["operations"], suite["valid_cases"], suite["max_cases"], suite["requests"],
                            suite["wall_seconds"], suite["requests_per_second"] or 0, suite["exit_codes"]))
        else:
            workload = ("SpecGate %d requests in %.1f s over %d runs (seeds 1–%d, process start and spec loading "
                        "included; %.0f requests/s within the runs per the JSON reports), exit codes %s" % (
                            suite["requests"], suite["wall_seconds"], suite["runs"], suite["runs"],
                            suite["requests_per_second"] or 0, suite["exit_codes"]))
        self.row("4 Run rate", title, ours, "cases/s (wall)", theirs, "Schemathesis cases/s (wall)", ours / theirs,
                 "× Schemathesis", "≥ %g×" % SCHEMATHESIS_GOAL_RATIO, ours / theirs >= SCHEMATHESIS_GOAL_RATIO,
                 "%s; Schemathesis: one run of the same operations, %d requests in %.1f s wall (-n %d, "
                 "--max-time %d, exit %d)" % (
                     workload, st["requests"], st["wall_seconds"], st["max_examples"], st["max_time"], st["exit_code"]))

    def memory(self):
        small = self.find("memory", label="small")
        large = self.find("memory", label="large")
        title = "Peak RSS of specgate run, small vs large case count"
        if small is None or large is None:
            self.row("5 Memory", title, reason=self.missing("memory") or "no result")
            return
        growth = large["max_rss_kb"] / small["max_rss_kb"] - 1
        spread = large["requests"] / small["requests"] if small["requests"] else 0
        # The goal compares 10,000 with 100,000 cases; judge it only when the runs differ about tenfold.
        judged = spread >= 9.5
        self.row("5 Memory", title, large["max_rss_kb"] / 1024, "MiB (large run)", small["max_rss_kb"] / 1024,
                 "MiB (small run)", growth * 100, "% growth", "< %d%% (10,000 → 100,000 cases)" % (
                     MEMORY_GOAL_GROWTH * 100), growth < MEMORY_GOAL_GROWTH if judged else None,
                 "%d vs %d requests (--max-cases %d vs %d)%s" % (
                     small["requests"], large["requests"], small["max_cases"], large["max_cases"],
                     "" if judged else "; the runs differ only %.1f× in size, so the goal is not judged" % spread))

    def detection(self):
        return [r for r in self.records if r.get("kind") == "detection"]


def rounded(value):
    if isinstance(value, float):
        return round(value, 3 if abs(value) < 100 else 1)
    return value


def fmt(value):
    if value is None:
        return "—"
    if isinstance(value, float):
        if abs(value) >= 1000:
            return f"{value:,.0f}"
        if abs(value) >= 10:
            return f"{value:.1f}"
        return f"{value:.3g}" if abs(value) < 1 else f"{value:.2f}"
    return str(value)


def met_text(row):
    if row["value"] is None:
        return "not measured"
    if row["met"] is None:
        return "—"
    return "yes" if row["met"] else "**no**"


def markdown(report, environment, detection, generated_at):
    lines = ["# SpecGate benchmark report", "",
             f"Generated {generated_at} by `make bench` (release build). Every ratio is against a reference run "
             "in the same invocation on the same machine. Regenerate with `make bench`; missed goals are reported, "
             "never hidden.", ""]
    if environment:
        versions = environment.get("versions", {})
        load = environment.get("load_average_at_start")
        lines += ["## Machine and tools", "",
                  "| item | value |", "|---|---|",
                  f"| CPU | {environment.get('cpu_model')} |",
                  f"| nproc | {environment.get('nproc')} |",
                  f"| memory | {round((environment.get('memory_kb') or 0) / 1048576, 1)} GiB |",
                  f"| load average at start | {', '.join('%.2f' % x for x in load) if load else '—'} |"]
        for name, version in versions.items():
            lines.append(f"| {name} | {version or 'not installed'} |")
        lines.append("")
    lines += ["## Figures", "", "| figure | value | reference | ratio | goal | met? |", "|---|---|---|---|---|---|"]
    for row in report.rows:
        value = f"{fmt(row['value'])} {row['unit']}" if row["value"] is not None else "not measured"
        reference = f"{fmt(row['reference'])} ({row['reference_label']})" if row["reference"] is not None else "—"
        ratio = f"{fmt(row['ratio'])} {row['ratio_label']}" if row["ratio"] is not None else "—"
        lines.append(f"| {row['section']}: {row['figure']} | {value} | {reference} | {ratio} | {row['goal']} | "
                     f"{met_text(row)} |")
    lines += ["", "Notes:", ""]
    for row in report.rows:
        if row["note"]:
            lines.append(f"- **{row['section']}: {row['figure']}** — {row['note']}")
    lines += ["", "## 6 Detection matrix (sandbox faults)", ""]
    if not detection:
        reason = report.missing("detection") or "no result recorded"
        lines.append("not measured: " + reason)
    else:
        lines += ["| fault | expected check | SpecGate found? | SpecGate requests | Schemathesis found? "
                  "| Schemathesis requests | Schemathesis: newly failed checks |", "|---|---|---|---|---|---|---|"]
        for record in detection:
            if "skipped" in record:
                lines.append(f"| {record['fault']} | {record['expected_check']} | skipped | — | skipped | — | "
                             f"{record['skipped']} |")
                continue
            if "not_measured" in record:
                lines.append(f"| {record['fault']} | {record['expected_check']} | not measured: "
                             f"{record['not_measured']} | — | — | — | — |")
                continue
            ours = record.get("specgate", {})
            theirs = record.get("schemathesis", {})
            if record["expected_check"] == "(none)":
                ours_text = f"exit {ours.get('exit_code')}; failed: {', '.join(ours.get('checks', [])) or 'nothing'}"
                st_text = (f"exit {theirs.get('exit_code')}" if "exit_code" in theirs
                           else "not measured: " + str(theirs.get("not_measured")))
                st_checks = ", ".join(theirs.get("failed_checks", [])) or "—"
            else:
                ours_text = f"{'yes' if ours.get('found') else '**no**'} (exit {ours.get('exit_code')})"
                if "found" in theirs:
                    st_text = "yes" if theirs["found"] else (
                        "no (check fails on the conformant sandbox too)" if theirs.get("masked") else "no")
                else:
                    st_text = "not measured: " + str(theirs.get("not_measured"))
                st_checks = ", ".join(theirs.get("new_failed_checks", [])) or "—"
            lines.append(
                f"| {record['fault']} | {record['expected_check']} | {ours_text} | {fmt(ours.get('requests'))} | "
                f"{st_text} | {fmt(theirs.get('requests'))} | {st_checks} |")
        faults = [r for r in detection if "specgate" in r and r["expected_check"] != "(none)"]
        found = sum(1 for r in faults if r["specgate"].get("found"))
        st_found = sum(1 for r in faults if r.get("schemathesis", {}).get("found"))
        lines += ["", f"SpecGate found {found} of {len(faults)} faults run (exit 1 and a finding of the fault's "
                      f"expected check that the conformant sandbox does not produce, by fingerprint); Schemathesis "
                      f"found {st_found} (exit 1 and its same-named check failing, that check not failing on the "
                      "conformant sandbox). The last column lists the checks that failed for Schemathesis "
                      "with the fault but not on the conformant sandbox. Requests are each whole run's (Bookings "
                      "operations); Schemathesis runs have a time budget, see latest.json."]
    lines += depth_section(report)
    lines.append("")
    return "\n".join(lines)


def depth_section(report):
    """Section 7: `run` at default settings and with `--max-time` (figure `depth`, issue #16)."""
    records = [r for r in report.records if r.get("kind") == "depth"]
    lines = ["", "## 7 Detection depth (default run and --max-time)", ""]
    if not records:
        lines.append("not measured: " + (report.missing("depth") or "no result recorded (run `BENCH_ONLY=depth make bench`)"))
        return lines
    lines += ["| sandbox | run | cases | requests | findings | failed checks | stopped because | wall s |",
              "|---|---|---|---|---|---|---|---|"]
    for r in records:
        if "not_measured" in r:
            lines.append(f"| {r['fault']} | {r['mode']} | not measured: {r['not_measured']} | — | — | — | — | — |")
            continue
        lines.append(f"| {r['fault']} | {r['mode']} | {fmt(r.get('cases'))} | {fmt(r.get('requests'))} | "
                     f"{fmt(r.get('findings'))} | {', '.join(r.get('checks') or []) or '—'} | {r.get('stopped') or '—'} | "
                     f"{fmt(r.get('wall_seconds'))} |")
    lines += ["", "Cases are the run's own cases (generated and scenario, valid and invalid; for the default run, the "
                  "default cases the --max-time run sent first with the same seed); requests add producers, clean-ups, "
                  "workflow steps and state reads. Findings are distinct findings (by fingerprint). On the conformant "
                  "sandbox every run must have 0 findings."]
    return lines


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    records = read(argv[0])
    report = Report(records)
    report.load()
    report.big()
    report.validate()
    report.generate()
    report.run_rate()
    report.memory()
    detection = report.detection()
    environment = next((r for r in records if r.get("kind") == "environment"), None)
    generated_at = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    os.makedirs(argv[1], exist_ok=True)
    with open(os.path.join(argv[1], "latest.md"), "w") as handle:
        handle.write(markdown(report, environment, detection, generated_at))
    document = {"generated_at": generated_at, "environment": environment, "figures": report.rows,
                "detection": detection,
                "depth": [r for r in records if r.get("kind") == "depth"],
                "not_measured": [r for r in records if r.get("kind") == "not_measured"],
                "measurements": [r for r in records if r.get("kind") not in ("environment", "detection", "depth")]}
    with open(os.path.join(argv[1], "latest.json"), "w") as handle:
        json.dump(document, handle, indent=2)
        handle.write("\n")
    print(f"wrote {argv[1]}/latest.md and latest.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
