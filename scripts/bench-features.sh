#!/usr/bin/env bash
# What the request-scope features cost (in-request dedup/parking, verify-mode and JDBC-net checks
# on the memo path, request propagation to JDK executors); writes docs/perf/features.md, which
# scripts/bench.sh includes in docs/PERFORMANCE.md. Three parts, each in alternating rounds so
# that the machine's load hits both sides of every ratio alike:
#   1. hit and miss (JMH HitBench.memoguardHit, MemoMissBench size 1 and 100, RequestBaselineBench)
#      with the agent built from BENCH_OLD_REF (before the features) and from the working tree
#   2. hand-off (JMH HandOffBench, HandOffInRequestBench): ThreadPoolExecutor.submit(task).get()
#      and CompletableFuture.supplyAsync(s, forkJoinPool).join() of a trivial task, with the agent
#      inside a request, with the agent outside any request, and without the agent
#   3. start-up of the demo service (launch to first 200 of the chatty endpoint) with
#      requests.propagate: true and false (the retransformation of the JDK executor classes)
# Usage: scripts/bench-features.sh   (about 15 minutes on 2 cores)
# Environment: BENCH_OLD_REF (default c4cc74e), BENCH_ROUNDS (JMH rounds, default 3),
#   BENCH_STARTUP_RUNS (default 7), JMH per fork: BENCH_WARMUP x BENCH_WARMUP_MS warm-up (default
#   5 x 1000: shorter warm-ups were still compiling on a loaded machine) and BENCH_ITERATIONS x
#   BENCH_TIME_MS measurement (default 5 x 500), BENCH_SKIP_BUILD=1 (reuse the jars),
#   BENCH_FEATURES_OUT (report path), BENCH_PARTS (default "hitmiss handoff startup": a part left
#   out is reported from the results its last run left in benchmarks/target/features).
# The old agent is built in a temporary `git worktree` (never `mvn install`).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

OLD_REF=${BENCH_OLD_REF:-c4cc74e}
ROUNDS=${BENCH_ROUNDS:-3}
STARTUP_RUNS=${BENCH_STARTUP_RUNS:-7}
WARMUP=${BENCH_WARMUP:-5}
WARMUP_MS=${BENCH_WARMUP_MS:-1000}
ITERATIONS=${BENCH_ITERATIONS:-5}
TIME_MS=${BENCH_TIME_MS:-500}
OUT=${BENCH_FEATURES_OUT:-docs/perf/features.md}
PARTS=" ${BENCH_PARTS:-hitmiss handoff startup} "
part() { [[ $PARTS == *" $1 "* ]]; }
work=$ROOT/benchmarks/target/features
mkdir -p "$work"
log() { echo "bench-features: $*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# ------------------------------------------------------------------ build both agents
if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
  log "building the agent, the benchmarks and the demo (working tree)"
  mvn -B -q -DskipTests package -pl agent,benchmarks,demo-service -am
  old_tree=$(mktemp -d /tmp/memoguard-old.XXXXXX)
  git worktree add --detach "$old_tree" "$OLD_REF" >/dev/null
  log "building the agent of $OLD_REF in $old_tree"
  (cd "$old_tree" && mvn -B -q -DskipTests package -pl agent -am)
  cp "$old_tree/agent/target/memoguard-agent.jar" "$work/agent-old.jar"
  git worktree remove --force "$old_tree"
  cp agent/target/memoguard-agent.jar "$work/agent-new.jar"
fi
for jar in agent-old.jar agent-new.jar; do [[ -f $work/$jar ]] || { log "missing $work/$jar"; exit 1; }; done
bench=benchmarks/target/memoguard-benchmarks.jar
demo=demo-service/target/demo-service.jar
printf 'memoize:\n  - class: benchapp.repo.BenchRepository\n    methods: [get*]\nguard:\n  packages: [benchapp.domain]\non-mutation: invalidate\nlog:\n  level: warn\n  file: agent.log\n' >"$work/bench.yaml"
echo "old=$(git rev-parse --short "$OLD_REF") new=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- agent || echo '+uncommitted')" >"$work/versions"
part hitmiss && echo "before hit/miss $(date -u '+%Y-%m-%d %H:%M UTC') load $(loadavg)" >>"$work/load"

# jmh NAME AGENT_JAR|- REGEX...: one JMH run, one fork per benchmark, results in $work/NAME.json
jmh() {
  local name=$1 agent=$2
  shift 2
  local flags="-Xms1g -Xmx1g -XX:+UseG1GC"
  [[ $agent != - ]] && flags+=" -javaagent:$work/$agent=config=$work/bench.yaml"
  java -cp "$bench" org.openjdk.jmh.Main "$@" -p size=1,100 -f 1 -wi "$WARMUP" -i "$ITERATIONS" \
    -w "${WARMUP_MS}ms" -r "${TIME_MS}ms" -bm avgt -tu ns -prof gc -foe true -jvmArgs "$flags" \
    -rf json -rff "$work/$name.json" >"$work/$name.txt" 2>&1 || { tail -n 40 "$work/$name.txt" >&2; exit 1; }
  log "$name done (load $(loadavg))"
}

# ------------------------------------------------------------------ 1. hit and miss, old vs new
HITMISS=('io\.memoguard\.bench\.HitBench\.memoguardHit$' 'io\.memoguard\.bench\.MemoMissBench\.' 'io\.memoguard\.bench\.RequestBaselineBench\.')
for ((r = 1; r <= ROUNDS; r++)); do
  part hitmiss || break
  if ((r % 2)); then order=(old new); else order=(new old); fi
  for v in "${order[@]}"; do jmh "hitmiss-$v-$r" "agent-$v.jar" "${HITMISS[@]}"; done
done
part hitmiss && echo "after hit/miss $(date -u '+%H:%M') load $(loadavg)" >>"$work/load"

# ------------------------------------------------------------------ 2. hand-off
part handoff && echo "before hand-off $(date -u '+%H:%M') load $(loadavg)" >>"$work/load"
for ((r = 1; r <= ROUNDS; r++)); do
  part handoff || break
  case $((r % 3)) in
    1) order=(request outside plain) ;;
    2) order=(plain request outside) ;;
    0) order=(outside plain request) ;;
  esac
  for v in "${order[@]}"; do
    case $v in
      request) jmh "handoff-request-$r" agent-new.jar 'io\.memoguard\.bench\.HandOffInRequestBench\.' ;;
      outside) jmh "handoff-outside-$r" agent-new.jar 'io\.memoguard\.bench\.HandOffBench\.' ;;
      plain) jmh "handoff-plain-$r" - 'io\.memoguard\.bench\.HandOffBench\.' ;;
    esac
  done
