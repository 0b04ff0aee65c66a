# shellcheck shell=bash
# Shared by scripts/test.sh and scripts/run-distributed.sh (source it; set LOG_PREFIX first):
# apt installs, port waits, and RabbitMQ and Redis started on 127.0.0.1 from Debian's packages.
#
#   ensure_packages PKG...   apt-get install what is missing (one apt-get update per run)
#   ensure_command CMD PKG   install PKG when CMD is not on PATH
#   port_open HOST PORT      a TCP connect succeeds within 1 s
#   wait_port HOST PORT SECONDS NAME
#   start_redis              redis-server on 127.0.0.1:6379, no persistence, unless something answers there
#   write_rabbitmq_env       the loopback-only rabbitmq-env.conf (before installing the package, so its start uses it)
#   start_rabbitmq           rabbitmq-server on 127.0.0.1:5672, unless something answers there

LOG_PREFIX=${LOG_PREFIX:-services}
log() { printf '[%s] %s\n' "$LOG_PREFIX" "$*" >&2; }

SUDO=()
if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null 2>&1; then SUDO=(sudo -n); fi

APT_UPDATED=0
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

ensure_packages() {
  local missing=() p
  for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  if ((APT_UPDATED == 0)); then
    log "apt-get update"
    "${SUDO[@]}" apt-get update -qq
    APT_UPDATED=1
  fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" >/dev/null
}

ensure_command() { # COMMAND PACKAGE
  command -v "$1" >/dev/null 2>&1 || ensure_packages "$2"
}

port_open() { timeout 1 bash -c ": </dev/tcp/$1/$2" 2>/dev/null; }

wait_port() { # HOST PORT SECONDS NAME
  local i
  for ((i = 0; i < $3; i++)); do
    port_open "$1" "$2" && return 0
    sleep 1
  done
  log "$4 did not answer on $1:$2 within $3 s"
  return 1
}

start_redis() {
  if port_open 127.0.0.1 6379; then
    log "redis already answers on 127.0.0.1:6379"
    return 0
  fi
  ensure_packages redis-server redis-tools
  log "starting redis-server on 127.0.0.1:6379"
  "${SUDO[@]}" mkdir -p /var/lib/redis /var/log/redis
  # No persistence, and a working directory outside the repo (no dump.rdb in the tree).
  "${SUDO[@]}" redis-server --bind 127.0.0.1 --port 6379 --daemonize yes \
    --dir /var/lib/redis --save '' --appendonly no --logfile /var/log/redis/redis-test.log
  wait_port 127.0.0.1 6379 30 redis
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null
}

RABBIT_ENV_CONF=/etc/rabbitmq/rabbitmq-env.conf
RABBIT_ENV_CONTENT='# Written by scripts/lib/services.sh: a loopback-only broker for the tests and the local distributed run.
NODENAME=rabbit@localhost
NODE_IP_ADDRESS=127.0.0.1
NODE_PORT=5672
export ERL_EPMD_ADDRESS=127.0.0.1
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"'

write_rabbitmq_env() {
  # Written before the package is installed too, so that a postinst start already uses it
  # (apt keeps it: --force-confold).
  if [[ ! -f $RABBIT_ENV_CONF ]] || [[ "$(cat "$RABBIT_ENV_CONF")" != "$RABBIT_ENV_CONTENT" ]]; then
    log "writing $RABBIT_ENV_CONF (loopback only)"
    "${SUDO[@]}" mkdir -p /etc/rabbitmq
    printf '%s\n' "$RABBIT_ENV_CONTENT" | "${SUDO[@]}" tee "$RABBIT_ENV_CONF" >/dev/null
  fi
}

start_rabbitmq() {
  if port_open 127.0.0.1 5672; then
    log "rabbitmq already answers on 127.0.0.1:5672"
    return 0
  fi
  write_rabbitmq_env
  ensure_packages rabbitmq-server
  log "starting rabbitmq-server on 127.0.0.1:5672 (no management plugin)"
  "${SUDO[@]}" mkdir -p /var/log/rabbitmq /var/lib/rabbitmq
  "${SUDO[@]}" chown rabbitmq:rabbitmq /var/log/rabbitmq /var/lib/rabbitmq 2>/dev/null || true
  # No systemd here: the SysV script starts the node in the background as user rabbitmq
  # and waits until it is up.
  if ! "${SUDO[@]}" service rabbitmq-server start >/dev/null 2>&1; then
    log "service rabbitmq-server start failed; trying rabbitmq-server -detached"
    "${SUDO[@]}" rabbitmq-server -detached >/dev/null 2>&1 || true
  fi
  if ! wait_port 127.0.0.1 5672 120 rabbitmq; then
    tail -n 40 /var/log/rabbitmq/*.log /var/log/rabbitmq/startup_* 2>/dev/null >&2 || true
    return 1
  fi
  "${SUDO[@]}" timeout 60 rabbitmqctl -q await_startup >/dev/null 2>&1 || true
}
