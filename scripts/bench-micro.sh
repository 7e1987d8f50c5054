#!/usr/bin/env bash
# Micro-benchmarks (JMH): builds the agent and the benchmarks, runs every benchmark once and writes
# docs/perf/micro.md and docs/perf/hit-cost-vs-size.png. Needs JDK 17+ and Maven.
#   scripts/bench-micro.sh                 full run (about 15 minutes on 2 cores)
#   BENCH_QUICK=1 scripts/bench-micro.sh   smoke run (2 sizes, short iterations, about 3 minutes)
# Optional: BENCH_WARMUP / BENCH_ITERATIONS (counts), BENCH_TIME_MS (per iteration),
# BENCH_SIZES=1,1111 (node counts), BENCH_SKIP_BUILD=1 (reuse the jars in */target).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
  echo "=== building the agent and the benchmarks (mvn -B -q -DskipTests package -pl agent,benchmarks -am)"
  mvn -B -q -DskipTests package -pl agent,benchmarks -am
fi

agent=agent/target/memoguard-agent.jar
bench=benchmarks/target/memoguard-benchmarks.jar
for jar in "$agent" "$bench"; do
  [[ -f $jar ]] || { echo "bench-micro.sh: $jar is missing" >&2; exit 1; }
done

# The chart is drawn with Java2D (headless), which needs at least one font on the machine.
have_fonts() { command -v fc-list >/dev/null && [[ -n $(fc-list 2>/dev/null | head -n 1) ]]; }
if ! have_fonts; then
  if command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
    echo "=== no fonts found: installing fontconfig and fonts-dejavu-core for the chart"
    apt-get update -q >/dev/null && apt-get install -y -q fontconfig fonts-dejavu-core >/dev/null
  else
    echo "bench-micro.sh: no fonts found; drawing the chart may fail (install fonts-dejavu-core)" >&2
  fi
fi

mkdir -p docs/perf benchmarks/target/bench
echo "=== running the micro-benchmarks ($(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'))"
java -Djava.awt.headless=true -jar "$bench" run \
  --agent "$agent" --work benchmarks/target/bench --out docs/perf \
  2>&1 | tee benchmarks/target/bench/jmh-output.txt
echo "=== wrote docs/perf/micro.md and docs/perf/hit-cost-vs-size.png (raw results: benchmarks/target/bench/)"
