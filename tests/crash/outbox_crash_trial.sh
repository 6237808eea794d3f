#!/usr/bin/env bash
# The full outbox crash trial: 3,000 queued messages, `masir-cli worker run`
# SIGKILLed 5 times while it sends to a real SMTP server (STARTTLS + AUTH), then
# restarted; prints sent / interrupted / sent twice / lost. The CI runs the same
# test with 400 messages and 3 kills (tst_OutboxCrash).
#
#   tests/crash/outbox_crash_trial.sh [build/release] [messages] [kills]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build/release}"
export MASIR_CRASH_MESSAGES="${2:-3000}"
export MASIR_CRASH_KILLS="${3:-5}"
export QT_LOGGING_RULES="masir.*.info=false"
"$build/tests/tst_OutboxCrash" 2>&1 | grep -E "crash trial|FAIL|Totals"
