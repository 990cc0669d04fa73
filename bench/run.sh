#!/usr/bin/env bash
# Benchmarks credential-health against a bare Spring Boot actuator application (bench/bare) in the
# same run, alternating the two so both see the same machine noise:
#   1. start-up (launch to the first 200 on readiness) and RSS, tuned (extracted jar + AppCDS
#      archive, trained as scripts/train-cds.sh and run as scripts/start.sh do in the image) and
#      default (plain `java -jar`), STARTUP_RUNS start-ups alone of each;
#   2. RUNS tuned runs under load: wrk throughput and p99 of readiness and /actuator/health,
#      latency of /actuator/prometheus, RSS after that load; then SIDE_RUNS runs side by side: both
#      applications running, our readiness and the bare /actuator/health loaded at the same moment;
#   3. credential-health with 6, 1,000 and 10,000 registered accounts: one check, readiness p99,
#      /actuator/health/credentials and /actuator/prometheus latency, series count, RSS, live heap.
# Loopback only. Needs a JDK 17+ (java, jcmd, jstat), curl, wrk (apt-get install wrk), openssl, awk.
# About 12 minutes on 2 cores. Not part of the test command: run it by hand, then update
# docs/benchmarks.md from bench/results/<date>/summary.txt.
#
#   STARTUP_RUNS  start-ups alone per app and mode, alternating (default 10)
#   RUNS          load runs per app, tuned (default 5)
#   SIDE_RUNS     side-by-side load runs (default 5)
#   WRK_DURATION  duration of each wrk measurement (default 10s); 2 threads, 16 connections
#   SCALES        registries to measure, each COUNT[:SOURCE[:READINESS]] (default below); COUNT includes
#                 the 6 built-in accounts; SOURCE env (values as environment variables) or files (a
#                 secret-files directory); READINESS summary sets credentials.health.per-account=false
#                 (credentials health is one summary indicator instead of one per account)
#   SCALE_MAX_RAM the memory the JVM sizes itself for in phase 3 (default 1g, see docs/benchmarks.md)
#   SKIP_BUILD=1  reuse target/credential-health.jar and bench/bare/target/bare.jar
#   RESULTS_DIR   where raw results go (default bench/results/<UTC date>)
#   PORT_OURS, PORT_BARE  loopback ports (default 18480, 18481)
set -euo pipefail

repo=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
cd -- "$repo"

# The image's JVM flags, read from scripts/start.sh so the two cannot drift; -XX:MaxRAM stands in for
# the container limit the JVM would read from the cgroup (512 MB: Railway and Render starter plans).
start_flags=""
if [ -f scripts/start.sh ]; then
	# shellcheck disable=SC2016 # the literal $jvm_opts of start.sh is removed, not expanded
	start_flags=$(sed -n 's/^jvm_opts="\(.*\)"$/\1/p' scripts/start.sh | sed 's/\$jvm_opts //' | tr '\n' ' ')
fi
IMAGE_FLAGS=${start_flags:-"-XX:+UseSerialGC -XX:InitialRAMPercentage=10 -XX:MaxRAMPercentage=50 -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -XX:+ExitOnOutOfMemoryError"}
JVM_FLAGS=${JVM_FLAGS:-"-XX:MaxRAM=512m $IMAGE_FLAGS"}
SCALE_MAX_RAM=${SCALE_MAX_RAM:-1g}

RUNS=${RUNS:-5}
SIDE_RUNS=${SIDE_RUNS:-5}
STARTUP_RUNS=${STARTUP_RUNS:-10}
WRK_DURATION=${WRK_DURATION:-10s}
WRK_THREADS=2
WRK_CONNECTIONS=16
SCALES=${SCALES:-"6:env 1000:env 10000:files 10000:files:summary"}
PORT_OURS=${PORT_OURS:-18480}
PORT_BARE=${PORT_BARE:-18481}
READY_TIMEOUT_S=180

