#!/usr/bin/env bash
# Runs cdrate on the shared conformance kit and compares with its expected bytes.
# usage: scripts/conformance.sh [KIT_DIR]
set -euo pipefail
kit=${1:-../shared/conformance}
if [ ! -d "$kit/inbox" ]; then echo "no conformance kit at $kit; nothing to do"; exit 0; fi
bin=.build/release/cdrate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" run --inbox "$kit/inbox" --tariffs "$kit/Tariffs" --work "$work/w"
python3 "$kit/compare.py" --expected "$kit/expected" --actual "$work/w/runs/R0000001"
echo "quarantined set:"
diff <(cut -d' ' -f1 "$kit/expected/quarantine.txt" | sort) <(cut -d' ' -f1 "$work/w/runs/R0000001/quarantine.txt" | sort) && echo "  same as the kit's"
