#!/usr/bin/env bash
# Start-up cost of memoguard on the Spring Boot application of the integration tests (it-spring-app:
# Spring Boot 4, Spring Data JPA, Hibernate 7, H2), started to the end of context refresh
# (-Dspring.context.exit=onRefresh), with and without the agent, in three JVM set-ups:
#   jdk17        JDK 17, no archive beyond the JDK's default CDS archive
#   jdk17-cds    JDK 17, AppCDS archive trained WITHOUT the agent (JDK 17 refuses to dump with one)
#   jdk25-aot    JDK 25, AOT cache: the runs without the agent use a cache trained without it, the
#                runs with the agent a cache trained WITH it (a cache trained without the agent is
#                rejected when one is attached: jdk.module.addmods differs)
# Runs alternate (plain, agent, agent, plain, ...); per set-up it prints the median wall time of
# each side, the median of the per-pair ratios, classes loaded and served from the archive/cache
# (-Xlog:class+load) and the agent's own start-up ("agent start-up N ms"). Spring's onRefresh exit
# halts the JVM without shutdown hooks, so transform-ms (the agent's exit summary) comes from one
# more run with the agent per set-up, stopped with SIGTERM once Spring says "Started".
#
#   scripts/bench-startup.sh                 5 pairs per set-up (~10 min on 2 idle cores)
#   BENCH_PAIRS=3 scripts/bench-startup.sh   fewer pairs
#   BENCH_SETUPS="jdk25-aot" ...             only some set-ups
#   BENCH_SKIP_BUILD=1                       use the jars already in */target
#   BENCH_WORK=dir                           scratch directory (default target/bench-startup)
#   BENCH_BASELINE=old-agent.jar             a third side, "base": another build of the agent
#                                            (e.g. of an earlier commit), alternating with the
#                                            other two, compared with the current one
#   BENCH_CONFIG=mg.yaml                     the agent's configuration (default: memoize the
#                                            app's repositories, guard its domain package); e.g.
#                                            one with no rules, to see what attaching costs alone
# Writes a Markdown table to stdout and the raw runs to $BENCH_WORK/runs.tsv.
set -euo pipefail

