#!/usr/bin/env bash
# make report-check: the sample night (SampleCDRs, Tariffs) into a temporary work area,
# a bill run of cycle 202609, `cdrate report` of both, and a headless Chromium
# screenshot of each page into docs/img/ (report-run.png, report-bill.png), as the
# README shows them. The pages are refused if they hold a script or a link to anything,
# and Chromium's fetches go to a dead proxy, so the screenshots show only what the
# pages hold themselves.
#   CHROMIUM  the browser (default: chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
browser=${CHROMIUM:-chromium}
command -v "$browser" >/dev/null || { echo "report-check: $browser not found (Debian: apt-get install chromium)"; exit 1; }
bin=.build/release/cdrate
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=$PWD/$bin
# In the temporary directory, so that the pages name the work area as an operator's
# would (var/runs/R0000001), not by a temporary path.
(
  cd "$tmp"
  ln -s "$OLDPWD/SampleCDRs" SampleCDRs
  ln -s "$OLDPWD/Tariffs" Tariffs
  "$bin" run >/dev/null 2>&1 || { echo "report-check: the sample run failed"; exit 1; }
  "$bin" bill --cycle 202609 >/dev/null
  "$bin" report R0000001 --out run.html
  "$bin" report B0000001 --out bill.html
)
for page in run bill; do
  if grep -qiE '<script|src=|href=|url\(|@import' "$tmp/$page.html"; then
    echo "report-check: $page.html is not self-contained"; exit 1
  fi
done
mkdir -p docs/img
shot() {
  # --no-sandbox: root in a container; the proxy rule sends any fetch nowhere.
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --proxy-server='127.0.0.1:9' --proxy-bypass-list='<-loopback>' \
    --window-size=1200,2400 --screenshot="$2" "file://$1" >/dev/null 2>&1
  [ -s "$2" ] || { echo "report-check: no screenshot $2"; exit 1; }
  echo "report-check: $2 ($(wc -c < "$2") bytes) from $1"
}
shot "$tmp/run.html" docs/img/report-run.png
shot "$tmp/bill.html" docs/img/report-bill.png
