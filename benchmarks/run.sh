#!/usr/bin/env bash
# Runs the JMH benchmarks (all, or those matching the given regexp), building them first when needed.
# Usage: benchmarks/run.sh [JMH options, e.g. Preprocess -rf json -rff out.json]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [[ ! -d "$root/benchmarks/target/lib" || ! -f "$root/benchmarks/target/classes/META-INF/BenchmarkList" ]]; then
  (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests install >&2)
fi
export TAGGER_MODELS="${TAGGER_MODELS:-$root/../shared/models}"
cd "$root"
exec java -cp "$root/benchmarks/target/classes:$root/benchmarks/target/lib/*" org.openjdk.jmh.Main "$@"
