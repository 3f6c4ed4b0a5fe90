#!/usr/bin/env bash
# Our CPU per item against FFmpeg's decoding and the models' own time, measured in one run on generated
# inputs (noisy 1080p clips with a keyframe every 2 s and every 10 s, 12 MP JPEGs, 3 min of speech),
# printed as ratios. Builds the CLI and the benchmarks first when needed. Linux only.
# Usage: benchmarks/ceiling.sh [OUT.json]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [[ ! -d "$root/benchmarks/target/lib" || ! -d "$root/samples/target/lib" ]]; then
  (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests install >&2)
fi
export TAGGER_MODELS="${TAGGER_MODELS:-$root/../shared/models}"
cd "$root"
exec java -cp "$root/benchmarks/target/classes:$root/benchmarks/target/lib/*" dev.tagger.bench.CeilingRun "$@"