RESULTS_DIR=${RESULTS_DIR:-bench/results/$(date -u +%F)}
mkdir -p -- "$RESULTS_DIR"
RESULTS_DIR=$(CDPATH='' cd -- "$RESULTS_DIR" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/credential-health-bench.XXXXXX")
RAW="$RESULTS_DIR/raw.tsv"
PID=""
SIDE_PID="" # the other application of a side-by-side run

cleanup() {
	for pid in $PID $SIDE_PID; do
		if kill -0 "$pid" 2>/dev/null; then
			kill "$pid" 2>/dev/null || true
			wait "$pid" 2>/dev/null || true
		fi
	done
	rm -rf -- "$WORK"
}
trap cleanup EXIT

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
fail() {
	log "FAILED: $*"
	exit 1
}

for tool in java jcmd jstat curl wrk openssl awk; do
	command -v "$tool" >/dev/null || fail "$tool is missing (wrk: apt-get install wrk)"
done
for port in "$PORT_OURS" "$PORT_BARE"; do
	if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
		fail "port $port is in use; set PORT_OURS / PORT_BARE"
	fi
done

# ---- machine --------------------------------------------------------------------------------
{
	echo "date: $(date -u +%FT%TZ)"
	echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
	echo "nproc: $(nproc)"
	echo "cpu: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
	echo "memory:"
	free -h
	echo "java: $(java -version 2>&1 | head -n 2 | tr '\n' ' ')"
	echo "wrk: $(wrk -v 2>&1 | head -n 1)"
	echo "JVM_FLAGS: $JVM_FLAGS (image flags read from $([ -n "$start_flags" ] && echo scripts/start.sh || echo 'bench/run.sh, no scripts/start.sh'))"
	echo "phase 3 JVM flags: ${JVM_FLAGS/-XX:MaxRAM=512m/-XX:MaxRAM=$SCALE_MAX_RAM}"
	echo "STARTUP_RUNS=$STARTUP_RUNS RUNS=$RUNS SIDE_RUNS=$SIDE_RUNS WRK_DURATION=$WRK_DURATION threads=$WRK_THREADS connections=$WRK_CONNECTIONS SCALES=$SCALES"
	echo "load at start: $(uptime)"
} >"$RESULTS_DIR/machine.txt"
: >"$RAW"
printf 'phase\tapp\tmode\taccounts\trun\tmetric\tvalue\n' >>"$RAW"

record() { # phase app mode accounts run metric value
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$RAW"
}

# ---- build ----------------------------------------------------------------------------------
if [ "${SKIP_BUILD:-}" != 1 ]; then
	log "building credential-health"
	./mvnw -B -q package -DskipTests
	log "building the bare application"
	./mvnw -B -q -f bench/bare/pom.xml package -DskipTests
fi
OURS_JAR=$repo/target/credential-health.jar
BARE_JAR=$repo/bench/bare/target/bare.jar
[ -f "$OURS_JAR" ] || fail "$OURS_JAR not found"
[ -f "$BARE_JAR" ] || fail "$BARE_JAR not found"

# ---- credentials: well-formed values for the 13 variables of the built-in registry ------------
random_alnum() { # length [upper]
	local chars='A-Za-z0-9'
	[ "${2:-}" = upper ] && chars='A-Z0-9'
	# tr ends on SIGPIPE once head has enough: not a failure.
	LC_ALL=C tr -dc "$chars" </dev/urandom | head -c "$1" || true
}
uuid() { cat /proc/sys/kernel/random/uuid; }
kraken_pair() { # prefix
	export "$1_API_KEY=$(openssl rand -base64 42 | tr -d '\n')"
	export "$1_API_SECRET=$(openssl rand -base64 64 | tr -d '\n')"
}
COINBASE_API_KEY="organizations/$(uuid)/apiKeys/$(uuid)"
COINBASE_API_SECRET=$(openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 2>/dev/null)
export COINBASE_API_KEY COINBASE_API_SECRET
kraken_pair KRAKEN_MASTER
kraken_pair KRAKEN_USER_DAIVON
kraken_pair KRAKEN_USER_TANIA
ALPACA_API_KEY="PK$(random_alnum 18 upper)"
ALPACA_API_SECRET=$(random_alnum 40)
ALPACA_USER_TANIA_API_KEY="PK$(random_alnum 18 upper)"
ALPACA_USER_TANIA_API_SECRET=$(random_alnum 40)
export ALPACA_API_KEY ALPACA_API_SECRET ALPACA_USER_TANIA_API_KEY ALPACA_USER_TANIA_API_SECRET
export ALPACA_USER_TANIA_PAPER=true

# A registry of <count> accounts: the six built-in ones plus generic user accounts with explicit
# variable names, a sourceable file with well-formed values for them and the same values as a
# secret-files directory (one file per variable).
generate_registry() { # count -> $WORK/registry-<count>.yaml, $WORK/env-<count>.sh, $WORK/secrets-<count>/
	[ -f "$WORK/registry-$1.yaml" ] && return 0
	local extra=$(($1 - 6))
	mkdir -p "$WORK/secrets-$1"
	awk -v n="$extra" -v yaml="$WORK/registry-$1.yaml" -v env="$WORK/env-$1.sh" -v dir="$WORK/secrets-$1" 'BEGIN {
		srand(42)
		chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		print "credentials:\n  accounts:" > yaml
		for (i = 1; i <= n; i++) {
			id = sprintf("%05d", i)
			printf "    bench-user-%s:\n      broker: generic\n      role: user\n      owner: Bench %s\n      key-variable: BENCH_%s_API_KEY\n      secret-variable: BENCH_%s_API_SECRET\n", id, id, id, id > yaml
			key = ""; secret = ""
			for (c = 0; c < 20; c++) key = key substr(chars, int(rand() * 62) + 1, 1)
			for (c = 0; c < 32; c++) secret = secret substr(chars, int(rand() * 62) + 1, 1)
			printf "BENCH_%s_API_KEY=%s\nBENCH_%s_API_SECRET=%s\n", id, key, id, secret > env
			f = dir "/BENCH_" id "_API_KEY"; printf "%s", key > f; close(f)
			f = dir "/BENCH_" id "_API_SECRET"; printf "%s", secret > f; close(f)
		}
	}'
}

