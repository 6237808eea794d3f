#!/usr/bin/env bash
# The collector's benchmarks, against references measured in the same run:
#
# 1. Pull and apply: HITS (default 100,000) opens and clicks waiting on a
#    collector, pulled into a CONTACTS-contact workspace (default 1,000,000),
#    applied, scored, and a journey run on them. Target: at most 10 s.
# 2. Pixel and click requests per second with wrk on loopback, against nginx
#    serving the same GIF from a file (2 workers, as the collector's 2
#    threads). Targets: at least 0.3x nginx, 5,000 requests/s, p99 <= 20 ms.
# 3. Memory over a long run: the collector's RSS every 10 s for SOAK seconds
#    (default 300) of pixel requests. Target: flat.
#
#   tests/bench/run_collector.sh [BUILD_DIR] [CONTACTS] [HITS] [SOAK]
#   MASIR_BENCH_PULL_RUNS=5 MASIR_BENCH_PULL_ONLY=1 tests/bench/run_collector.sh
#     (pull and apply five times, each on fresh copies, and nothing else)
# Needs wrk and nginx-light (apt-get install wrk nginx-light).
set -euo pipefail
cd "$(dirname "$0")/../.."
build="$(realpath "${1:-build/release}")"
contacts="${2:-1000000}"
hits="${3:-100000}"
soak="${4:-300}"
duration="${MASIR_BENCH_SECONDS:-20}"
work="${MASIR_BENCH_DIR:-/tmp/masir-bench}"
cli="$build/app/cli/masir-cli"
bench="$build/tests/bench/bench_collector"
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || { echo "run_collector: install $tool (apt-get install wrk nginx-light)" >&2; exit 1; }
done
mkdir -p "$work"
generated="$work/collector-$contacts.masir"
ws="$work/collector-run.masir"
data="$work/collector-data"
if [ ! -f "$generated" ]; then
  "$cli" --workspace "$generated" demo --contacts "$contacts" --no-events >/dev/null
fi
export MASIR_SECRETS=file MASIR_SECRETS_FILE="$work/secrets.json"

nginx_dir="$(mktemp -d)"
serve=""
cleanup() { [ -n "$serve" ] && kill "$serve" 2>/dev/null || true; [ -f "$nginx_dir/nginx.pid" ] && kill "$(cat "$nginx_dir/nginx.pid")" 2>/dev/null; rm -rf "$nginx_dir"; }
trap cleanup EXIT

# A fresh workspace and collector store, a collector serving them, the hits
# prepared, and one worker cycle's pull and apply timed.
pull_and_apply() {
  [ -n "$serve" ] && { kill "$serve"; wait "$serve" 2>/dev/null || true; }
  rm -rf "$data" "$ws" "$ws-wal" "$ws-shm"
  cp "$generated" "$ws"
  port=$((20000 + RANDOM % 20000))
  "$cli" serve --listen "127.0.0.1:$port" --public-url "http://127.0.0.1:$port" --data "$data" >"$work/serve.log" 2>&1 &
  serve=$!
  for _ in $(seq 50); do [ -f "$data/api-key" ] && break; sleep 0.1; done
  key="$(cat "$data/api-key")"
  read -r pixel click < <("$bench" prepare "$ws" "http://127.0.0.1:$port" "$key" "$data" "$hits")
  sync
  "$bench" pullapply "$ws"
}

# MASIR_BENCH_PULL_RUNS=N repeats it (the machines are noisy: report the
# median); MASIR_BENCH_PULL_ONLY=1 stops after it.
echo "== pull and apply: $hits hits into $contacts contacts"
for _ in $(seq "${MASIR_BENCH_PULL_RUNS:-1}"); do
  pull_and_apply
done
[ -n "${MASIR_BENCH_PULL_ONLY:-}" ] && exit 0

echo "== requests per second (wrk -t2 -c50 -d${duration}s, same run)"
mkdir -p "$nginx_dir/o"
printf 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7' | base64 -d > "$nginx_dir/o/pixel.gif"
nport=$((port + 1))
cat > "$nginx_dir/nginx.conf" <<CONF
worker_processes 2;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $nginx_dir; proxy_temp_path $nginx_dir; fastcgi_temp_path $nginx_dir;
  uwsgi_temp_path $nginx_dir; scgi_temp_path $nginx_dir;
  server {
    listen 127.0.0.1:$nport;
    root $nginx_dir;
    location /o/ { default_type image/gif; add_header Cache-Control "no-store, no-cache, must-revalidate, max-age=0"; add_header Pragma no-cache; }
  }
}
CONF
nginx -c "$nginx_dir/nginx.conf"
sleep 0.3
run_wrk() { wrk -t2 -c50 -d"${duration}s" --latency "$1" | awk '/Requests\/sec/{r=$2} /^ +99%/{p=$2} END{print r, p}'; }
read -r nginx_rps nginx_p99 < <(run_wrk "http://127.0.0.1:$nport/o/pixel.gif")
read -r pixel_rps pixel_p99 < <(run_wrk "http://127.0.0.1:$port$pixel")
read -r click_rps click_p99 < <(run_wrk "http://127.0.0.1:$port$click")
echo "nginx GIF:        $nginx_rps req/s, p99 $nginx_p99"
echo "collector pixel:  $pixel_rps req/s, p99 $pixel_p99  ($(awk -v a="$pixel_rps" -v b="$nginx_rps" 'BEGIN{printf "%.2f", a/b}')x nginx)"
echo "collector click:  $click_rps req/s, p99 $click_p99  ($(awk -v a="$click_rps" -v b="$nginx_rps" 'BEGIN{printf "%.2f", a/b}')x nginx)"

echo "== memory over ${soak}s of pixel requests (RSS of the collector, KiB)"
wrk -t2 -c50 -d"${soak}s" "http://127.0.0.1:$port$pixel" >/dev/null &
load=$!
samples=()
for _ in $(seq $((soak / 10))); do
  sleep 10
  samples+=("$(awk '/VmRSS/{print $2}' "/proc/$serve/status")")
done
wait "$load" || true
echo "RSS every 10 s: ${samples[*]}"
echo "first ${samples[0]} KiB, last ${samples[-1]} KiB, max $(printf '%s\n' "${samples[@]}" | sort -n | tail -1) KiB"
