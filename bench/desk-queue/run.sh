#!/usr/bin/env bash
# Time to first paint of the desk's queue (/can-bo/mot-cua/ho-so) with 1,000 open dossiers in Mỹ Thạnh, in Debian's
# Chromium (1366×768), on the standalone host (Release, fresh data folder, demo mode):
#   first-contentful-paint  the prerendered page (menu, filters, table head) is on screen
#   rows                    the first page of dossiers, sorted by due date, is in the table (after the circuit starts)
#   bash bench/desk-queue/run.sh [runs] [dossiers]      (default 5 runs, 1000 dossiers)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
RUNS=${1:-5}
COUNT=${2:-1000}
PORT=${PORT:-5898}
URL="http://127.0.0.1:$PORT"
dotnet build standalone/Platform.Standalone -c Release -nologo -v q >/dev/null
(cd bench/desk-queue && [[ -d node_modules/playwright-core ]] || npm install --no-save --no-audit --no-fund --silent playwright-core@1.64.1)
DATA=$(mktemp -d)
# The seeding would meet the per-commune staff limit (1200 a minute); raised for the run.
Storage__DataDirectory="$DATA" urls="$URL" RateLimits__StaffPerMinute=100000 \
  dotnet standalone/Platform.Standalone/bin/Release/net10.0/Platform.Standalone.dll >/dev/null 2>&1 &
HOST=$!
trap 'kill $HOST 2>/dev/null; wait $HOST 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -sf "$URL/health/ready" >/dev/null 2>&1; do sleep 0.2; done
node bench/desk-queue/measure.js "$URL" "$RUNS" "$COUNT"
