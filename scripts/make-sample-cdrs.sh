#!/bin/sh
# Rebuilds the project's Tariffs/ and SampleCDRs/ from `cdrate generate`, plus a few
# hand-made edits, so that `cdrate run` with its defaults has a small, varied night:
#
#   - a week (20260921-20260927) of 22 switches, one file a day each, 3500 records,
#     300 subscribers, seed 20260921, 2% of the random records broken for E02-E09;
#   - four files stored plain (.cdr), the rest gzip (.cdr.gz);
#   - SampleCDRs/night2/: the next night's drop (a sub-folder, so the nightly run on
#     SampleCDRs ignores it; docs/operations.md "A second night" runs it):
#       CDMSC01_20260922_000002.cdr.gz  the switch's good retransmission of the file
#                                       quarantined on night 1: automatic re-collection
#       DGMSC01_20260924_000004.cdr.gz  likewise, a complete copy of the truncated gzip
#       BJMSC01_20260921_000001.cdr.gz  a conflicting retransmission: same switch and
#                                       seq as a collected file, one record's duration changed
#     and WXMSC01 seq 000003 stays missing, so its gap alarm goes on;
#   - three files that must be quarantined (SPEC section 1), each leaving a sequence gap:
#       DGMSC01_20260924_000004.cdr.gz  a truncated gzip member (last 12 bytes cut)
#       WXMSC01_20260923_000003.cdr     a trailer whose record count is one too high
#       CDMSC01_20260922_000002.cdr     a 159-byte line (the third line lost a filler byte)
#
# Usage: scripts/make-sample-cdrs.sh   (CDRATE=/path/to/cdrate to use a built binary)
set -eu
cd "$(dirname "$0")/.."

if [ -z "${CDRATE:-}" ]; then
    swift build -c release --product cdrate >&2
    CDRATE="$(swift build -c release --show-bin-path)/cdrate"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$CDRATE" generate --subscribers 300 --records 3500 --seed 20260921 --bad 2 --out "$work/world"

rm -rf Tariffs SampleCDRs
cp -R "$work/world/Tariffs" Tariffs
cp -R "$work/world/inbox" SampleCDRs
cd SampleCDRs

# The next night's drop, from the good files before they are broken below.
mkdir night2
cp CDMSC01_20260922_000002.cdr.gz DGMSC01_20260924_000004.cdr.gz night2/
gunzip -c BJMSC01_20260921_000001.cdr.gz \
    | awk 'NR == 2 { printf "%s%06d%s\n", substr($0, 1, 103), substr($0, 104, 6) + 60, substr($0, 110); next } { print }' \
    | awk 'BEGIN { d = 0 } /^D/ { d += substr($0, 104, 6) } /^T/ { printf "T%s%012d%s\n", substr($0, 2, 8), d, substr($0, 22); next } { print }' \
    | gzip -n -1 > night2/BJMSC01_20260921_000001.cdr.gz

# Plain files: switches may deliver uncompressed.
for f in BJMSC01_20260922_000002 SHMSC01_20260923_000003 SZMSC01_20260924_000004 GZMSC01_20260925_000005; do
    gunzip "$f.cdr.gz"
done

# A truncated gzip member.
f=DGMSC01_20260924_000004.cdr.gz
size=$(wc -c < "$f")
head -c $((size - 12)) "$f" > "$f.tmp" && mv "$f.tmp" "$f"

# A trailer count that does not match the details.
f=WXMSC01_20260923_000003.cdr
gunzip "$f.gz"
lines=$(wc -l < "$f")
awk -v last="$lines" 'NR == last { printf "T%08d%s\n", substr($0, 2, 8) + 1, substr($0, 10); next } { print }' "$f" > "$f.tmp"
mv "$f.tmp" "$f"

# A 159-byte line.
f=CDMSC01_20260922_000002.cdr
gunzip "$f.gz"
awk 'NR == 3 { print substr($0, 1, 159); next } { print }' "$f" > "$f.tmp"
mv "$f.tmp" "$f"

echo "SampleCDRs: $(ls | wc -l) entries, $(cat ./*.cdr* | wc -c) bytes; Tariffs: $(ls ../Tariffs | wc -l) tables" >&2
