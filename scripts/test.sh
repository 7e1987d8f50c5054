#!/usr/bin/env bash
# Runs every test: unit and integration tests, on JDK 17 (the baseline) and on JDK 25.
#   scripts/test.sh          both JDKs (JDK 25 is looked up under /usr/lib/jvm, or set JDK25_HOME)
#   JDKS=17 scripts/test.sh  only the default JDK
set -euo pipefail
cd "$(dirname "$0")/.."

jdk25=${JDK25_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n 1 || true)}

run() {
  local label=$1
  echo "=== mvn -B clean verify on $label ($(java -version 2>&1 | head -n 1))"
  mvn -B clean verify
}

run "default JDK"
if [[ ${JDKS:-17,25} == *25* ]]; then
  if [[ -z $jdk25 || ! -x $jdk25/bin/java ]]; then
    echo "scripts/test.sh: no JDK 25 found under /usr/lib/jvm (set JDK25_HOME)" >&2
    exit 1
  fi
  JAVA_HOME=$jdk25 PATH=$jdk25/bin:$PATH run "JDK 25"
fi
