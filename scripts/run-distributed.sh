#!/usr/bin/env bash
# The distributed platform on this machine: personnel, procedures, feedback, awards, the gateway and the web app as six
# separate `dotnet <dll>` processes on 127.0.0.1, over RabbitMQ and Redis, as a cluster runs them.
#
#   bash scripts/run-distributed.sh          # Ctrl-C stops every process
#   DEMO=1 bash scripts/run-distributed.sh   # with the demo district, communes, staff and accounts
#
# 1. Builds the six deployables (Release) unless NO_BUILD=1.
# 2. Installs (apt) and starts RabbitMQ and Redis on 127.0.0.1 when they do not answer (scripts/lib/services.sh, as
#    scripts/test.sh does), and curl when missing.
# 3. Starts procedures :5102, feedback :5103, awards :5104 (validating tokens against personnel's JWKS) and, once
#    their queues are bound, personnel :5101 (the token issuer; it creates its signing key PEM in the data folder
#    once), the gateway :5100 and the web app :5105 (web/Platform.Web.Host: every non-API path of the gateway leads
#    there; it calls the API through the gateway, which trusts its X-Forwarded-For, and keeps its Data Protection keys
#    in the data folder); bootstraps district giong-trom and its first admin; waits for every /health/ready; prints
#    "Distributed platform ready: <gateway URL>" and the credentials.
# Logs: artifacts/distributed/<service>.log. Stopping (Ctrl-C, TERM, or an error) stops them all, and so does one
# process ending by itself, unless RESTART_EXITED=1: then a process that ends once the platform is ready (a crash, a
# `kill -9` of a fault test) is started again with the same settings and its log appended, and the script goes on
# ("<name> exited (<code>); starting it again", then "started <name> (pid N)"). The end-to-end tests
# (tests/Platform.EndToEnd.Tests, DistributedPlatform) start the platform with this script.
#
# Environment: ADMIN_USERNAME (admin.giongtrom; noivu.giongtrom with DEMO=1), ADMIN_PASSWORD (else generated once
# and kept in the data folder; Demo@2015 with DEMO=1), DATA_DIR (artifacts/distributed/data), LOG_DIR
# (artifacts/distributed), QUEUE_PREFIX (dist), CACHE_PREFIX (Redis keys; cchc:$QUEUE_PREFIX: — a deployment or test
# run sharing a Redis with another reads only its own cache), RABBITMQ (amqp://guest:guest@127.0.0.1:5672/), REDIS
# (127.0.0.1:6379), GATEWAY_PORT PERSONNEL_PORT PROCEDURES_PORT FEEDBACK_PORT AWARDS_PORT WEB_PORT (5100-5105),
# CONFIGURATION (Release), NO_BUILD=1, NO_SERVICES=1 (do not install/start RabbitMQ or Redis), READY_TIMEOUT
# (seconds, 90), RESTART_EXITED=1 (see above). Any other ASP.NET Core setting passes through the environment to every process, e.g.
# RateLimits__StaffPerMinute=100000.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
LOGS=$(mkdir -p "${LOG_DIR:-$ROOT/artifacts/distributed}" && cd "${LOG_DIR:-$ROOT/artifacts/distributed}" && pwd)
DATA_DIR=$(mkdir -p "${DATA_DIR:-$LOGS/data}" && cd "${DATA_DIR:-$LOGS/data}" && pwd)
CONFIGURATION=${CONFIGURATION:-Release}
RABBITMQ=${RABBITMQ:-amqp://guest:guest@127.0.0.1:5672/}
REDIS=${REDIS:-127.0.0.1:6379}
DEMO=${DEMO:-0}
export DOTNET_CLI_UI_LANGUAGE=en DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DEBIAN_FRONTEND=noninteractive

LOG_PREFIX=run-distributed
# shellcheck source=lib/services.sh
source "$ROOT/scripts/lib/services.sh"

# --------------------------------------------------------------------------- the six processes

declare -A PIDS=()
declare -A ARGS=() # each process's own settings, as start() got them: a restart (RESTART_EXITED=1) reuses them
NAMES=(personnel procedures feedback awards gateway web)
declare -A PORT=([gateway]=${GATEWAY_PORT:-5100} [personnel]=${PERSONNEL_PORT:-5101} [procedures]=${PROCEDURES_PORT:-5102}
  [feedback]=${FEEDBACK_PORT:-5103} [awards]=${AWARDS_PORT:-5104} [web]=${WEB_PORT:-5105})
declare -A PROJECT=(
  [personnel]=services/personnel/Personnel.Api [procedures]=services/procedures/Procedures.Api
  [feedback]=services/feedback/Feedback.Api [awards]=services/awards/Awards.Api [gateway]=gateway/Platform.Gateway
  [web]=web/Platform.Web.Host)
declare -A ASSEMBLY=([personnel]=Personnel.Api [procedures]=Procedures.Api [feedback]=Feedback.Api [awards]=Awards.Api [gateway]=Platform.Gateway
  [web]=Platform.Web.Host)
url() { echo "http://127.0.0.1:${PORT[$1]}"; }

stop_all() {
  local name pid
  trap - EXIT INT TERM
  for name in web gateway awards feedback procedures personnel; do
    pid=${PIDS[$name]:-}
    [[ -n $pid ]] && kill -TERM "$pid" 2>/dev/null || true
  done
  for name in "${!PIDS[@]}"; do wait "${PIDS[$name]}" 2>/dev/null || true; done
  ((${#PIDS[@]})) && log "stopped ${!PIDS[*]}"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

if [[ ${NO_BUILD:-0} != 1 ]]; then
  for name in "${NAMES[@]}"; do
    log "dotnet build ${PROJECT[$name]} -c $CONFIGURATION"
    dotnet build "${PROJECT[$name]}" -c "$CONFIGURATION" -nologo -v q >"$LOGS/build-$name.log" 2>&1 ||
      { tail -n 30 "$LOGS/build-$name.log" >&2; log "build of $name failed (log: $LOGS/build-$name.log)"; exit 1; }
  done
fi

ensure_command curl curl
if [[ ${NO_SERVICES:-0} != 1 ]]; then
  start_redis
  start_rabbitmq
fi

for name in "${NAMES[@]}"; do
  if port_open 127.0.0.1 "${PORT[$name]}"; then
    log "port ${PORT[$name]} ($name) is taken: another copy may be running"
    exit 1
  fi
done

KEY="$DATA_DIR/signing-key.pem" # personnel creates it on its first start (Auth:CreateSigningKey)

if ((DEMO)); then
  ADMIN_USERNAME=${ADMIN_USERNAME:-noivu.giongtrom}
  ADMIN_PASSWORD=${ADMIN_PASSWORD:-Demo@2015}
else
  ADMIN_USERNAME=${ADMIN_USERNAME:-admin.giongtrom}
  if [[ -z ${ADMIN_PASSWORD:-} ]]; then
    # Generated once: personnel creates the admin only when missing, so a kept data folder keeps its password.
    if [[ ! -f $DATA_DIR/admin-password ]]; then
      (umask 077 && printf 'Adm-%s\n' "$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')" >"$DATA_DIR/admin-password")
    fi
    ADMIN_PASSWORD=$(cat "$DATA_DIR/admin-password")
  fi
fi

start() { # NAME VAR=VALUE...
  local name=$1 dll
  shift
  [[ -n ${ARGS[$name]+set} ]] || : >"$LOGS/$name.log" # a fresh log per run; a restart appends to it
  ARGS[$name]=$(printf '%q ' "$@")
  dll="$ROOT/${PROJECT[$name]}/bin/$CONFIGURATION/net10.0/${ASSEMBLY[$name]}.dll"
  [[ -f $dll ]] || { log "$dll is missing: build first (without NO_BUILD=1)"; exit 1; }
  # The content root is the dll's folder, where its appsettings.json is.
  (cd "$(dirname "$dll")" && exec env "$@" \
      urls="$(url "$name")" DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production \
      ConnectionStrings__rabbitmq="$RABBITMQ" ConnectionStrings__redis="$REDIS" \
      Messaging__QueuePrefix="${QUEUE_PREFIX:-dist}" Cache__KeyPrefix="${CACHE_PREFIX:-cchc:${QUEUE_PREFIX:-dist}:}" \
      Storage__DataDirectory="$DATA_DIR" \
      dotnet "$dll") >>"$LOGS/$name.log" 2>&1 &
  PIDS[$name]=$!
  log "started $name (pid ${PIDS[$name]}) on $(url "$name"); log: $LOGS/$name.log"
}

wait_ready() { # NAME...: every /health/ready (store, cache, bus) answers 200
  local name deadline=$((SECONDS + ${READY_TIMEOUT:-90}))
  for name in "$@"; do
    until curl -sf -o /dev/null "$(url "$name")/health/ready"; do
      if ! kill -0 "${PIDS[$name]}" 2>/dev/null; then
        tail -n 40 "$LOGS/$name.log" >&2
        log "$name exited before it was ready (log: $LOGS/$name.log)"
        exit 1
      fi
      if ((SECONDS > deadline)); then
        tail -n 40 "$LOGS/$name.log" >&2
        log "$name was not ready within ${READY_TIMEOUT:-90} s (log: $LOGS/$name.log)"
        exit 1
      fi
      sleep 0.2
    done
  done
}

# The consumers first: a service is ready once its queues are bound, and personnel's first events (the bootstrap's,
# the demo onboarding's) must find every queue, or the broker drops them for lack of a binding.
JWKS="Auth__JwksUrl=$(url personnel)/api/auth/jwks"
start procedures "$JWKS"
start feedback "$JWKS"
start awards "$JWKS" Edge__TrustedProxies__0=127.0.0.1/32 # the gateway's X-Forwarded-Host, for the radio feed's links
wait_ready procedures feedback awards
start personnel Auth__SigningKeyFile="$KEY" Auth__CreateSigningKey=true \
  Bootstrap__District__Code=giong-trom "Bootstrap__District__Name=Huyện Giồng Trôm" Bootstrap__District__Kind=district \
  Bootstrap__Admin__Username="$ADMIN_USERNAME" Bootstrap__Admin__Password="$ADMIN_PASSWORD" \
  Demo__Enabled="$( ((DEMO)) && echo true || echo false)" \
  Edge__TrustedProxies__0=127.0.0.1/32 # the gateway passes each client's address on, for the sign-in throttle
# The web app calls the API through the gateway with each citizen's address in X-Forwarded-For, and the gateway passes
# the citizen's address to the web app the same way: each trusts the other's loopback address (Edge:TrustedProxies),
# or every citizen would share one anonymous rate limit.
start gateway "$JWKS" Edge__TrustedProxies__0=127.0.0.1/32 \
  ReverseProxy__Clusters__personnel__Destinations__primary__Address="$(url personnel)" \
  ReverseProxy__Clusters__procedures__Destinations__primary__Address="$(url procedures)" \
  ReverseProxy__Clusters__feedback__Destinations__primary__Address="$(url feedback)" \
  ReverseProxy__Clusters__awards__Destinations__primary__Address="$(url awards)" \
  ReverseProxy__Clusters__web__Destinations__primary__Address="$(url web)/"
start web "$JWKS" Edge__TrustedProxies__0=127.0.0.1/32 \
  Web__ApiBaseUrl="$(url gateway)/" Web__PublicBaseUrl="$(url gateway)/" \
  Web__DataProtectionKeysDirectory="$DATA_DIR/web-keys"
wait_ready personnel gateway web
if ((DEMO)); then
  # The demo communes are prepared by events: wait until procedures has the starter catalogue of my-thanh.
  deadline=$((SECONDS + 60))
  until [[ $(curl -sf "$(url gateway)/api/communes/my-thanh/procedures" | grep -o '"code"' | wc -l) -ge 15 ]]; do
    ((SECONDS < deadline)) || { log "the demo commune my-thanh was not prepared within 60 s"; exit 1; }
    sleep 1
  done
fi

cat <<EOF

  Distributed platform ready: $(url gateway)  (API reference: $(url gateway)/docs)
  Web app: $(url gateway)/ (citizens), $(url gateway)/can-bo (staff), through the gateway
  District admin of giong-trom: $ADMIN_USERNAME / $ADMIN_PASSWORD
  Sign in: curl -s $(url gateway)/api/auth/token -H 'content-type: application/json' -d '{"username":"$ADMIN_USERNAME","password":"$ADMIN_PASSWORD"}'
EOF
if ((DEMO)); then
  echo "  Demo accounts of my-thanh (motcua.mythanh, chutich.mythanh, ...): password Demo@2015"
fi
cat <<EOF
  Services: personnel $(url personnel), procedures $(url procedures), feedback $(url feedback), awards $(url awards), web $(url web)
  Data: $DATA_DIR   Logs: $LOGS/*.log
  Ctrl-C stops all six processes.

EOF

# Runs until interrupted, or until one of the processes ends by itself.
while true; do
  for name in "${NAMES[@]}"; do
    if ! kill -0 "${PIDS[$name]}" 2>/dev/null; then
      wait "${PIDS[$name]}" 2>/dev/null && rc=0 || rc=$?
      unset "PIDS[$name]"
      if [[ ${RESTART_EXITED:-0} == 1 ]]; then
        log "$name exited ($rc); starting it again (log: $LOGS/$name.log)"
        eval "start $name ${ARGS[$name]}"
        continue
      fi
      log "$name exited ($rc); stopping the others (log: $LOGS/$name.log)"
      exit 1
    fi
  done
  sleep 1 &
  wait $! || true
done