# ---- running an application -----------------------------------------------------------------
LAUNCHED_NS=0
launch() { # app mode port log [accounts source readiness flags] -> PID, LAUNCHED_NS
	local app=$1 mode=$2 port=$3 out=$4 accounts=${5:-6} source=${6:-env} readiness=${7:-composite}
	local flags=${8:-$JVM_FLAGS}
	local -a cmd
	# shellcheck disable=SC2206
	cmd=(java $flags)
	if [ "$mode" = tuned ]; then
		cmd+=(-XX:SharedArchiveFile="$WORK/$app/app.jsa" -jar "$(ls "$WORK/$app"/*.jar)")
	elif [ "$app" = ours ]; then
		cmd+=(-jar "$OURS_JAR")
	else
		cmd+=(-jar "$BARE_JAR")
	fi
	cmd+=(--server.port="$port")
	if [ "$app" = ours ]; then
		local state
		state=$(mktemp -d "$WORK/state.XXXXXX")
		cmd+=(--credentials.state-file="$state/credential-state.json")
		if [ "$accounts" != 6 ]; then
			cmd+=(--spring.config.additional-location="file:$WORK/registry-$accounts.yaml")
			[ "$source" = files ] && cmd+=(--credentials.secret-files-dir="$WORK/secrets-$accounts")
		fi
		# summary: credentials (so readiness) is one indicator instead of one per account.
		[ "$readiness" = summary ] && cmd+=(--credentials.health.per-account=false)
	fi
	LAUNCHED_NS=$(date +%s%N)
	if [ "$accounts" != 6 ] && [ "$source" = env ]; then
		# 2 variables per account go into the environment (10,000 accounts: ~1.1 MB of the 2 MB ARG_MAX).
		(
			set -a
			# shellcheck disable=SC1090
			. "$WORK/env-$accounts.sh"
			exec "${cmd[@]}"
		) >"$out" 2>&1 &
	else
		"${cmd[@]}" >"$out" 2>&1 &
	fi
	PID=$!
}

