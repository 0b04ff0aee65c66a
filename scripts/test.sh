#!/usr/bin/env bash
# The project's single test command.
#
#   bash scripts/test.sh [extra dotnet test args...]
#   e.g. bash scripts/test.sh --filter-class 'Personnel.*'
#
# 1. Installs (apt) and starts, when missing / not running: rabbitmq-server and
#    redis-server (bound to 127.0.0.1; scripts/lib/services.sh), plus chromium for browser
#    tests and espeak-ng for the radio bulletin's audio; node and the schema validator's
#    packages (npm ci in k8s/validate) for the deployment checks.
# 2. Builds Platform.sln (Release) and runs every test project through
#    Microsoft.Testing.Platform (`dotnet test --solution`), logging to ./artifacts/.
# 3. Prints, as the last line, "N passed, N failed, N skipped" over all test projects and
#    exits non-zero when the build failed, a test failed, a test module errored or
#    crashed, or no test ran at all.
#
# Environment knobs: TEST_SKIP_SERVICES=1 (do not install/start anything);
# TEST_MODULE_TIMEOUT (MTP --timeout per test module, default 30m: cancels the run, but a
# test that ignores cancellation keeps its module alive); TEST_TIMEOUT (hard limit for the
# whole `dotnet test`, coreutils syntax, default 75m: kills the test processes).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
ARTIFACTS="$ROOT/artifacts"
mkdir -p "$ARTIFACTS"
BUILD_LOG="$ARTIFACTS/build.log"
TEST_LOG="$ARTIFACTS/test.log"

SOLUTION=Platform.sln
[[ -f $SOLUTION || ! -f Platform.slnx ]] || SOLUTION=Platform.slnx

export DOTNET_CLI_UI_LANGUAGE=en DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
export DEBIAN_FRONTEND=noninteractive

LOG_PREFIX=test.sh
# shellcheck source=lib/services.sh
source "$ROOT/scripts/lib/services.sh"

# --------------------------------------------------------------------------- services

if [[ ${TEST_SKIP_SERVICES:-0} != 1 ]]; then
  write_rabbitmq_env
  ensure_packages rabbitmq-server redis-server redis-tools chromium espeak-ng
  start_redis
  start_rabbitmq
  # The deployment checks: node runs k8s/validate (kubernetes-models, pinned by its package-lock.json); kubectl
  # renders the overlays (it is on these machines; without it those tests are reported skipped, saying why).
  ensure_command node nodejs
  ensure_command npm npm
fi
if command -v npm >/dev/null 2>&1 && [[ ! -d k8s/validate/node_modules/kubernetes-models ]]; then
  log "npm ci in k8s/validate"
  (cd k8s/validate && npm ci --no-audit --no-fund --loglevel=error) || log "npm ci failed: the schema checks will be skipped"
fi

export TEST_RABBITMQ=${TEST_RABBITMQ:-amqp://guest:guest@127.0.0.1:5672/}
export TEST_REDIS=${TEST_REDIS:-127.0.0.1:6379}

# --------------------------------------------------------------------------- build

log "dotnet build $SOLUTION -c Release"
set +e
dotnet build "$SOLUTION" -c Release -nologo 2>&1 | tee "$BUILD_LOG"
build_rc=${PIPESTATUS[0]}
set -e
if ((build_rc != 0)); then
  echo
  echo "BUILD FAILED (exit $build_rc); errors:"
  grep -E '(^|[[:space:]:])(fatal )?error( [A-Za-z]+[0-9]+)?[[:space:]]*:' "$BUILD_LOG" | sed 's/^ *//' | sort -u | head -n 50 || true
  echo "full build log: $BUILD_LOG"
  echo "0 passed, 0 failed, 0 skipped"
  exit 1
fi

# --------------------------------------------------------------------------- test

test_args=(--solution "$SOLUTION" -c Release --no-build --no-ansi --no-progress
  --results-directory "$ARTIFACTS/TestResults" --timeout "${TEST_MODULE_TIMEOUT:-30m}")
# With a filter, projects that match nothing exit 8 ("zero tests ran"); that is expected then.
(($# == 0)) || test_args+=(--ignore-exit-code 8)

log "dotnet test ${test_args[*]} $*"
set +e
# `timeout` runs dotnet test in a process group of its own (pgid = timeout's pid) and, on
# expiry, signals the whole group, so hung test hosts die too. Being its own group, it does
# not see Ctrl-C: the trap forwards it as TERM to that group (dotnet started from a
# background job ignores SIGINT).
pidfile="$ARTIFACTS/.dotnet-test.pid"
rm -f "$pidfile"
(
  (echo "$BASHPID" >"$pidfile"; exec timeout --kill-after=30s "${TEST_TIMEOUT:-75m}" dotnet test "${test_args[@]}" "$@") 2>&1 | tee "$TEST_LOG"
  exit "${PIPESTATUS[0]}"
) &
runner=$!
interrupted=0
trap 'interrupted=1; [[ -s $pidfile ]] && kill -TERM -- "-$(cat "$pidfile")" 2>/dev/null' INT TERM
wait "$runner"; test_rc=$?
while kill -0 "$runner" 2>/dev/null; do wait "$runner"; test_rc=$?; done
trap - INT TERM
rm -f "$pidfile"
set -e
if ((test_rc == 124 || test_rc == 137)); then
  echo "dotnet test was killed after ${TEST_TIMEOUT:-75m} (TEST_TIMEOUT): a test hangs"
fi

# The MTP `dotnet test` run ends with one aggregated block over every test module:
#   Test run summary: Passed!|Failed!|Zero tests ran
#     <module lines>
#     error: N          (only when a module crashed / ran zero tests / errored)
#     total: N
#     failed: N
#     succeeded: N
#     skipped: N
#     duration: ...
# Every block is summed (there is one per `dotnet test` run).
read -r total failed succeeded skipped errors blocks < <(
  sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$TEST_LOG" | awk '
    /^Test run summary:/ { inblock = 1; blocks++; next }
    inblock && /^[ \t]*(total|failed|succeeded|skipped|error):[ \t]*[0-9]+[ \t]*$/ {
      key = $1; sub(":", "", key); n[key] += $2; next }
    inblock && /^[ \t]*duration:/ { inblock = 0 }
    END { printf "%d %d %d %d %d %d\n", n["total"], n["failed"], n["succeeded"], n["skipped"], n["error"], blocks }'
)

status=0
if ((blocks == 0)); then
  echo "no 'Test run summary' found in the dotnet test output (exit $test_rc)"
  status=1
fi
if ((errors > 0)); then
  echo "$errors test module(s) errored (crash, timeout or zero tests); counted as failed"
  failed=$((failed + errors))
fi
if ((test_rc != 0 && failed == 0)); then
  echo "dotnet test exited with $test_rc without a failed test; counted as 1 failed"
  failed=1
fi
if ((interrupted)); then
  echo "interrupted"
  status=130
fi
if ((total == 0)); then
  echo "no test ran"
  ((status)) || status=1
fi
((failed == 0 || status)) || status=1
echo "test log: $TEST_LOG"
echo "$succeeded passed, $failed failed, $skipped skipped"
exit $status
