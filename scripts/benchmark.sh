#!/bin/sh
# The benchmark of docs/benchmarks.md, in one command: ours, a plain Fuseki and OpenLink Virtuoso on
# the same generated corpus, in the same run (org.cmkg.bench.ReferenceBenchmark). Not part of the
# tests. Extra arguments go to Maven, e.g. -Dbench.triples=10000000, -Dbench.queries=false (loads only) or
# -Dbench.loadRounds=0 (no load: the queries again on the stores an earlier run left in target/bench) or
# -Dbench.only=rare (only the tasks and words whose names contain "rare": the 10M search run) or
# -Dbench.latency=alone (the latency rows with each engine asked alone, the others idle).
#
# Needs Debian's virtuoso-opensource; when it is missing this installs it (as root) and stops and
# disables the service the package may start: the benchmark runs its own private Virtuoso, with its
# own database under target/bench/virtuoso and loopback ports, and stops it at the end.
set -eu
cd "$(dirname "$0")/.."

if ! command -v virtuoso-t >/dev/null 2>&1 || ! command -v isql-vt >/dev/null 2>&1; then
    echo "Installing Debian's virtuoso-opensource for the benchmark" >&2
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q virtuoso-opensource
    # Never the system service: stop whatever the package started and keep it from starting again.
    if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
        systemctl disable --now virtuoso-opensource-7 >/dev/null 2>&1 || true
    fi
    if [ -x /etc/init.d/virtuoso-opensource-7 ]; then
        /etc/init.d/virtuoso-opensource-7 stop >/dev/null 2>&1 || true
        update-rc.d virtuoso-opensource-7 disable >/dev/null 2>&1 || true
    fi
fi

# Ours runs as the README starts it: the packaged jar with its class-data archive.
./mvnw -B -q -DskipTests package
exec ./mvnw -B test -Dgroups=bench -DexcludedGroups= -Dtest=ReferenceBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.jar=target/cmkg.jar "$@"