wait_ready() { # port -> prints milliseconds from launch to the first 200 on readiness
	local url="http://127.0.0.1:$1/actuator/health/readiness" deadline code
	deadline=$(($(date +%s) + READY_TIMEOUT_S))
	while :; do
		code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)
		if [ "$code" = 200 ]; then
			echo $((($(date +%s%N) - LAUNCHED_NS) / 1000000))
			return 0
		fi
		kill -0 "$PID" 2>/dev/null || return 1
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		sleep 0.02
	done
}

# Heap still in use after a full GC: what the application really keeps.
live_heap_mb() {
	jcmd "$PID" GC.run >/dev/null 2>&1 || true
	jstat -gc "$PID" | awk 'NR == 2 { printf "%.1f", ($3 + $4 + $6 + $8) / 1024 }'
}

# credentials_check_duration_seconds sum and count, from the app's own timer.
check_timer() { # url -> "sum count"
	curl -s --max-time 120 "$1" | awk '
		/^credentials_check_duration_seconds_sum/ { sum = $NF }
		/^credentials_check_duration_seconds_count/ { count = $NF }
		END { printf "%s %s\n", sum + 0, count + 0 }'
}

rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$PID/status"; }

stop() {
	kill "$PID" 2>/dev/null || true
	wait "$PID" 2>/dev/null || true
	PID=""
}

# wrk output -> "rps p50_ms p99_ms errors"
parse_wrk() {
	awk '
		function ms(v) {
			if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
			if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
			if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
			return -1
		}
		$1 == "50%" { p50 = ms($2) }
		$1 == "99%" { p99 = ms($2) }
		/^Requests\/sec:/ { rps = $2 }
		/Non-2xx or 3xx responses:/ { errors += $NF }
		/Socket errors:/ { errors += 1 }
		END { printf "%s %s %s %d\n", rps, p50, p99, errors }
	' "$1"
}

# Throughput under load (2 threads, 16 connections) after a short warm-up.
load() { # phase app mode accounts run name url
	local phase=$1 app=$2 mode=$3 accounts=$4 run=$5 name=$6 url=$7 file rps p50 p99 errors
	wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d2s --timeout 30s "$url" >/dev/null 2>&1 || true
	file="$RESULTS_DIR/wrk-$phase-$app-$mode-$accounts-$run-$name.txt"
	wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --timeout 30s --latency "$url" >"$file" 2>&1 || true
	read -r rps p50 p99 errors < <(parse_wrk "$file")
	record "$phase" "$app" "$mode" "$accounts" "$run" "$name.rps" "$rps"
	record "$phase" "$app" "$mode" "$accounts" "$run" "$name.p99_ms" "$p99"
	[ "$errors" = 0 ] || record "$phase" "$app" "$mode" "$accounts" "$run" "$name.errors" "$errors"
}

# Latency of one request at a time (1 connection): median and p99.
latency() { # phase app mode accounts run name url duration
	local phase=$1 app=$2 mode=$3 accounts=$4 run=$5 name=$6 url=$7 duration=${8:-3s} file rps p50 p99 errors
	file="$RESULTS_DIR/wrk-$phase-$app-$mode-$accounts-$run-$name.txt"
	wrk -t1 -c1 -d"$duration" --timeout 30s --latency "$url" >"$file" 2>&1 || true
	read -r rps p50 p99 errors < <(parse_wrk "$file")
	record "$phase" "$app" "$mode" "$accounts" "$run" "$name.p50_ms" "$p50"
	record "$phase" "$app" "$mode" "$accounts" "$run" "$name.p99_ms" "$p99"
	[ "$errors" = 0 ] || record "$phase" "$app" "$mode" "$accounts" "$run" "$name.errors" "$errors"
}

series() { # url -> number of samples in the exposition
	curl -s --max-time 60 "$1" | awk '!/^#/ && NF { n++ } END { print n + 0 }'
}

