#!/bin/sh
# Builds the layout that scripts/start.sh runs, the same way in the Dockerfile, CI and locally:
#   1. ./mvnw package (skipped with SKIP_PACKAGE=1, e.g. when the jar was just built),
#   2. extracts the executable jar into APP_DIR (default target/app): credential-health.jar
#      plus lib/, because the JVM can only share classes of plain jars, not of nested ones,
#   3. trains the class-data-sharing archive APP_DIR/app.jsa (skipped with CDS=off; the
#      Dockerfile trains in the runtime image instead, since an archive fits one JVM build).
#   JAR        the executable jar to extract. Default target/credential-health.jar.
#   MVN_ARGS   Maven arguments for step 1. Default: -B -q package -DskipTests
set -eu

script_dir=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
repo_dir=$(CDPATH='' cd -- "$script_dir/.." && pwd)
cd -- "$repo_dir"

jar=${JAR:-target/credential-health.jar}
app_dir=${APP_DIR:-target/app}

if [ "${SKIP_PACKAGE:-}" != 1 ]; then
	# shellcheck disable=SC2086
	./mvnw ${MVN_ARGS:--B -q package -DskipTests}
fi
[ -f "$jar" ] || {
	echo "build: $jar not found" >&2
	exit 1
}

rm -rf -- "$app_dir"
java -Djarmode=tools -jar "$jar" extract --destination "$app_dir"
[ -f "$app_dir/credential-health.jar" ] || {
	echo "build: extraction did not produce $app_dir/credential-health.jar" >&2
	exit 1
}

if [ "${CDS:-on}" != off ]; then
	APP_DIR=$app_dir "$script_dir/train-cds.sh"
fi
echo "build: application ready in $app_dir (start it with scripts/start.sh)"
