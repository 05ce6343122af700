# SpecGate — the two README commands are `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libxml2-dev pkg-config
# Only the tests need these: xmllint for checking reports, chromium for rendering the HTML report.
TEST_APT_PACKAGES := libxml2-utils chromium curl openssl time

.PHONY: deps test-deps build test test-examples demo bench bench-real fuzz clean release format

# Installs the Debian packages in $(1) that are missing.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
endef

# What building and running SpecGate needs (libxml2-dev for the JUnit writer).
deps:
	$(call apt_install,$(APT_PACKAGES))

test-deps:
	$(call apt_install,$(APT_PACKAGES) $(TEST_APT_PACKAGES))

build: deps
	$(SWIFT) build

# Formatting first (seconds): `.swift-format` (line length 120); `make format` rewrites what lint reports.
test: test-deps
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Examples Package.swift
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --no-parallel 2>&1 | tee .build/test-output.txt; exit $${PIPESTATUS[0]}
	$(MAKE) test-examples

# The library used from another package, as an API team would (its own .build: the root package is compiled again).
test-examples: test-deps
	$(SWIFT) test --package-path Examples/CalcomContractTests

format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Examples Package.swift

clean:
	rm -rf .build dist reports/*.xml reports/*.json reports/*.html

# The main job: build, start the embedded Cal.com sandbox on a free port, run the Cal.com suite against it,
# write reports/, stop the sandbox; then run once more with one fault switched on and show what it finds.
DEMO_FAULT ?= enum_out_of_set
demo: deps
	$(SWIFT) build --product specgate
	@bin=$$($(SWIFT) build --show-bin-path)/specgate; \
	run_demo() { \
		log=$$(mktemp); "$$bin" sandbox --port 0 $$1 > "$$log" & pid=$$!; \
		for i in $$(seq 1 100); do grep -q '^listening on' "$$log" && break; sleep 0.1; done; \
		url=$$(sed -n 's/^listening on //p' "$$log"); key=$$(sed -n 's/^owner [^:]*: //p' "$$log"); outsider=$$(sed -n 's/^outsider [^:]*: //p' "$$log"); \
		echo "== sandbox $$url $$1"; \
		CAL_API_KEY="$$key" CAL_OUTSIDER_API_KEY="$$outsider" "$$bin" run specs/calcom/suite.yaml --base-url "$$url" --junit "reports/$$2junit.xml" --json "reports/$$2report.json" --html "reports/$$2report.html"; \
		code=$$?; kill $$pid; wait $$pid 2>/dev/null; rm -f "$$log"; echo "== exit code $$code"; return $$code; \
	}; \
	run_demo "" "" ; first=$$?; \
	echo; echo "== again with --fault $(DEMO_FAULT): SpecGate must catch it"; \
	run_demo "--fault $(DEMO_FAULT)" "fault-"; second=$$?; \
	test $$first -eq 0 -a $$second -eq 1

# Fuzzing (NOT part of `make test`; the kept regressions are replayed there by HardeningTests).
# Builds specgate-fuzz with libFuzzer into .build/fuzz (so the normal debug build is untouched), then
# runs each target for FUZZ_SECONDS on Tests/Fuzz/corpus/<target> plus Tests/Fuzz/regressions/<target>.
# Stops non-zero at a crash or broken invariant; the input is saved as .build/fuzz/artifacts/<target>-crash-*.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= json yaml overlay schema regex junit
FUZZ_FLAGS ?= -timeout=20 -rss_limit_mb=3072 -max_len=4096
FUZZ_SWIFT_FLAGS := -Xswiftc -sanitize=fuzzer -Xswiftc -DLIBFUZZER
fuzz: deps
	@# A cold build can trip over a clang module race between Foundation's ICU and libxml2's; a second run succeeds.
	$(SWIFT) build -c debug --scratch-path .build/fuzz $(FUZZ_SWIFT_FLAGS) --product specgate-fuzz \
		|| $(SWIFT) build -c debug --scratch-path .build/fuzz $(FUZZ_SWIFT_FLAGS) --product specgate-fuzz
	@bin=$$($(SWIFT) build -c debug --scratch-path .build/fuzz $(FUZZ_SWIFT_FLAGS) --show-bin-path)/specgate-fuzz; \
	mkdir -p .build/fuzz/artifacts; \
	for t in $(FUZZ_TARGETS); do \
		work=.build/fuzz/corpus/$$t; mkdir -p $$work; dirs="$$work"; \
		for d in Tests/Fuzz/corpus/$$t Tests/Fuzz/regressions/$$t; do [ -d $$d ] && dirs="$$dirs $$d"; done; \
		log=.build/fuzz/$$t.log; \
		SWIFT_BACKTRACE=enable=no "$$bin" $$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 $(FUZZ_FLAGS) \
			-artifact_prefix=.build/fuzz/artifacts/$$t- $$dirs > $$log 2>&1; code=$$?; \
		runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $$log); \
		cov=$$(grep -oE 'cov: [0-9]+' $$log | tail -1); \
		echo "fuzz $$t: $(FUZZ_SECONDS)s, $${runs:-?} executions, $${cov:-cov: ?}, corpus $$(ls $$work | wc -l) files, exit $$code"; \
		if [ $$code -ne 0 ]; then grep -E 'Fatal error|ERROR|SUMMARY|artifact|Test unit written' $$log | head -20; exit 1; fi; \
	done

# Benchmarks (not part of CI): release build, reference tools installed when missing, every figure
# measured against a reference run in the same invocation; writes reports/bench/latest.md and .json.
bench: deps
	$(SWIFT) build -c release
	SWIFT=$(SWIFT) Tests/Bench/bench.sh

# Release: a specgate with the Swift standard library linked in (only glibc, libstdc++ and libxml2 needed at
# run time), packed as dist/specgate-<version>-linux-<arch>.tar.gz. The version comes from SpecGateVersion;
# the git commit is compiled in (see Sources/specgate/BuildInfo.swift); "unknown" without git.
VERSION := $(shell sed -n 's/.*static let current = "\(.*\)"/\1/p' Sources/SpecGateRunner/Run/RunOptions.swift)
ARCH := $(shell uname -m)
RELEASE_NAME := specgate-$(VERSION)-linux-$(ARCH)
RELEASE_FLAGS := -c release --static-swift-stdlib -Xswiftc -DSPECGATE_BUILD_COMMIT
release: deps
	@commit=$$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown); \
	if [ "$$commit" != unknown ] && [ -n "$$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$$commit-dirty"; fi; \
	mkdir -p Sources/specgate/Generated; \
	printf '// Generated by make release; git-ignored.\nenum BuildCommitValue {\n    static let commit = "%s"\n}\n' "$$commit" \
		> Sources/specgate/Generated/BuildCommitValue.swift; \
	echo "release $(VERSION), commit $$commit"
	$(SWIFT) build $(RELEASE_FLAGS) --product specgate
	@bin=$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/specgate; \
	if ldd "$$bin" | grep -E 'libswift|libFoundation|lib_FoundationICU|libdispatch|libBlocksRuntime'; then \
		echo "error: $$bin links the Swift runtime dynamically (above)"; exit 1; fi; \
	stage=dist/$(RELEASE_NAME); rm -rf "$$stage"; mkdir -p "$$stage"; \
	cp "$$bin" "$$stage/specgate"; strip "$$stage/specgate" 2>/dev/null || true; \
	cp README.md "$$stage/"; \
	tar -C dist -czf dist/$(RELEASE_NAME).tar.gz $(RELEASE_NAME); rm -rf "$$stage"; \
	"$$bin" --version; ls -l dist/$(RELEASE_NAME).tar.gz

# SpecGate and Schemathesis side by side on real software (not part of CI): Jupyter Server from PyPI in a
# virtualenv outside the repository (REAL_VENV, default /tmp/specgate-real-venv), its Swagger 2.0 document,
# one fresh server per tool; writes reports/bench/real.md and real.json.
bench-real: deps
	$(SWIFT) build -c release --product specgate
	SPECGATE_BIN=$$($(SWIFT) build -c release --show-bin-path)/specgate python3 Tests/Bench/real/bench_real.py