# The tuned layout: the jar extracted (the JVM shares classes of plain jars only) plus an AppCDS
# archive written, as scripts/train-cds.sh does for the image, by a training run that starts
# (ours with the credentials above), answers the requests of train-cds.sh and stops on SIGTERM.
# Both applications are trained the same way.
train() { # app
	local app=$1 port=$PORT_OURS jar=$OURS_JAR path
	[ "$app" = bare ] && port=$PORT_BARE jar=$BARE_JAR
	java -Djarmode=tools -jar "$jar" extract --destination "$WORK/$app" >/dev/null
	log "training the CDS archive of $app"
	local -a cmd
	# shellcheck disable=SC2206
	cmd=(java $JVM_FLAGS -XX:ArchiveClassesAtExit="$WORK/$app/app.jsa" -jar "$(ls "$WORK/$app"/*.jar)"
		--server.port="$port")
	[ "$app" = ours ] && cmd+=(--credentials.state-file="$WORK/training-state.json")
	LAUNCHED_NS=$(date +%s%N)
	"${cmd[@]}" >"$WORK/$app-training.log" 2>&1 &
	PID=$!
	wait_ready "$port" >/dev/null || fail "CDS training of $app did not become ready; see $WORK/$app-training.log"
	for path in /actuator/health/readiness /actuator/health/liveness /actuator/health \
		/actuator/health/credentials /actuator/prometheus /actuator/credentials /actuator/info /; do
		curl -s -o /dev/null --max-time 10 "http://127.0.0.1:$port$path" || true
	done
	kill -TERM "$PID"
	wait "$PID" || true
	PID=""
	[ -s "$WORK/$app/app.jsa" ] || fail "CDS training of $app wrote no archive; see $WORK/$app-training.log"
}
train ours
train bare
echo "cds archives: ours $(du -k "$WORK/ours/app.jsa" | cut -f1) KB, bare $(du -k "$WORK/bare/app.jsa" | cut -f1) KB" \
	>>"$RESULTS_DIR/machine.txt"

# ---- 1+2: start-up, memory, throughput; ours and bare alternating ----------------------------
# 1: start-ups alone (launch, ready, RSS, stop), STARTUP_RUNS of each app and mode: a platform
# starts the service on a machine that is not still busy with a load test.
start_run() { # app mode run
	local app=$1 mode=$2 run=$3 port=$PORT_OURS ms
	[ "$app" = bare ] && port=$PORT_BARE
	launch "$app" "$mode" "$port" "$WORK/$app-$mode-$run.log"
	ms=$(wait_ready "$port") || {
		tail -n 40 "$WORK/$app-$mode-$run.log" >&2
		fail "$app ($mode) did not become ready"
	}
	record startup "$app" "$mode" 6 "$run" startup_ms "$ms"
	sleep 1
	record startup "$app" "$mode" 6 "$run" rss_started_mb "$(rss_mb)"
	grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$WORK/$app-$mode-$run.log" | head -n 1 |
		awk -v p=startup -v a="$app" -v m="$mode" -v r="$run" '{ printf "%s\t%s\t%s\t6\t%s\tspring_started_ms\t%d\n", p, a, m, r, $4 * 1000 }' >>"$RAW"
	stop
}

# 2: the tuned applications under load, RUNS of each; their start-ups, which follow the other
# application's load, are kept as startup_loaded_ms.
load_run() { # app run
	local app=$1 run=$2 mode=tuned port=$PORT_OURS ms
	[ "$app" = bare ] && port=$PORT_BARE
	local base="http://127.0.0.1:$port/actuator"
	launch "$app" "$mode" "$port" "$WORK/$app-load-$run.log"
	ms=$(wait_ready "$port") || {
		tail -n 40 "$WORK/$app-load-$run.log" >&2
		fail "$app ($mode) did not become ready"
	}
	record startup "$app" "$mode" 6 "$run" startup_loaded_ms "$ms"
	load startup "$app" "$mode" 6 "$run" readiness "$base/health/readiness"
	load startup "$app" "$mode" 6 "$run" health "$base/health"
	latency startup "$app" "$mode" 6 "$run" prometheus "$base/prometheus"
	latency startup "$app" "$mode" 6 "$run" readiness_single "$base/health/readiness"
	record startup "$app" "$mode" 6 "$run" rss_loaded_mb "$(rss_mb)"
	record startup "$app" "$mode" 6 "$run" series "$(series "$base/prometheus")"
	record startup "$app" "$mode" 6 "$run" live_heap_mb "$(live_heap_mb)"
	stop
}

