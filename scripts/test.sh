#!/usr/bin/env bash
# make test: build and run every XCTest, then print one plain tally line.
set -uo pipefail
swift build --build-tests || exit 1
log=$(mktemp)
swift test --skip-build --disable-swift-testing 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# The last "Executed N tests, with M failures" line is the total of all suites.
line=$(grep -E "Executed [0-9]+ tests?, with" "$log" | tail -1)
rm -f "$log"
total=$(echo "$line" | grep -oE 'Executed [0-9]+' | grep -oE '[0-9]+')
failed=$(echo "$line" | grep -oE '[0-9]+ failures?' | grep -oE '[0-9]+')
skipped=$(echo "$line" | grep -oE '[0-9]+ tests? skipped' | grep -oE '[0-9]+' || true)
skipped=${skipped:-0}
if [ -z "$total" ] || [ -z "$failed" ]; then echo "tests: no XCTest summary found"; exit 1; fi
echo "tests: $((total - failed - skipped)) passed, $failed failed, $skipped skipped"
exit $status
