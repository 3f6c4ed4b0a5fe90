#!/usr/bin/env bash
# Collects the dev set's media from the Debian packages named in media.tsv and videos.tsv into DEST
# (default ~/.cache/tagger/devset) and checks every file's sha256. The media never enter the repository;
# only these lists and labels.jsonl do. Needs: apt-get (Debian 12), dpkg, python3, ffmpeg (for the videos
# made from photos: a slow pan over each photo, 3 s a photo, a cut between photos).
# Usage: benchmarks/accuracy/collect.sh [DEST]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dest="${1:-$HOME/.cache/tagger/devset}"
mkdir -p "$dest/media" "$dest/.packages"
pk="$dest/.packages"

# Package versions as the lists name them (media.tsv column 4).
declare -A version
while IFS=$'\t' read -r id sha pkg ver path lic; do
  [[ "$id" == id || "$pkg" == samples/media ]] && continue
  version[$pkg]="$ver"
done < "$here/media.tsv"

for pkg in "${!version[@]}"; do
  [[ -d "$pk/$pkg" ]] && continue
  ( cd "$pk" && apt-get download -q "$pkg=${version[$pkg]}" >/dev/null ) || {
    echo "collect: cannot download $pkg ${version[$pkg]} (apt-get update first; the dev set is pinned to that version)" >&2; exit 1; }
  dpkg -x "$pk/${pkg}_"*.deb "$pk/$pkg"
done

# A file inside a Qt resource archive (GCompris packs its pictures into .rcc files) is named ARCHIVE!/INNER.
resolve() {  # package, path -> a readable file
  local pkg="$1" path="$2"
  if [[ "$pkg" == samples/media ]]; then echo "$root/$path"; return; fi
  if [[ "$path" == *'!/'* ]]; then
    local archive="${path%%!/*}" inner="${path#*!/}" name
    name="$(basename "$archive" .rcc)"
    [[ -d "$pk/rcc/$name" ]] || python3 "$here/extract-rcc.py" "$pk/rcc" "$pk/$pkg/$archive"
    echo "$pk/rcc/$name/$inner"
  else
    echo "$pk/$pkg/$path"
  fi
}

bad=0
while IFS=$'\t' read -r id sha pkg ver path lic; do
  [[ "$id" == id ]] && continue
  src="$(resolve "$pkg" "$path")"
  cp "$src" "$dest/media/$id"
  got="$(sha256sum "$dest/media/$id" | cut -d' ' -f1)"
  if [[ "$got" != "$sha" ]]; then echo "collect: $id ($pkg $path) has sha256 $got, expected $sha" >&2; bad=1; fi
done < "$here/media.tsv"

# Videos: real clips copied as they are, and pans over photos the photo set does not hold.
while IFS=$'\t' read -r id sha how sources; do
  [[ "$id" == id ]] && continue
  out="$dest/media/$id"
  if [[ "$how" == copy ]]; then
    cp "$(resolve "${sources%%:*}" "${sources#*:}")" "$out"
    got="$(sha256sum "$out" | cut -d' ' -f1)"
    [[ "$got" == "$sha" ]] || { echo "collect: $id has sha256 $got, expected $sha" >&2; bad=1; }
    continue
  fi
  [[ -s "$out" ]] && continue
  parts=() n=0
  for s in $sources; do
    f="$(resolve "${s%%:*}" "usr/share/gcompris-qt/rcc/${s#*:}")"
    part="$dest/.packages/$id.$n.mp4"
    ffmpeg -nostdin -v error -y -loop 1 -i "$f" -vf "scale=1280:720:force_original_aspect_ratio=increase,crop=1280:720,zoompan=z='min(1+0.004*on,1.3)':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=75:s=640x360:fps=25,format=yuv420p" \
      -frames:v 75 -c:v mpeg4 -q:v 4 -bitexact -threads 1 "$part"
    parts+=("file '$part'"); n=$((n + 1))
  done
  printf '%s\n' "${parts[@]}" > "$dest/.packages/$id.list"
  ffmpeg -nostdin -v error -y -f concat -safe 0 -i "$dest/.packages/$id.list" -c copy -bitexact "$out"
  got="$(sha256sum "$out" | cut -d' ' -f1)"
  # Encoded here with Debian 12's ffmpeg 5.1; another FFmpeg may give other bytes of the same pictures.
  [[ "$got" == "$sha" ]] || echo "collect: $id was encoded to other bytes than the list's (another FFmpeg build?); its labels still hold" >&2
done < "$here/videos.tsv"

[[ $bad -eq 0 ]] || { echo "collect: some files differ from the lists; the labels do not apply to them" >&2; exit 1; }
echo "collect: $(ls "$dest/media" | wc -l) files in $dest/media"