CONFIG=${BENCH_CONFIG:+$(realpath "$BENCH_CONFIG")}
cd "$(dirname "$0")/.."
ROOT=$PWD
PAIRS=${BENCH_PAIRS:-5}
SETUPS=${BENCH_SETUPS:-"jdk17 jdk17-cds jdk25-aot"}
WORK=${BENCH_WORK:-$ROOT/target/bench-startup}
AGENT_JAR=$ROOT/agent/target/memoguard-agent.jar
SPRING_JAR=$ROOT/it-spring-app/target/it-spring-app.jar
J17=${BENCH_JDK17:-$(ls -d /usr/lib/jvm/*17* 2>/dev/null | head -1)}
J25=${BENCH_JDK25:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
  mvn -o -q -B -DskipTests package -pl agent,it-spring-app -am >&2
fi
mkdir -p "$WORK"
cd "$WORK"
rm -rf app && "$J17/bin/java" -Djarmode=tools -jar "$SPRING_JAR" extract --destination app >/dev/null
if [[ -n $CONFIG ]]; then
  cp "$CONFIG" mg.yaml
else
  cat > mg.yaml <<'EOF'
memoize:
  - implements: org.springframework.data.repository.Repository
guard:
  packages: [com.example.library.domain]
EOF
fi
AGENT="-javaagent:$AGENT_JAR=config=$WORK/mg.yaml"
BASE=${BENCH_BASELINE:+-javaagent:$BENCH_BASELINE=config=$WORK/mg.yaml}
SIDES="plain agent${BASE:+ base}"
APP=(-Dspring.context.exit=onRefresh -jar app/it-spring-app.jar --server.port=0)

# java of the set-up, and the flags of its plain / agent runs
java_of() { [[ $1 == jdk25* ]] && echo "$J25/bin/java" || echo "$J17/bin/java"; }
flags_of() { # setup side
  case $1 in
    jdk17) echo "" ;;
    jdk17-cds) echo "-XX:SharedArchiveFile=$WORK/plain17.jsa" ;;
    jdk25-aot) echo "-XX:AOTCache=$WORK/$2-25.aot" ;;
  esac
}

train() {
  case $1 in
    jdk17-cds)
      rm -f plain17.jsa
      "$J17/bin/java" -XX:ArchiveClassesAtExit=plain17.jsa "${APP[@]}" >train-plain17.log 2>&1 ;;
    jdk25-aot)
      rm -f plain-25.aot agent-25.aot
      "$J25/bin/java" -XX:AOTCacheOutput=plain-25.aot "${APP[@]}" >train-plain25.log 2>&1
      "$J25/bin/java" $AGENT -XX:AOTCacheOutput=agent-25.aot "${APP[@]}" >train-agent25.log 2>&1
      if [[ -n $BASE ]]; then
        rm -f base-25.aot
        "$J25/bin/java" $BASE -XX:AOTCacheOutput=base-25.aot "${APP[@]}" >train-base25.log 2>&1
      fi ;;
  esac
}

# one run: prints wall-ms cpu-ms classes shared premain-ms vm-ms (the JVM's "Create VM" phase, which
# ends when main can start: it holds premain and the agent jar's opening before it)
run() { # setup side n
  local java flags log=run-$1-$2-$3 a=""
  java=$(java_of "$1"); flags=$(flags_of "$1" "$2")
  [[ $2 == agent ]] && a=$AGENT
  [[ $2 == base ]] && a=$BASE
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f "%U %S" -o $log.time "$java" $a $flags -Xlog:class+load=info:file=$log.classes -Xlog:startuptime=info:file=$log.vm \
    "${APP[@]}" >$log.out 2>&1 || { echo "run $log failed, see $WORK/$log.out" >&2; exit 1; }
  end=$(date +%s%N)
  local cpu premain
  cpu=$(awk '{printf "%d", ($1+$2)*1000}' $log.time)
  premain=$(grep -o 'agent start-up [0-9]* ms' $log.out | grep -o '[0-9]*' || true)
  local vm
  vm=$(sed -n 's/.*\[startuptime\] Create VM, \([0-9.]*\) secs.*/\1/p' $log.vm)
  vm=$(awk -v s="${vm:-}" 'BEGIN { if (s == "") print "-"; else printf "%d", s * 1000 }')
  echo "$(( (end - start) / 1000000 )) $cpu $(grep -c 'source:' $log.classes) \
$(grep -c 'source: shared objects file' $log.classes) ${premain:--} $vm"
}

# transform-ms of one run with the agent to "Started", then a normal shutdown
transform_ms() { # setup
  local java flags log=transform-$1 pid
  java=$(java_of "$1"); flags=$(flags_of "$1" agent)
  "$java" $AGENT $flags -jar app/it-spring-app.jar --server.port=0 >$log.out 2>&1 &
  pid=$!
  for ((t = 0; t < 1200; t++)); do
    grep -q 'Started .* in' $log.out && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.5
  done
  kill -TERM $pid 2>/dev/null || true
  wait $pid || true
  grep -o 'transform-ms=[0-9]*' $log.out | grep -o '[0-9]*' || echo -
}

echo -e "setup\tpair\tside\twall_ms\tcpu_ms\tclasses\tshared\tpremain_ms\tvm_ms" > runs.tsv
: > transform.tsv
for setup in $SETUPS; do
  echo "training $setup" >&2
  train "$setup"
  for ((i = 1; i <= PAIRS; i++)); do
    # alternate which side runs first
    if ((i % 2)); then order=$SIDES; else order=$(echo $SIDES | tr ' ' '\n' | tac | tr '\n' ' '); fi
    for side in $order; do
      echo -e "$setup\t$i\t$side\t$(run "$setup" "$side" "$i" | tr ' ' '\t')" >> runs.tsv
    done
    echo "  $setup pair $i done (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  done
  echo -e "$setup\t$(transform_ms "$setup")" >> transform.tsv
done

python3 - runs.tsv "$(cat /proc/loadavg)" transform.tsv <<'EOF'
import csv, statistics as st, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
transform = dict(l.rstrip('\n').split('\t') for l in open(sys.argv[3]) if '\t' in l)
def med(xs):
    xs = [float(x) for x in xs if x not in ('-', '')]
    return st.median(xs) if xs else float('nan')
def setups():
    return dict.fromkeys(r['setup'] for r in rows)
def runs_of(setup):
    return [r for r in rows if r['setup'] == setup]
def side(rs, name):
    """The runs of one side, by pair."""
    return {r['pair']: r for r in rs if r['side'] == name}
def ratio(x, y, col='wall_ms'):
    """Median over the pairs of x's figure over y's."""
    return st.median(float(x[k][col]) / float(y[k][col]) for k in x if k in y)
def median_of(rs, name, col):
    return med([r[col] for r in rs if r['side'] == name])
print(f"Load average at the end: {sys.argv[2]}\n")
print("| set-up | wall without | wall with | median pair ratio | CPU without | CPU with "
      "| median CPU pair ratio | classes without (from archive) | classes with (from archive) "
      "| archived classes kept | premain ms | JVM created (main starts), without / with | transform-ms |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for setup in setups():
    rs = runs_of(setup)
    p, a = side(rs, 'plain'), side(rs, 'agent')
    g = lambda name, col: median_of(rs, name, col)
    kept = g('agent', 'shared') / g('plain', 'shared') if g('plain', 'shared') else float('nan')
    print(f"| {setup} | {g('plain','wall_ms'):.0f} ms | {g('agent','wall_ms'):.0f} ms | "
          f"x{ratio(a, p):.2f} | {g('plain','cpu_ms'):.0f} ms | {g('agent','cpu_ms'):.0f} ms | "
          f"x{ratio(a, p, 'cpu_ms'):.2f} | "
          f"{g('plain','classes'):.0f} ({g('plain','shared'):.0f}) | "
          f"{g('agent','classes'):.0f} ({g('agent','shared'):.0f}) | {kept:.1%} | "
          f"{g('agent','premain_ms'):.0f} | {g('plain','vm_ms'):.0f} / {g('agent','vm_ms'):.0f} ms | "
          f"{transform.get(setup, '-')} |")
if any(r['side'] == 'base' for r in rows):
    print("\nBaseline (BENCH_BASELINE) against the current agent, same runs:\n")
    print("| set-up | wall baseline | wall current | median pair ratio current/baseline "
          "| baseline/plain | current/plain | premain baseline ms | premain current ms "
          "| JVM created, baseline / current |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for setup in setups():
        rs = runs_of(setup)
        p, a, b = side(rs, 'plain'), side(rs, 'agent'), side(rs, 'base')
        g = lambda name, col: median_of(rs, name, col)
        print(f"| {setup} | {g('base','wall_ms'):.0f} ms | {g('agent','wall_ms'):.0f} ms | "
              f"x{ratio(a, b):.2f} | x{ratio(b, p):.2f} | x{ratio(a, p):.2f} | "
              f"{g('base','premain_ms'):.0f} | {g('agent','premain_ms'):.0f} | "
              f"{g('base','vm_ms'):.0f} / {g('agent','vm_ms'):.0f} ms |")
EOF
