# SpecGate — the two README commands are `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libxml2-dev pkg-config libxml2-utils

.PHONY: deps build test demo bench fuzz clean

# Installs missing Debian packages (libxml2-dev for the JUnit writer, xmllint for checking reports).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --no-parallel 2>&1 | tee .build/test-output.txt; exit $${PIPESTATUS[0]}

clean:
	rm -rf .build reports/*.xml reports/*.json

# The main job: build, start the embedded Cal.com sandbox on a free port, run the Cal.com suite against it,
# write reports/, stop the sandbox; then run once more with one fault switched on and show what it finds.
DEMO_FAULT ?= enum_out_of_set
demo: deps
	$(SWIFT) build -c release --product specgate
	@bin=$$($(SWIFT) build -c release --show-bin-path)/specgate; \
	run_demo() { \
		log=$$(mktemp); "$$bin" sandbox --port 0 $$1 > "$$log" & pid=$$!; \
		for i in $$(seq 1 100); do grep -q '^listening on' "$$log" && break; sleep 0.1; done; \
		url=$$(sed -n 's/^listening on //p' "$$log"); key=$$(sed -n 's/^owner [^:]*: //p' "$$log"); \
		echo "== sandbox $$url $$1"; \
		CAL_API_KEY="$$key" "$$bin" run specs/calcom/suite.yaml --base-url "$$url" --junit "reports/$$2junit.xml" --json "reports/$$2report.json"; \
		code=$$?; kill $$pid; wait $$pid 2>/dev/null; rm -f "$$log"; echo "== exit code $$code"; return $$code; \
	}; \
	run_demo "" "" ; first=$$?; \
	echo; echo "== again with --fault $(DEMO_FAULT): SpecGate must catch it"; \
	run_demo "--fault $(DEMO_FAULT)" "fault-"; second=$$?; \
	test $$first -eq 0 -a $$second -eq 1

# Benchmarks (not part of CI): release build, reference tools installed when missing, every figure
# measured against a reference run in the same invocation; writes reports/bench/latest.md and .json.
bench: deps
	$(SWIFT) build -c release
	SWIFT=$(SWIFT) Tests/Bench/bench.sh