# Alternate which goes first, so neither always follows the other.
order() { if [ $(($1 % 2)) = 1 ]; then echo "ours bare"; else echo "bare ours"; fi; }
for run in $(seq 1 "$STARTUP_RUNS"); do
	for mode in tuned default; do
		for app in $(order "$run"); do
			log "start-up $run/$STARTUP_RUNS $mode: $app"
			start_run "$app" "$mode" "$run"
		done
	done
done
for run in $(seq 1 "$RUNS"); do
	for app in $(order "$run"); do
		log "load run $run/$RUNS: $app"
		load_run "$app" "$run"
	done
done

# 2b: side by side, SIDE_RUNS times. Both tuned applications run at once, and one wrk each (1 thread,
# 8 connections) loads our readiness and the bare /actuator/health at the same moment. The
# alternating runs above compare two moments of a shared machine whose speed moves by 10-20%
# between them; here both see the same moment, so each run's ratio is a paired sample. It measures
# relative cost under an even share of the CPU. Also each process's CPU time per request.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
requests() { awk '/ requests in / { print $1 }' "$1"; }
side_run() { # run
	local run=$1 ours_pid bare_pid ours_url bare_url ours_file bare_file ours0 bare0 ours1 bare1 ours_n bare_n
	local hz wrk_pid
	hz=$(getconf CLK_TCK)
	ours_url="http://127.0.0.1:$PORT_OURS/actuator/health/readiness"
	bare_url="http://127.0.0.1:$PORT_BARE/actuator/health"
	launch ours tuned "$PORT_OURS" "$WORK/ours-side-$run.log"
	wait_ready "$PORT_OURS" >/dev/null || fail "ours did not become ready (side by side)"
	ours_pid=$PID SIDE_PID=$PID
	launch bare tuned "$PORT_BARE" "$WORK/bare-side-$run.log"
	wait_ready "$PORT_BARE" >/dev/null || fail "bare did not become ready (side by side)"
	bare_pid=$PID
	# wait for that wrk alone: a plain `wait` would wait for the two applications as well
	wrk -t1 -c8 -d2s "$ours_url" >/dev/null 2>&1 &
	wrk_pid=$!
	wrk -t1 -c8 -d2s "$bare_url" >/dev/null 2>&1 || true
	wait "$wrk_pid" || true
	ours_file="$RESULTS_DIR/wrk-side-ours-$run-readiness.txt"
	bare_file="$RESULTS_DIR/wrk-side-bare-$run-health.txt"
	ours0=$(cpu_ticks "$ours_pid") bare0=$(cpu_ticks "$bare_pid")
	wrk -t1 -c8 -d"$WRK_DURATION" --timeout 30s --latency "$ours_url" >"$ours_file" 2>&1 &
	wrk_pid=$!
	wrk -t1 -c8 -d"$WRK_DURATION" --timeout 30s --latency "$bare_url" >"$bare_file" 2>&1 || true
	wait "$wrk_pid" || true
	ours1=$(cpu_ticks "$ours_pid") bare1=$(cpu_ticks "$bare_pid")
	ours_n=$(requests "$ours_file") bare_n=$(requests "$bare_file")
	record side ours tuned 6 "$run" readiness.requests "$ours_n"
	record side bare tuned 6 "$run" health.requests "$bare_n"
	record side ours tuned 6 "$run" cpu_us_per_request "$(awk -v t=$((ours1 - ours0)) -v n="$ours_n" -v hz="$hz" 'BEGIN { printf "%.1f", t * 1e6 / hz / n }')"
	record side bare tuned 6 "$run" cpu_us_per_request "$(awk -v t=$((bare1 - bare0)) -v n="$bare_n" -v hz="$hz" 'BEGIN { printf "%.1f", t * 1e6 / hz / n }')"
	record side ours tuned 6 "$run" readiness_over_bare_health "$(awk -v a="$ours_n" -v b="$bare_n" 'BEGIN { printf "%.3f", a / b }')"
	stop
	PID=$ours_pid SIDE_PID=""
	stop
}
for run in $(seq 1 "$SIDE_RUNS"); do
	log "side-by-side run $run/$SIDE_RUNS"
	side_run "$run"