done
part handoff && echo "after hand-off $(date -u '+%H:%M') load $(loadavg)" >>"$work/load"

# ------------------------------------------------------------------ 3. start-up, propagate on/off
# copies of the demo's configuration (relative paths in it resolve against the copy's directory)
cp demo-service/memoguard.yaml "$work/propagate-true.yaml"
{ cat demo-service/memoguard.yaml; printf 'requests:\n  propagate: false\n'; } >"$work/propagate-false.yaml"
grep -q '^requests:' demo-service/memoguard.yaml && { log "demo config already has requests:"; exit 1; }
pid=
trap '[[ -n $pid ]] && kill "$pid" 2>/dev/null || true' EXIT
# startup_once true|false -> "WALL_MS CPU_MS AGENT_MS" (launch to the first 200 of the chatty
# endpoint; CPU = user+sys of the JVM until then; AGENT_MS = the agent's own start-up log line)
startup_once() {
  local t0 t1 port="" cpu agent_ms
  # truncated here, not by the child's redirection: the loop below may read the file before the
  # child has run, and would then find the previous run's port
  : >"$work/start.out"
  t0=$(date +%s%N)
  java "-javaagent:$work/agent-new.jar=config=$work/propagate-$1.yaml" -jar "$demo" --port 0 \
    >"$work/start.out" 2>"$work/start.err" &
  pid=$!
  until [[ -n $port ]]; do
    port=$(sed -n 's/^LISTENING port=\([0-9][0-9]*\)$/\1/p' "$work/start.out")
    kill -0 "$pid" 2>/dev/null || { tail "$work/start.err" >&2; exit 1; }
    sleep 0.005
  done
  until curl -fs -o /dev/null --max-time 5 "http://127.0.0.1:$port/tenants/acme/mortgages/1"; do
    kill -0 "$pid" 2>/dev/null || { tail "$work/start.err" >&2; exit 1; }
    sleep 0.005
  done
  t1=$(date +%s%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.0f", ($12 + $13) * 1000 / hz }' "/proc/$pid/stat")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
  agent_ms=$(sed -n 's/.*(agent start-up \([0-9]*\) ms).*/\1/p' "$work/start.err" | head -n 1)
  echo "$(((t1 - t0) / 1000000)) $cpu ${agent_ms:-?}"
}
part startup && : >"$work/startup-true" && : >"$work/startup-false" &&
  echo "before start-up $(date -u '+%H:%M') load $(loadavg)" >>"$work/load"
for ((i = 1; i <= STARTUP_RUNS; i++)); do
  part startup || break
  if ((i % 2)); then order=(true false); else order=(false true); fi
  for v in "${order[@]}"; do startup_once "$v" >>"$work/startup-$v"; done
done
part startup && echo "after start-up $(date -u '+%Y-%m-%d %H:%M UTC') load $(loadavg)" >>"$work/load"

# ------------------------------------------------------------------ report
python3 scripts/bench-features-report.py "$work" >"$OUT"
log "wrote $OUT"
