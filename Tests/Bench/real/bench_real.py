#!/usr/bin/env python3
"""`make bench-real` (not in CI): SpecGate and Schemathesis side by side against real software that no one
here wrote. Jupyter Server is installed from PyPI into a virtualenv outside the repository, started on
127.0.0.1 with a random token, and both tools test the Swagger 2.0 document that ships in its wheel
(`jupyter_server/services/api/api.yaml`), on the same server. Findings are counted per check, with wall
time and requests; the report goes to reports/bench/real.md (and .json).

Environment: SPECGATE_BIN (the specgate binary; default: the release build), REAL_VENV (default
/tmp/specgate-real-venv), REAL_MAX_EXAMPLES (Schemathesis examples per operation, default 20),
REAL_SEED (default 1)."""
import glob, json, os, re, secrets, shutil, signal, socket, subprocess, sys, tempfile, time, xml.etree.ElementTree as ET

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
VENV = os.environ.get("REAL_VENV", "/tmp/specgate-real-venv")
MAX_EXAMPLES = int(os.environ.get("REAL_MAX_EXAMPLES", "20"))
SEED = os.environ.get("REAL_SEED", "1")


def sh(args, **kw):
    return subprocess.run(args, text=True, capture_output=True, **kw)


def venv():
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        sh([sys.executable, "-m", "venv", VENV], check=True)
    need = [p for p in ("jupyter-server", "schemathesis") if sh([python, "-m", "pip", "show", p]).returncode != 0]
    if need:
        print("installing into %s: %s" % (VENV, " ".join(need)), flush=True)
        sh([python, "-m", "pip", "install", "-q"] + need, check=True)
    version = lambda p: re.search(r"Version: (\S+)", sh([python, "-m", "pip", "show", p]).stdout).group(1)
    return python, {"jupyter-server": version("jupyter-server"), "schemathesis": version("schemathesis")}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_jupyter(python, workdir):
    port, token = free_port(), secrets.token_hex(16)
    log = open(os.path.join(workdir, "jupyter.log"), "w")
    proc = subprocess.Popen(
        [python, "-m", "jupyter_server", "--no-browser", "--ip=127.0.0.1", "--port=%d" % port,
         "--IdentityProvider.token=" + token, "--allow-root", "--ServerApp.root_dir=" + os.path.join(workdir, "root"),
         "--ServerApp.open_browser=False"],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, port, token
        except OSError:
            time.sleep(0.1)
    raise SystemExit("jupyter server did not start; see " + log.name)


def stop(proc):
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except Exception:
        pass


def spec_path(python):
    site = sh([python, "-c", "import jupyter_server, os; print(os.path.dirname(jupyter_server.__file__))"]).stdout.strip()
    return os.path.join(site, "services", "api", "api.yaml")


def run_specgate(binary, spec, base, token, workdir):
    suite = os.path.join(workdir, "suite.yaml")
    with open(suite, "w") as f:
        f.write("name: jupyter-server\nspec: %s\nbaseURL: %s\n" % (spec, base))
        f.write("auth:\n  type: header\n  header: Authorization\n  env: JUPYTER_AUTH\n")
    env = dict(os.environ, JUPYTER_AUTH="token " + token)
    report = os.path.join(workdir, "specgate.json")
    start = time.monotonic()
    proc = sh([binary, "run", suite, "--seed", SEED, "--json", report, "--junit", os.path.join(workdir, "specgate.xml")], env=env)
    wall = time.monotonic() - start
    data = json.load(open(report)) if os.path.exists(report) else {}
    by_check = {}
    for finding in data.get("findings", []):
        by_check[finding["check"]] = by_check.get(finding["check"], 0) + 1
    notes = data.get("notes", [])
    return {"exit_code": proc.returncode, "wall_seconds": round(wall, 2), "requests": data.get("summary", {}).get("requests"),
            "transport_errors": data.get("summary", {}).get("transportErrors"), "findings": sum(by_check.values()),
            "by_check": by_check, "operations": len(data.get("operations", [])), "notes": notes,
            "stderr_tail": proc.stderr.strip().splitlines()[-3:]}


def run_schemathesis(python, spec, base, token, workdir):
    junit = os.path.join(workdir, "st.xml")
    st = os.path.join(os.path.dirname(python), "st")
    start = time.monotonic()
    proc = sh([st, "run", spec, "--url", base, "-H", "Authorization: token " + token, "--max-examples", str(MAX_EXAMPLES),
               "--seed", SEED, "--report", "junit", "--report-junit-path", junit, "--no-color"], cwd=workdir)
    wall = time.monotonic() - start
    out = proc.stdout + proc.stderr
    by_check = {}
    # Schemathesis 4 prints each failure's check as "- ST103 Undocumented status code" (code and title).
    for line in out.splitlines():
        m = re.match(r"^\s*-\s+([A-Z]{2}\d{3} [^:]+?)\s*$", line)
        if m:
            by_check[m.group(1)] = by_check.get(m.group(1), 0) + 1
    requests = None
    m = re.search(r"(\d[\d,]*) (?:test cases|generated)", out)
    if m:
        requests = int(m.group(1).replace(",", ""))
    return {"exit_code": proc.returncode, "wall_seconds": round(wall, 2), "requests_or_cases": requests,
            "findings": sum(by_check.values()), "by_check": by_check, "summary_tail": out.strip().splitlines()[-12:]}


def main():
    binary = os.environ.get("SPECGATE_BIN") or os.path.join(
        sh(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT).stdout.strip(), "specgate")
    python, versions = venv()
    workdir = tempfile.mkdtemp(prefix="specgate-real-")
    os.makedirs(os.path.join(workdir, "root"))
    spec = spec_path(python)
    results = {"target": "Jupyter Server %s (services/api/api.yaml, Swagger 2.0)" % versions["jupyter-server"],
               "versions": versions, "seed": SEED, "schemathesis_max_examples": MAX_EXAMPLES}
    for name, runner in (("specgate", lambda base, token: run_specgate(binary, spec, base, token, workdir)),
                         ("schemathesis", lambda base, token: run_schemathesis(python, spec, base, token, workdir))):
        proc, port, token = start_jupyter(python, workdir)  # a fresh server for each tool
        try:
            results[name] = runner("http://127.0.0.1:%d/api" % port, token)
        finally:
            stop(proc)
        print(name, json.dumps(results[name])[:400], flush=True)
    out = os.path.join(ROOT, "reports", "bench")
    os.makedirs(out, exist_ok=True)
    json.dump(results, open(os.path.join(out, "real.json"), "w"), indent=2)
    sg, st = results["specgate"], results["schemathesis"]
    lines = ["# SpecGate vs Schemathesis on real software", "",
             "Target: %s, installed from PyPI into %s, one fresh server per tool on 127.0.0.1, token auth." % (results["target"], VENV),
             "Made by `make bench-real` (not in CI). Seed %s; Schemathesis `--max-examples %d`." % (SEED, MAX_EXAMPLES), "",
             "| | SpecGate | Schemathesis %s |" % versions["schemathesis"], "|---|---|---|",
             "| wall time | %s s | %s s |" % (sg["wall_seconds"], st["wall_seconds"]),
             "| requests / cases | %s requests | %s |" % (sg["requests"], st["requests_or_cases"] or "see output"),
             "| transport errors | %s | — |" % sg["transport_errors"],
             "| findings | %s | %s |" % (sg["findings"], st["findings"]),
             "| exit code | %s | %s |" % (sg["exit_code"], st["exit_code"]), "",
             "## SpecGate findings per check", ""]
    lines += ["| check | findings |", "|---|---|"] + ["| %s | %d |" % kv for kv in sorted(sg["by_check"].items())]
    lines += ["", "Run notes: " + ("; ".join(sg["notes"]) if sg["notes"] else "none"), "",
              "## Schemathesis failures per check", ""]
    lines += ["| check | failures |", "|---|---|"] + ["| %s | %d |" % kv for kv in sorted(st["by_check"].items())]
    lines += ["", "Schemathesis summary (last lines):", "", "```"] + st["summary_tail"] + ["```", ""]
    open(os.path.join(out, "real.md"), "w").write("\n".join(lines))
    print("wrote reports/bench/real.md")


if __name__ == "__main__":
    main()