done

# ---- 3: registry size ------------------------------------------------------------------------
# Larger registries need more than 512 MB (docs/benchmarks.md): phase 3 sizes the JVM for SCALE_MAX_RAM.
SCALE_FLAGS=${JVM_FLAGS/-XX:MaxRAM=512m/-XX:MaxRAM=$SCALE_MAX_RAM}
CHECKS=5
for spec in $SCALES; do
	IFS=: read -r accounts source readiness <<<"$spec"
	source=${source:-env}
	readiness=${readiness:-composite}
	[ "$accounts" -ge 6 ] || fail "SCALES: $spec has fewer than the 6 built-in accounts"
	[ "$accounts" = 6 ] || generate_registry "$accounts"
	label="$accounts-$source-$readiness"
	log "scale $label"
	base="http://127.0.0.1:$PORT_OURS/actuator"
	launch ours tuned "$PORT_OURS" "$WORK/scale-$label.log" "$accounts" "$source" "$readiness" "$SCALE_FLAGS"
	ms=$(wait_ready "$PORT_OURS") || {
		tail -n 40 "$WORK/scale-$label.log" >&2
		fail "ours with $label did not become ready"
	}
	record scale ours "$source-$readiness" "$accounts" 1 startup_ms "$ms"
	grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$WORK/scale-$label.log" | head -n 1 |
		awk -v a="$accounts" -v m="$source-$readiness" '{ printf "scale\tours\t%s\t%s\t1\tspring_started_ms\t%d\n", m, a, $4 * 1000 }' >>"$RAW"
	record scale ours "$source-$readiness" "$accounts" 1 rss_started_mb "$(rss_mb)"
	# One check: POST /actuator/credentials runs one and answers the inventory. The app's own timer
	# (credentials_check_duration_seconds) gives the check alone: its sum and count before and after.
	read -r sum0 count0 < <(check_timer "$base/prometheus")
	for i in $(seq 1 "$CHECKS"); do
		post=$(curl -s -o /dev/null -w '%{time_total}' --max-time 120 -X POST "$base/credentials")
		record scale ours "$source-$readiness" "$accounts" "$i" check_post_ms "$(awk -v t="$post" 'BEGIN { printf "%.1f", t * 1000 }')"
	done
	read -r sum1 count1 < <(check_timer "$base/prometheus")
	record scale ours "$source-$readiness" "$accounts" 1 check_mean_ms \
		"$(awk -v s0="$sum0" -v s1="$sum1" -v c0="$count0" -v c1="$count1" 'BEGIN { printf "%.1f", (c1 > c0) ? (s1 - s0) / (c1 - c0) * 1000 : -1 }')"
	record scale ours "$source-$readiness" "$accounts" 1 readiness_bytes "$(curl -s --max-time 60 "$base/health/readiness" | wc -c)"
	load scale ours "$source-$readiness" "$accounts" 1 readiness "$base/health/readiness"
	# What a platform healthcheck sees: one probe at a time, no queue in front of it.
	latency scale ours "$source-$readiness" "$accounts" 1 readiness_single "$base/health/readiness" 5s
	latency scale ours "$source-$readiness" "$accounts" 1 health_credentials "$base/health/credentials" 5s
	latency scale ours "$source-$readiness" "$accounts" 1 prometheus "$base/prometheus" 5s
	record scale ours "$source-$readiness" "$accounts" 1 series "$(series "$base/prometheus")"
	record scale ours "$source-$readiness" "$accounts" 1 rss_loaded_mb "$(rss_mb)"
	record scale ours "$source-$readiness" "$accounts" 1 live_heap_mb "$(live_heap_mb)"
	stop
