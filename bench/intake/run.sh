#!/usr/bin/env bash
# Dossier intake throughput: wrk drives POST /api/communes/my-thanh/dossiers (procedure ho-tich-ket-hon, a new
# applicant each request) with the demo desk officer's token, then the year's statistics count what was stored.
#
#   bash bench/intake/run.sh [duration] [connections]        (default 30s 8; THREADS=2 wrk threads)
#   TARGET=standalone bash bench/intake/run.sh               (the standalone host instead of the distributed platform)
#
# TARGET=gateway (default): scripts/run-distributed.sh with DEMO=1 on a fresh data folder and queue prefix (six
# processes on RabbitMQ and Redis, Release; the web app takes no part); the desk officer motcua.mythanh signs in through the gateway (personnel
# issues the token). Two runs: through the gateway :5100, then straight to procedures :5102 (the proxy hop's cost).
# TARGET=standalone: the standalone host (Release, demo mode, in-memory bus and cache) on a fresh data folder.
#
# The edge's per-commune staff rate limit (RateLimits:StaffPerMinute, 1200 by default) is raised for the run:
# otherwise the figure would be the limiter's 20 requests/s. Results: artifacts/bench-intake/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
DURATION=${1:-30s}
CONNECTIONS=${2:-8}
THREADS=${THREADS:-2}
TARGET=${TARGET:-gateway}
OUT="$ROOT/artifacts/bench-intake"
mkdir -p "$OUT"
export DOTNET_CLI_UI_LANGUAGE=en DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DEBIAN_FRONTEND=noninteractive
export RateLimits__StaffPerMinute=${STAFF_PER_MINUTE:-100000000}

log() { printf '[bench/intake] %s\n' "$*" >&2; }

if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk (apt)"
  SUDO=()
  if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null 2>&1; then SUDO=(sudo -n); fi
  "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi

DATA=$(mktemp -d)
PLATFORM=
cleanup() {
  if [[ -n $PLATFORM ]]; then
    kill -TERM "$PLATFORM" 2>/dev/null || true
    wait "$PLATFORM" 2>/dev/null || true
  fi
  rm -rf "$DATA"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ $TARGET == gateway ]]; then
  log "starting the distributed platform (scripts/run-distributed.sh, DEMO=1); log: $OUT/platform.log"
  DEMO=1 DATA_DIR="$DATA/data" QUEUE_PREFIX=bench bash scripts/run-distributed.sh >"$OUT/platform.log" 2>&1 &
  PLATFORM=$!
  BASE=http://127.0.0.1:5100
  until grep -q 'Distributed platform ready' "$OUT/platform.log"; do
    kill -0 "$PLATFORM" 2>/dev/null || { tail -n 30 "$OUT/platform.log" >&2; log "the platform did not start"; exit 1; }
    sleep 1
  done
elif [[ $TARGET == standalone ]]; then
  dotnet build standalone/Platform.Standalone -c Release -nologo -v q >"$OUT/build.log" 2>&1 || { tail -n 30 "$OUT/build.log" >&2; exit 1; }
  BASE=http://127.0.0.1:${PORT:-5899}
  log "starting the standalone host on $BASE; log: $OUT/standalone.log"
  (cd standalone/Platform.Standalone/bin/Release/net10.0 &&
    exec env urls="$BASE" Storage__DataDirectory="$DATA" dotnet Platform.Standalone.dll) >"$OUT/standalone.log" 2>&1 &
  PLATFORM=$!
  for ((i = 0; i < 600; i++)); do
    curl -sf -o /dev/null "$BASE/health/ready" && break
    kill -0 "$PLATFORM" 2>/dev/null || { tail -n 30 "$OUT/standalone.log" >&2; log "the standalone host did not start"; exit 1; }
    sleep 0.1
  done
else
  log "TARGET must be gateway or standalone"
  exit 2
fi

TOKEN=$(curl -sf "$BASE/api/auth/token" -H 'content-type: application/json' \
  -d '{"username":"motcua.mythanh","password":"Demo@2015"}' | grep -o '"accessToken":"[^"]*"' | cut -d'"' -f4)
[[ -n $TOKEN ]] || { log "the desk officer could not sign in"; exit 1; }
export TOKEN

# Dossiers of this year the statistics count (the first "received" of the answer is the commune's total).
received() {
  curl -sf "$BASE/api/communes/my-thanh/procedure-stats" -H "authorization: Bearer $TOKEN" | grep -o '"received":[0-9]*' | head -n 1 | cut -d: -f2
}

run() { # NAME URL DURATION CONNECTIONS
  local name=$1 url=$2 before after result
  before=$(received)
  wrk -t"$THREADS" -c"$4" -d"$3" --latency -s bench/intake/intake.lua "$url/api/communes/my-thanh/dossiers" >"$OUT/$name.txt" 2>&1
  sleep 2 # let the last commits land
  after=$(received)
  result=$(grep '^RESULT' "$OUT/$name.txt" | sed 's/^RESULT //')
  echo "$name $result stored=$((after - before))" | tee -a "$OUT/results.txt"
}

: >"$OUT/results.txt"
log "warm-up: 5 s, 2 connections"
run warmup "$BASE" 5s 2 >/dev/null
log "measuring: $DURATION, $CONNECTIONS connections, $THREADS threads"
if [[ $TARGET == gateway ]]; then
  run gateway "$BASE" "$DURATION" "$CONNECTIONS"
  run procedures-direct http://127.0.0.1:5102 "$DURATION" "$CONNECTIONS"
else
  run standalone "$BASE" "$DURATION" "$CONNECTIONS"
fi
echo "(created = 201 answers counted by wrk; stored = growth of procedure-stats 'received' over the run; wrk output in $OUT/)"
