#!/usr/bin/env bash
# The whole-process backtest of QTS against the same backtest written with ta4j 0.18 (Ta4jSmaCross.java), on the
# same file, alternately in one run: bin/qts bench backtest --vs ... prints medians, min, max and the ratios.
#   bench/ta4j/run.sh [--runs N] [--data FILE] [--json]
# ta4j 0.18 needs Java 21+: the JDK is $JAVA21_HOME, else the newest JDK 21+ under /usr/lib/jvm (or
# /Library/Java/JavaVirtualMachines); without one it says so and exits 1. ta4j is fetched with Maven.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
QTS_HOME="$(cd "$HERE/../.." && pwd)"

jdk_major() {
  [ -x "$1/bin/javac" ] || return 1
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}

find_jdk21() {
  local best="" best_major=0 dir major
  if [ -n "${JAVA21_HOME:-}" ]; then
    major=$(jdk_major "$JAVA21_HOME" || true)
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then echo "$JAVA21_HOME"; return 0; fi
    echo "ta4j: JAVA21_HOME=$JAVA21_HOME is not a JDK 21 or newer" >&2
    return 1
  fi
  for dir in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$dir" ] || continue
    major=$(jdk_major "$dir" || true)
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$dir"; best_major="$major"
    fi
  done
  [ -n "$best" ] && echo "$best"
}

if ! JDK21="$(find_jdk21)"; then
  echo "ta4j: no JDK 21 or newer found (set JAVA21_HOME); ta4j 0.18 needs one, so the comparison is not run" >&2
  exit 1
fi
echo "ta4j: using the JDK in $JDK21 ($("$JDK21/bin/java" -version 2>&1 | head -1))" >&2

TARGET="$HERE/target"
if [ ! -f "$TARGET/classes/Ta4jSmaCross.class" ] || [ "$HERE/Ta4jSmaCross.java" -nt "$TARGET/classes/Ta4jSmaCross.class" ]; then
  mvn -B -q -Dstyle.color=never -f "$HERE/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$TARGET/lib"
  mkdir -p "$TARGET/classes"
  "$JDK21/bin/javac" -d "$TARGET/classes" -cp "$TARGET/lib/*" "$HERE/Ta4jSmaCross.java"
fi

# Small launchers so each child is one command line: ta4j precompiled with the JVM's default flags, and with the
# flags bin/qts gives a backtest (C1 only, serial collector; no CDS archive), so neither side has a flag advantage.
cat > "$TARGET/ta4j-sma-cross" <<LAUNCHER
#!/usr/bin/env bash
exec "$JDK21/bin/java" -cp "$TARGET/classes:$TARGET/lib/*" Ta4jSmaCross "\$@"
LAUNCHER
cat > "$TARGET/ta4j-c1-serial" <<LAUNCHER
#!/usr/bin/env bash
exec "$JDK21/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$TARGET/classes:$TARGET/lib/*" Ta4jSmaCross "\$@"
LAUNCHER
chmod +x "$TARGET/ta4j-sma-cross" "$TARGET/ta4j-c1-serial"

exec "$QTS_HOME/bin/qts" bench backtest --vs "$TARGET/ta4j-sma-cross" --vs "$TARGET/ta4j-c1-serial" "$@"
