#!/bin/sh
# Writes the AppCDS archive APP_DIR/app.jsa that scripts/start.sh maps at start-up.
# It starts the application exactly as start.sh does, lets Spring refresh the context and exit
# (spring.context.exit=onRefresh: no port is bound, no check runs), and has the JVM dump every
# class it loaded. Run it with the JVM that will run the application: an archive written by
# another JVM build is silently ignored, so the Dockerfile runs it in the runtime image.
# Measured: start-up about 2x faster, 35 MB less memory (the README has the numbers).
set -eu

script_dir=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
log=$(mktemp)
state_dir=$(mktemp -d)
trap 'rm -rf -- "$log" "$state_dir"' EXIT

# No credentials exist at build time: the training run must start without them, and it
# writes its state file to a throw-away directory, never to the volume.
if ! CDS_TRAINING=1 CREDENTIALS_STATE_FILE="$state_dir/credential-state.json" PORT=0 \
	"$script_dir/start.sh" >"$log" 2>&1; then
	echo "train-cds: the training run failed; its last lines:" >&2
	tail -n 30 "$log" >&2
	exit 1
fi

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
archive="$app_dir/app.jsa"
if [ ! -s "$archive" ]; then
	echo "train-cds: the training run exited normally but wrote no $archive; its last lines:" >&2
	tail -n 30 "$log" >&2
	exit 1
fi
echo "train-cds: wrote $archive ($(du -k "$archive" | cut -f1) KB)"
