#!/usr/bin/env bash
# Start-up time of the standalone host (the README's run command), from process start until
# /health/ready answers 200 and a demo sign-in succeeds. Cold: an empty data folder (signing key
# created, demo data seeded). Warm: the same folder again.
#   bash bench/startup.sh [runs]      (default 5)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS=${1:-5}
PORT=${PORT:-5899}
URL="http://127.0.0.1:$PORT"
dotnet build standalone/Platform.Standalone -c Release -nologo -v q >/dev/null
DLL=standalone/Platform.Standalone/bin/Release/net10.0/Platform.Standalone.dll

ms() { echo $(( $(date +%s%N) / 1000000 )); }

measure() { # DATA_DIR -> prints milliseconds until ready and signed in
  local data=$1 start pid
  start=$(ms)
  Storage__DataDirectory="$data" urls="$URL" dotnet "$DLL" >/dev/null 2>&1 &
  pid=$!
  until curl -sf "$URL/health/ready" >/dev/null 2>&1; do sleep 0.02; done
  until curl -sf "$URL/api/auth/token" -H 'content-type: application/json' \
      -d '{"username":"motcua.mythanh","password":"Demo@2015"}' >/dev/null 2>&1; do sleep 0.02; done
  echo $(( $(ms) - start ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

cold=() warm=()
for ((i = 0; i < RUNS; i++)); do
  data=$(mktemp -d)
  cold+=("$(measure "$data")")
  warm+=("$(measure "$data")")
  rm -rf "$data"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "cold start (empty data folder): ${cold[*]} ms; median $(median "${cold[@]}") ms"
echo "warm start (existing data):     ${warm[*]} ms; median $(median "${warm[@]}") ms"
