#!/bin/sh
# Builds the sample workspace: imports the sample sales CSV with
# palier-cli and stores the sample program in it.  The workspace is
# built under a temporary name and renamed at the end, so an interrupted
# build never leaves a half-built workspace.
#
# Usage: make-sample-workspace.sh PALIER-CLI SALES.csv PROGRAM.xml OUTPUT.palier

set -eu

if [ $# -ne 4 ]; then
  echo "usage: $0 PALIER-CLI SALES.csv PROGRAM.xml OUTPUT.palier" >&2
  exit 2
fi

cli=$1
sales=$2
program=$3
output=$4
partial="$output.partial"

rm -f "$partial" "$partial-wal" "$partial-shm" "$partial-journal"
trap 'rm -f "$partial" "$partial-wal" "$partial-shm" "$partial-journal"' EXIT

"$cli" import --workspace "$partial" --sales "$sales" \
  --map date=Date --map "deal=Deal ID" --map "partner=Partner ID" \
  --map segment=Segment --map region=Region --map product=Product \
  --map category=Category --map quantity=Quantity --map amount=Amount \
  --map margin=Margin >/dev/null
"$cli" program add --workspace "$partial" \
  --summary "Sample program as shipped with Palier." "$program" >/dev/null

mv -f "$partial" "$output"
