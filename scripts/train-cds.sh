#!/bin/sh
# Writes the AppCDS archive APP_DIR/app.jsa that scripts/start.sh maps at start-up.
# The training run starts the application exactly as start.sh does, waits until it answers,
# asks what the platform, Prometheus and an operator ask, and stops it with SIGTERM; at exit
# the JVM dumps every class the run loaded. Training through a whole start (Tomcat, the first
# check, the first requests) archives classes that a run ending after the context refresh never
# loads: start-up 1.25x -> 1.14x a bare actuator app (docs/benchmarks.md).
# The run sees a clean environment: random, well-formed values for the built-in registry's
# variables, made here and never printed, and no platform, webhook, database or secrets
# directory, so it notifies, verifies and stores nothing anywhere.
# Run it with the JVM that will run the application: an archive written by another JVM build
# is silently ignored, so the Dockerfile runs it in the runtime image.
set -eu

script_dir=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
work=$(mktemp -d)
pid=""
cleanup() {
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -KILL "$pid" 2>/dev/null || true
	fi
	rm -rf -- "$work"
}
trap cleanup EXIT

fail() {
	echo "train-cds: $*; the training run's last lines:" >&2
	tail -n 30 "$work/log" >&2 || true
	exit 1
}

command -v curl >/dev/null 2>&1 || {
	echo "train-cds: curl is missing (the training run is asked over HTTP)" >&2
	exit 1
}

# start.sh resolves APP_DIR the same way when it is not set.
app_dir=${APP_DIR:-}
if [ -z "$app_dir" ]; then
	for candidate in "$script_dir/.." "$script_dir/../target/app" "$script_dir/../target"; do
		if [ -f "$candidate/credential-health.jar" ]; then
			app_dir=$candidate
			break
		fi
	done
fi
[ -n "$app_dir" ] || {
	echo "train-cds: no credential-health.jar found; run scripts/build.sh or set APP_DIR" >&2
	exit 1
}
app_dir=$(CDPATH='' cd -- "$app_dir" && pwd)
archive="$app_dir/app.jsa"

random() { # length characters
	LC_ALL=C tr -dc "$2" </dev/urandom | head -c "$1" || true
}
base64_random() { # bytes
	head -c "$1" /dev/urandom | base64 | tr -d '\n'
}
uuid() { cat /proc/sys/kernel/random/uuid; }

# Written to a file only the training run reads; the values belong to no account.
{
	echo "COINBASE_API_KEY=organizations/$(uuid)/apiKeys/$(uuid)"
	for prefix in KRAKEN_MASTER KRAKEN_USER_DAIVON KRAKEN_USER_TANIA; do
		echo "${prefix}_API_KEY=$(base64_random 42)"
		echo "${prefix}_API_SECRET=$(base64_random 64)"
	done
	for prefix in ALPACA ALPACA_USER_TANIA; do
		echo "${prefix}_API_KEY=PK$(random 18 'A-Z0-9')"
		echo "${prefix}_API_SECRET=$(random 40 'A-Za-z0-9')"
	done
	echo "ALPACA_USER_TANIA_PAPER=true"
} >"$work/values"
# Coinbase's secret is an EC private key (PEM, several lines): it needs openssl, and without
# it the variable is left unset, which loads almost the same classes.
coinbase_secret=""
if command -v openssl >/dev/null 2>&1; then
	coinbase_secret=$(openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 2>/dev/null) || coinbase_secret=""
fi

# env -i: nothing of the build environment reaches the run but the JVM's location, the locale (the
# image sets a UTF-8 one, and the charset classes should be the ones the service loads) and the values above.
: >"$work/log"
set -f
# shellcheck disable=SC2046 # one NAME=value word per line of the values file, none holds a blank
env -i PATH="$PATH" ${JAVA_HOME:+JAVA_HOME="$JAVA_HOME"} ${LANG:+LANG="$LANG"} ${LC_ALL:+LC_ALL="$LC_ALL"} \
	HOME="$work" TMPDIR="${TMPDIR:-/tmp}" \
	APP_DIR="$app_dir" PORT=0 CDS_TRAINING=1 CREDENTIALS_STATE_FILE="$work/credential-state.json" \
	${coinbase_secret:+"COINBASE_API_SECRET=$coinbase_secret"} $(cat "$work/values") \
	"$script_dir/start.sh" >"$work/log" 2>&1 &
pid=$!
set +f

# PORT=0: the run takes a free port and logs it.
port=""
i=0
while [ -z "$port" ]; do
	kill -0 "$pid" 2>/dev/null || fail "the application exited before it answered"
	[ "$i" -lt 1200 ] || fail "the application did not start within 120 s"
	port=$(sed -n 's/.*Tomcat started on port \([0-9][0-9]*\).*/\1/p' "$work/log" | head -n 1)
	i=$((i + 1))
	[ -n "$port" ] || sleep 0.1
done
base="http://127.0.0.1:$port"
# Readiness answers 200 or 503 once the first check ran; either loads what a probe loads.
i=0
until curl -s -o /dev/null --max-time 5 "$base/actuator/health/readiness"; do
	[ "$i" -lt 600 ] || fail "readiness did not answer within 60 s"
	i=$((i + 1))
	sleep 0.1
done
for path in /actuator/health/readiness /actuator/health/liveness /actuator/health \
	/actuator/health/credentials /actuator/prometheus /actuator/credentials /actuator/info /; do
	curl -s -o /dev/null --max-time 10 "$base$path" || fail "GET $path failed"
done

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""
# 143: the JVM's exit status after SIGTERM, with Spring's graceful shutdown done.
case $status in
0 | 143) ;;
*) fail "the application exited with status $status after SIGTERM" ;;
esac
[ -s "$archive" ] || fail "the training run wrote no $archive"
echo "train-cds: wrote $archive ($(du -k "$archive" | cut -f1) KB)"
