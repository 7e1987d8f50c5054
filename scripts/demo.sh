#!/usr/bin/env bash
# Shows memoguard on the demo service: runs it once without and once with the agent, sends both the
# same requests and compares the SQL statements each request cost (X-Db-Queries) and the bodies,
# reads the agent's JMX counters while it runs, then shows a verify-mode run and its candidates report.
#
#   scripts/demo.sh                   build, run both, compare
#   DEMO_NO_AGENT=1 scripts/demo.sh   only the run without agent (no agent jar needed)
set -euo pipefail

cd "$(dirname "$0")/.."

DEMO_JAR=demo-service/target/demo-service.jar
AGENT_JAR=agent/target/memoguard-agent.jar
AGENT_CONFIG=demo-service/memoguard.yaml
VERIFY_CONFIG=demo-service/memoguard-verify.yaml
STARTUP_TIMEOUT_SECONDS=30
STOP_TIMEOUT_SECONDS=10
# the parking step: concurrent clients on a cold cache of a slow recompute (park: true in the config)
BURST_CLIENTS=20
BURST_PATH=/tenants/acme/rate-table
# name and path of each request, sent to both servers in this order
REQUESTS=(
  "chatty   /tenants/acme/mortgages/1"
  "overview /tenants/acme/mortgages/1/overview"
  "list     /tenants/acme/products"
  "cheapest /tenants/acme/products/cheapest"
  "page     /tenants/acme/products/pages/0"
)

die() {
  echo "demo.sh: $*" >&2
  exit 1
}

with_agent=true
if [[ ${DEMO_NO_AGENT:-} == 1 ]]; then
  with_agent=false
fi

echo "building: mvn -B -q -DskipTests package"
mvn -B -q -DskipTests package
[[ -f $DEMO_JAR ]] || die "$DEMO_JAR is missing after the build"
if $with_agent && [[ ! -f $AGENT_JAR ]]; then
  die "$AGENT_JAR is missing after the build: the agent module did not produce its jar." \
    "Run with DEMO_NO_AGENT=1 to see the demo service alone."
fi

