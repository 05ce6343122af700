#!/usr/bin/env bash
# `make bench`: installs the reference tools, runs every figure against the release build and writes
# reports/bench/latest.md and latest.json. Never fails because a goal is missed.
set -uo pipefail
cd "$(dirname "$0")/../.."
SWIFT=${SWIFT:-swift}
PY=${PYTHON:-python3}
export PYTHONDONTWRITEBYTECODE=1
Tests/Bench/install.sh
export BENCH_BIN=$($SWIFT build -c release --show-bin-path)
export BENCH_TMP=$(mktemp -d /tmp/specgate-bench.XXXXXX)
results="$BENCH_TMP/results.jsonl"
start=$SECONDS
"$PY" Tests/Bench/figures.py "$results"
"$PY" Tests/Bench/report.py "$results" reports/bench
echo "bench finished in $((SECONDS - start)) s (scratch files in $BENCH_TMP)"
