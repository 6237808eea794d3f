#!/usr/bin/env bash
# Sending benchmark against the loopback SMTP sink (STARTTLS + AUTH):
#  1. throughput with 1, 4 and 8 connections (messages per second), next to
#     Python's smtplib over one connection as the reference, in the same run;
#  2. rate-limiter accuracy: 10/s for 60 s must send 590-600 messages and never
#     more than 10 in any one-second window.
#
#   tests/bench/run_sending.sh [BUILD_DIR] [MESSAGES] [RATE_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build/release}"
messages="${2:-2000}"
seconds="${3:-60}"
cli="$(realpath "$build")/app/cli/masir-cli"
py=/usr/bin/python3
work="$(mktemp -d /tmp/masir-send-bench.XXXXXX)"
trap 'kill $sink 2>/dev/null || true; rm -rf "$work"' EXIT
export MASIR_SECRETS=file MASIR_SECRETS_FILE="$work/secrets.json" QT_LOGGING_RULES="masir.*.info=false"

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 2 \
  -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 2>/dev/null
port=$((20000 + RANDOM % 20000))
mkdir -p "$work/out"
$py tests/support/smtp_sink.py --dir "$work/out" --cert "$work/cert.pem" --key "$work/key.pem" \
  --user bench@shop.test --password benchpw --starttls-port "$port" --ready-file "$work/ready" &
sink=$!
for _ in $(seq 100); do [ -f "$work/ready" ] && break; sleep 0.1; done

# A workspace with MESSAGES contacts, a template and one account.
base="$work/base.masir"
"$cli" --workspace "$base" demo --contacts $((messages * 4 / 3)) --no-events >/dev/null
"$cli" --workspace "$base" settings set postal-address "Tehran, Valiasr 12"
"$cli" --workspace "$base" settings set unsubscribe-url "https://shop.test/u/{token}"
printf '# Hello {{first_name|default:"friend"}}\n\nThis week: fresh bread, **20%% off**.\n\n[Shop](https://shop.test/)\n' >"$work/body.md"
"$cli" --workspace "$base" template add --name news --subject "News for {{first_name}}" --body-file "$work/body.md"
MASIR_SMTP_PASSWORD=benchpw "$cli" --workspace "$base" channel add smtp --name sink --host localhost \
  --port "$port" --security starttls --user bench@shop.test --from "Shop <news@shop.test>" \
  --ca-file "$work/cert.pem" >/dev/null

queue() { # workspace count
  sqlite3 "$1" "INSERT INTO outbox (idempotency_key, channel, contact_id, template, marketing, due_at,
    created_at, updated_at, recipient) SELECT 'bench:' || id, 'email', id, 'news', 1, 0, 0, 0, email
    FROM contacts WHERE email <> '' AND status = 'active' AND email_consent <> 'withdrawn'
    ORDER BY id LIMIT $2;"
}

ref=$($py tests/bench/smtp_reference.py "$port" "$work/cert.pem" bench@shop.test benchpw "$messages")
echo "reference: Python smtplib, 1 connection: $ref messages/s"
for connections in 1 4 8; do
  ws="$work/c$connections.masir"
  cp "$base" "$ws"
  sqlite3 "$ws" "UPDATE channel_accounts SET connections = $connections"
  queue "$ws" "$messages"
  start=$(date +%s.%N)
  "$cli" --workspace "$ws" worker run --once --send-budget 600000 >/dev/null
  end=$(date +%s.%N)
  sent=$(sqlite3 "$ws" "SELECT count(*) FROM outbox WHERE state = 'sent'")
  rate=$(echo "$sent / ($end - $start)" | bc -l)
  printf "masir, %d connection(s): %d sent in %.2f s = %.0f messages/s (%.2fx the reference)\n" \
    "$connections" "$sent" "$(echo "$end - $start" | bc -l)" "$rate" "$(echo "$rate / $ref" | bc -l)"
done

# Rate limiter: 10/s for SECONDS seconds.
ws="$work/rate.masir"
cp "$base" "$ws"
sqlite3 "$ws" "UPDATE channel_accounts SET per_second = 10, connections = 2"
queue "$ws" $((seconds * 20))
: >"$work/out/log.jsonl"
timeout -s INT "$seconds" "$cli" --workspace "$ws" worker run >/dev/null || true
read -r count busiest span < <($py tests/bench/analyze_sends.py "$work/out/log.jsonl")
echo "rate limit 10/s for ${seconds} s: $count sent (target 590-600 for 60 s), busiest 1 s window $busiest (limit 10), first to last ${span} s"
