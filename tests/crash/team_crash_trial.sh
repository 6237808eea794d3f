#!/usr/bin/env bash
# The full chaos trial of a team workspace on PostgreSQL: 10,000 queued
# messages over two SMTP accounts (20 and 10 a second) plus every contact with
# an address entering a journey by an event, three `masir-cli worker run`
# processes SIGKILLed and restarted 20 times, the sender's connections cut with
# pg_terminate_backend(), and the sender stopped (SIGSTOP) past its lease.
# Prints what arrived once, twice, or never. The CI runs the same test with 300
# messages and 10 kills (tst_TeamCrash).
#
#   tests/crash/team_crash_trial.sh [build/release] [messages] [kills]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build/release}"
export MASIR_CRASH_MESSAGES="${2:-10000}"
export MASIR_CRASH_KILLS="${3:-20}"
export QT_LOGGING_RULES="masir.*.info=false"
export QTEST_FUNCTION_TIMEOUT=3600000 # the full trial runs longer than QTest's 5 minutes
dir="$(mktemp -d /tmp/masir-team-trial.XXXXXX)"
trap 'tests/support/pg_cluster.sh stop "$dir" >/dev/null 2>&1 || true' EXIT
export MASIR_TEST_PG="$(tests/support/pg_cluster.sh start "$dir")"
"$build/tests/tst_TeamCrash" 2>&1 | grep -E "crash trial|FAIL|Totals"
