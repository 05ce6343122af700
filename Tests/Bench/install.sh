#!/usr/bin/env bash
# Installs the reference tools `make bench` compares against, when missing: wrk and GNU time (Debian),
# jsonschema, openapi-schema-validator, schemathesis and pyyaml (PyPI). A failed install is reported, not fatal:
# the figures that need the tool are then written as "not measured".
set -u
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
missing=""
command -v wrk >/dev/null 2>&1 || missing="$missing wrk"
[ -x /usr/bin/time ] || missing="$missing time"
if [ -n "$missing" ]; then
	echo "installing (apt):$missing"
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null 2>&1 \
		|| { $SUDO apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null 2>&1; } \
		|| echo "warning: could not install$missing"
fi
PY=${PYTHON:-python3}
pip_missing=""
for module in jsonschema:jsonschema openapi_schema_validator:openapi-schema-validator schemathesis:schemathesis yaml:pyyaml; do
	"$PY" -c "import ${module%%:*}" >/dev/null 2>&1 || pip_missing="$pip_missing ${module##*:}"
done
if [ -n "$pip_missing" ]; then
	echo "installing (pip):$pip_missing"
	"$PY" -m pip install -q $pip_missing >/dev/null 2>&1 || echo "warning: could not install$pip_missing"
fi
exit 0
