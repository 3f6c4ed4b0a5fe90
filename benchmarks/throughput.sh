#!/usr/bin/env bash
# End-to-end CLI throughput on real photos: N copies of the sample photos (each made distinct by a
# trailer after the JPEG/PNG end, so nothing is cached), tagged with the default model.
# Usage: benchmarks/throughput.sh [N=200] [PARALLEL=2] [more bin/tagger tag options, e.g. --analyzers classifier]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-200}"
parallel="${2:-2}"
shift $(( $# < 2 ? $# : 2 ))
work="$(mktemp -d)"
out="$(mktemp)"
trap 'rm -rf "$work" "$out"' EXIT
mapfile -t photos < <(ls "$root"/samples/media/*)
for ((i = 0; i < n; i++)); do
  src="${photos[$((i % ${#photos[@]}))]}"
  { cat "$src"; printf 'copy %d' "$i"; } > "$work/photo-$i.${src##*.}"
done
export TAGGER_MODELS="${TAGGER_MODELS:-$root/../shared/models}"
"$root/bin/tagger" tag --no-cache --parallel "$parallel" "$@" "$work" > "$out"
echo "JSON lines: $(wc -l < "$out"), with an error: $(grep -c '"error":{' "$out" || true)"