done
echo "load at end: $(uptime)" >>"$RESULTS_DIR/machine.txt"

# ---- summary: medians and ratios ------------------------------------------------------------
summarize() {
	awk -F'\t' '
		NR == 1 { next }
		{ key = $1 "\t" $2 "\t" $3 "\t" $4 "\t" $6; n[key]++; v[key, n[key]] = $7; if (!(key in seen)) { seen[key] = 1; order[++keys] = key } }
		function median(key,   m, i, j, t, a) {
			m = n[key]
			for (i = 1; i <= m; i++) a[i] = v[key, i] + 0
			for (i = 2; i <= m; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
			return (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
		}
		END {
			printf "%-8s %-5s %-18s %8s  %-28s %12s %4s\n", "phase", "app", "mode", "accounts", "metric", "median", "n"
			for (k = 1; k <= keys; k++) {
				split(order[k], f, "\t")
				med[order[k]] = median(order[k])
				printf "%-8s %-5s %-18s %8s  %-28s %12.1f %4d\n", f[1], f[2], f[3], f[4], f[5], med[order[k]], n[order[k]]
			}
			print ""
			print "ratios ours/bare (medians of the same run)"
			for (k = 1; k <= keys; k++) {
				split(order[k], f, "\t")
				if (f[1] != "startup" || f[2] != "ours") continue
				bare = "startup\tbare\t" f[3] "\t" f[4] "\t" f[5]
				if ((bare in med) && med[bare] > 0) printf "  %-8s %-28s %6.2f\n", f[3], f[5], med[order[k]] / med[bare]
			}
			ours = "startup\tours\ttuned\t6\treadiness.rps"; bare = "startup\tbare\ttuned\t6\thealth.rps"
			if ((ours in med) && (bare in med) && med[bare] > 0)
				printf "  %-8s %-28s %6.2f\n", "tuned", "readiness.rps / bare health", med[ours] / med[bare]
			print ""
			print "targets"
			target("start-up tuned <= 1.10x bare", ratio("tuned", "startup_ms"), "<=", 1.10)
			target("start-up default <= 1.10x bare", ratio("default", "startup_ms"), "<=", 1.10)
			target("RSS after start-up (tuned) <= 1.10x bare", ratio("tuned", "rss_started_mb"), "<=", 1.10)
			target("RSS after load (tuned) <= 1.10x bare", ratio("tuned", "rss_loaded_mb"), "<=", 1.10)
			if ((ours in med) && (bare in med) && med[bare] > 0)
				target("readiness rps >= 0.9x bare /actuator/health", med[ours] / med[bare], ">=", 0.9)
			side = "side\tours\ttuned\t6\treadiness_over_bare_health"
			if (side in med)
				target("the same, side by side (median of paired runs)", med[side], ">=", 0.9)
			for (k = 1; k <= keys; k++) {
				split(order[k], f, "\t")
				if (f[1] != "scale" || f[4] != 10000) continue
				if (f[5] == "check_mean_ms") target("10,000 accounts (" f[3] "): one check <= 100 ms", med[order[k]], "<=", 100)
				if (f[5] == "readiness.p99_ms") target("10,000 accounts (" f[3] "): readiness p99 <= 10 ms", med[order[k]], "<=", 10)
			}
		}
		function ratio(mode, metric,   o, b) {
			o = "startup\tours\t" mode "\t6\t" metric; b = "startup\tbare\t" mode "\t6\t" metric
			return ((o in med) && (b in med) && med[b] > 0) ? med[o] / med[b] : -1
		}
		function target(what, value, op, limit,   met) {
			if (value < 0) { printf "  %-58s %8s  n/a\n", what, "-"; return }
			met = (op == "<=") ? (value <= limit) : (value >= limit)
			printf "  %-58s %8.2f  %s\n", what, value, met ? "met" : "MISSED"
		}
	' "$RAW"
}
summarize | tee "$RESULTS_DIR/summary.txt"
log "results in $RESULTS_DIR"
