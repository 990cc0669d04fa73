#!/bin/sh
# The one start command of credential-health: the Dockerfile's CMD, the tests and a local run
# all start the application through this script, so what CI tests is what the platforms run.
#
#   APP_DIR    directory holding credential-health.jar: the layout that scripts/build.sh
#              extracts (jar + lib/ + optional app.jsa) or just the executable jar.
#              Default: the directory above this script if it holds the jar (the image: /app),
#              else target/app (scripts/build.sh), else target (plain ./mvnw package).
#   PORT       HTTP port; Railway and Render inject it. Default 8080.
#   JAVA_OPTS  extra JVM flags, placed after the defaults so they win.
#   CDS        "off" ignores the class-data-sharing archive APP_DIR/app.jsa.
#   RUN_AS_USER  when started as root (Railway with RAILWAY_RUN_UID=0, needed because its volumes
#              are mounted root-owned), hand the state directory to this user and drop to it.
# Arguments are passed to the application (e.g. --spring.profiles.active=...).
set -eu

script_dir=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)

fail() {
	echo "credential-health start: $*" >&2
	exit 1
}

if [ -z "${APP_DIR:-}" ]; then
	for candidate in "$script_dir/.." "$script_dir/../target/app" "$script_dir/../target"; do
		if [ -f "$candidate/credential-health.jar" ]; then
			APP_DIR=$candidate
			break
		fi
	done
	[ -n "${APP_DIR:-}" ] || fail "no credential-health.jar found; run scripts/build.sh (or ./mvnw package) or set APP_DIR"
fi
[ -d "$APP_DIR" ] || fail "APP_DIR=$APP_DIR is not a directory"
# An absolute path, because a CDS archive only maps when the class path matches the training run.
APP_DIR=$(CDPATH='' cd -- "$APP_DIR" && pwd)
jar="$APP_DIR/credential-health.jar"
[ -f "$jar" ] || fail "$jar not found; run scripts/build.sh or set APP_DIR to the directory that holds the jar"

port=${PORT:-8080}
case $port in
'' | *[!0-9]*) fail "PORT must be a number, got '$port'" ;;
esac

state_file=${CREDENTIALS_STATE_FILE:-}
if [ "$(id -u)" = 0 ] && [ -n "${RUN_AS_USER:-}" ] && [ "${CDS_TRAINING:-}" != 1 ]; then
	if [ -n "$state_file" ]; then
		state_dir=$(dirname -- "$state_file")
		mkdir -p -- "$state_dir" && chown -- "$RUN_AS_USER" "$state_dir" ||
			echo "credential-health start: cannot hand $state_dir to $RUN_AS_USER; the state file may not be writable" >&2
	fi
	command -v setpriv >/dev/null 2>&1 || fail "running as root with RUN_AS_USER=$RUN_AS_USER but setpriv is missing"
	exec setpriv --reuid="$RUN_AS_USER" --regid="$RUN_AS_USER" --init-groups -- "$0" "$@"
fi

# Sized for a 512 MB instance (Railway and Render starter): the JVM reads the container limit
# and takes half of it for the heap, leaving room for metaspace, code cache and thread stacks.
# C1 only: this service does little work per request, and C2 costs start-up time and memory
# (measured: readiness 2.0 s -> 1.45 s, RSS 207 -> 181 MB with the CDS archive).
# The initial heap (10%: 51 MB of 512 MB) holds the start-up's allocations: from the JVM's default
# 1/64 (8 MB) it took 18 young and 3 full collections to get ready, 150 ms of pauses; now 6 young
# (measured: start-up 1.81 -> 1.69 s, RSS +6 MB; docs/benchmarks.md).
jvm_opts="-XX:+UseSerialGC -XX:InitialRAMPercentage=10 -XX:MaxRAMPercentage=50 -XX:TieredStopAtLevel=1 -Xss512k"
jvm_opts="$jvm_opts -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -XX:+ExitOnOutOfMemoryError"

archive="$APP_DIR/app.jsa"
cds_opts=""
if [ "${CDS_TRAINING:-}" = 1 ]; then
	# scripts/train-cds.sh: dump every class the training run loaded when it exits.
	rm -f -- "$archive"
	cds_opts="-XX:ArchiveClassesAtExit=$archive"
elif [ "${CDS:-on}" != off ] && [ -f "$archive" ]; then
	cds_opts="-XX:SharedArchiveFile=$archive"
fi

java_cmd=java
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
	java_cmd="$JAVA_HOME/bin/java"
fi

# Word splitting of the option lists is intended; globbing is not.
set -f
# shellcheck disable=SC2086
exec "$java_cmd" $jvm_opts $cds_opts ${JAVA_OPTS:-} "-Dserver.port=$port" -jar "$jar" "$@"