work=$(mktemp -d)
pids=()
cleanup() {
  local pid
  for pid in ${pids[@]+"${pids[@]}"}; do
    kill "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# start_server NAME [JVM OPTION...]: starts the demo on a free port; sets started_pid
start_server() {
  local name=$1
  shift
  java "$@" -jar "$DEMO_JAR" --port 0 >"$work/$name.out" 2>"$work/$name.err" &
  started_pid=$!
  pids+=("$started_pid")
}

show_logs() {
  local name=$1
  echo "--- $name stdout:" >&2
  tail -n 20 "$work/$name.out" >&2 || true
  echo "--- $name stderr:" >&2
  tail -n 40 "$work/$name.err" >&2 || true
}

# await_listening NAME PID: prints the port once the server announced it and answers
await_listening() {
  local name=$1 pid=$2 port deadline=$((SECONDS + STARTUP_TIMEOUT_SECONDS))
  while ((SECONDS < deadline)); do
    port=$(sed -n 's/^LISTENING port=\([0-9][0-9]*\)$/\1/p' "$work/$name.out")
    if [[ -n $port ]] && curl -fs -o /dev/null "http://127.0.0.1:$port/health"; then
      echo "$port"
      return
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      show_logs "$name"
      die "the $name server exited before listening"
    fi
    sleep 0.2
  done
  show_logs "$name"
  die "the $name server did not listen within ${STARTUP_TIMEOUT_SECONDS}s"
}

# fetch PORT PATH FILE: stores the body in FILE and prints the X-Db-Queries header
fetch() {
  curl -fsS -o "$3" -D "$3.headers" "http://127.0.0.1:$1$2" || die "GET $2 failed"
  tr -d '\r' <"$3.headers" | awk -F': *' 'tolower($1) == "x-db-queries" { print $2 }'
}

# burst PORT NAME: sends BURST_CLIENTS concurrent requests for the rate table, checks that all
# bodies are identical, and prints how often the server really recomputed the table
burst() {
  local port=$1 name=$2 i burst_pids=()
  for ((i = 1; i <= BURST_CLIENTS; i++)); do
    curl -fsS -o "$work/burst.$name.$i" "http://127.0.0.1:$port$BURST_PATH" &
    burst_pids+=($!)
  done
  for i in "${burst_pids[@]}"; do
    wait "$i" || die "GET $BURST_PATH failed on the $name server"
  done
  for ((i = 2; i <= BURST_CLIENTS; i++)); do
    cmp -s "$work/burst.$name.1" "$work/burst.$name.$i" || die "$name: concurrent rate-table bodies differ"
  done
  curl -fsS "http://127.0.0.1:$port/admin/rate-table-recomputes" | sed -n 's/.*"recomputes":\([0-9]*\).*/\1/p'
}

# SIGTERM rather than SIGKILL: the agent writes its summary from a shutdown hook
stop_server() {
  local pid=$1 deadline=$((SECONDS + STOP_TIMEOUT_SECONDS))
  kill "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.2
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

start_server plain
plain_pid=$started_pid
if $with_agent; then
  start_server agent "-javaagent:$AGENT_JAR=config=$AGENT_CONFIG"
  agent_pid=$started_pid
fi
plain_port=$(await_listening plain "$plain_pid")
echo "without agent: pid $plain_pid, port $plain_port"
if $with_agent; then
  agent_port=$(await_listening agent "$agent_pid")
  echo "with agent:    pid $agent_pid, port $agent_port"
fi

echo
printf '%-9s %-36s %15s %12s  %s\n' endpoint path "without agent" "with agent" bodies
bodies_differ=false
for request in "${REQUESTS[@]}"; do
  read -r name path <<<"$request"
  plain_queries=$(fetch "$plain_port" "$path" "$work/$name.plain")
  agent_queries=-
  bodies=-
  if $with_agent; then
    agent_queries=$(fetch "$agent_port" "$path" "$work/$name.agent")
    if cmp -s "$work/$name.plain" "$work/$name.agent"; then
      bodies=identical
    else
      bodies=DIFFERENT
      bodies_differ=true
    fi
  fi
  printf '%-9s %-36s %15s %12s  %s\n' "$name" "$path" "$plain_queries" "$agent_queries" "$bodies"
done

echo
echo "$BURST_CLIENTS concurrent requests to $BURST_PATH (a slow recompute behind the service's own cache):"
plain_recomputes=$(burst "$plain_port" plain)
if $with_agent; then
  agent_recomputes=$(burst "$agent_port" agent)
  cmp -s "$work/burst.plain.1" "$work/burst.agent.1" || bodies_differ=true
  echo "  expensive recompute ran $plain_recomputes times without the agent," \
    "$agent_recomputes time(s) with the agent (park: true)"
else
  echo "  expensive recompute ran $plain_recomputes times"
fi

if $with_agent; then
  echo
  echo "JMX counters of the running service with the agent (java scripts/JmxCounters.java $agent_pid):"
  java scripts/JmxCounters.java "$agent_pid" 2>"$work/jmx.err" || echo "  (not readable: $(head -n 1 "$work/jmx.err"))"
fi

stop_server "$plain_pid"
if $with_agent; then
  stop_server "$agent_pid"
  echo
  echo "agent log lines mentioning mutation:"
  grep -h '\[memoguard\] [A-Z]* *mutation of' "$work/agent.out" "$work/agent.err" || echo "  (none)"
  echo
  echo "agent summary:"
  grep -h '\[memoguard\] INFO  summary:.* transform-ms=' "$work/agent.out" "$work/agent.err" || echo "  (no summary line found)"
fi

# verify mode: every call runs as without the agent; the summary counts what memoization would
# save, and a method whose result changes between calls (the quote sheet) is reported
if $with_agent; then
  # a copy in the work directory: the candidates report is written next to the configuration
  cp "$VERIFY_CONFIG" "$work/verify.yaml"
  start_server verify "-javaagent:$AGENT_JAR=config=$work/verify.yaml"
  verify_pid=$started_pid
  verify_port=$(await_listening verify "$verify_pid")
  for request in "${REQUESTS[@]}" "quotes /tenants/acme/products/1/quotes"; do
    read -r name path <<<"$request"
    fetch "$verify_port" "$path" "$work/$name.verify" >/dev/null
  done
  stop_server "$verify_pid"
  summary=$(grep -h '\[memoguard\] INFO  summary:.* transform-ms=' "$work/verify.err" || true)
  saved=$(sed -n 's/.* would-save=\([0-9]*\).*/\1/p' <<<"$summary")
  differences=$(sed -n 's/.* differences=\([0-9]*\).*/\1/p' <<<"$summary")
  echo
  echo "verify mode: ${saved:-?} calls would have been saved, ${differences:-?} differences"
  grep -h '\[memoguard\] WARN  verify:' "$work/verify.err" || true
  echo
  echo "candidates report of the verify run (memoguard-candidates.yaml, a configuration to adopt):"
  sed -e '/^# memoguard candidates/d' -e 's/^/  /' "$work/memoguard-candidates.yaml" 2>/dev/null \
    || echo "  (not written)"
fi

if $bodies_differ; then
  for request in "${REQUESTS[@]}"; do
    read -r name path <<<"$request"
    if ! cmp -s "$work/$name.plain" "$work/$name.agent"; then
      echo
      echo "$path without agent: $(cat "$work/$name.plain")"
      echo "$path with agent:    $(cat "$work/$name.agent")"
    fi
  done
  die "the agent changed response bodies"
fi
