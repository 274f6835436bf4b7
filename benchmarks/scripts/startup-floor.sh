#!/usr/bin/env bash
# The floor under TaoProm's start-up time and memory on this machine: from launch to the first
# HTTP 200 on /metrics, the CPU time used by then, and the resident memory then and after SCRAPES
# scrapes, for four servers run interleaved (so they see the same load):
#
#   jdk-hello      the JDK's own HTTP server answering one fixed line (JdkHello), on the JDK that
#                  runs Maven, with TaoProm's JVM flags: the least any JVM server costs here
#   jetty-hello    Jetty 12 answering one fixed line (JettyHello), on the distribution's runtime
#                  with its JVM flags and a class-data-sharing archive made the way bin/taoprom
#                  makes its own: the least TaoProm's HTTP stack costs
#   taoprom        the distribution's bin/taoprom serve, every default collector
#   node_exporter  Debian's, default collectors, where installed
#
# Needs the distribution unpacked (./mvnw -Pdist -DskipTests package, then tar xzf) and the
# benchmarks module built (./mvnw -DskipTests package).
#
#   TAOPROM_HOME=/tmp/taoprom-0.1.0 benchmarks/scripts/startup-floor.sh
#   RUNS=7 SCRAPES=1000 TAOPROM_HOME=... benchmarks/scripts/startup-floor.sh
set -euo pipefail
source "$(dirname "$0")/common.sh"
need curl "apt-get install curl"
need python3 "apt-get install python3"
need jar "a JDK's jar tool: run with the JDK that builds TaoProm on PATH"

RUNS=${RUNS:-7}
SCRAPES=${SCRAPES:-1000}
home=${TAOPROM_HOME:?set TAOPROM_HOME to an unpacked distribution (./mvnw -Pdist -DskipTests package; tar xzf cli/target/dist/taoprom-*.tar.gz)}
[ -x "$home/bin/taoprom" ] && [ -x "$home/runtime/bin/java" ] || { echo "startup-floor.sh: $home is not an unpacked TaoProm distribution" >&2; exit 1; }
classes="$root/benchmarks/target/classes"
[ -f "$classes/io/taoprom/benchmarks/startup/JettyHello.class" ] || { echo "startup-floor.sh: build the benchmarks first: ./mvnw -DskipTests package" >&2; exit 1; }

# The hello servers in a jar of their own (a class-data-sharing archive takes jars, not directories).
jar cf "$tmp/hello.jar" -C "$classes" io/taoprom/benchmarks/startup
jetty_cp="$tmp/hello.jar:$(ls "$home"/lib/jetty-*.jar "$home"/lib/slf4j-api-*.jar | paste -sd: -)"
# The JVM flags as each launcher passes them, as an @argfile: the distribution's for its runtime;
# the repository's for the JDK on PATH (the distribution's may add a flag only its runtime has).
flags=("@$home/conf/jvm.options")
repo_flags=("@$root/cli/src/main/dist/jvm.options")
bundled="$home/runtime/bin/java"
export MALLOC_ARENA_MAX=2

# jetty-hello's archive: its class list from one start and one answer, then the archive, as
# bin/taoprom does for TaoProm.
port=$(free_port)
"$bundled" "${flags[@]}" -Xshare:off -XX:DumpLoadedClassList="$tmp/jetty.classlist" -cp "$jetty_cp" \
  io.taoprom.benchmarks.startup.JettyHello "$port" >/dev/null 2>&1 &
pid=$!
wait_ok "http://127.0.0.1:$port/metrics" 60
kill "$pid"; wait "$pid" 2>/dev/null || true
"$bundled" "${flags[@]}" -Xshare:dump '-Xlog:cds*=off' -XX:SharedClassListFile="$tmp/jetty.classlist" \
  -XX:SharedArchiveFile="$tmp/jetty.jsa" -cp "$jetty_cp" >/dev/null 2>&1
"$home/bin/taoprom" --version >/dev/null # makes TaoProm's archive where it is missing

launch() { # WHO PORT: runs it (exec: run in the background, the process is the server itself)
  case $1 in
    jdk-hello) exec java "${repo_flags[@]}" -cp "$tmp/hello.jar" io.taoprom.benchmarks.startup.JdkHello "$2" ;;
    jetty-hello) exec "$bundled" "${flags[@]}" '-Xlog:cds*=off' -XX:SharedArchiveFile="$tmp/jetty.jsa" -cp "$jetty_cp" \
      io.taoprom.benchmarks.startup.JettyHello "$2" ;;
    taoprom) exec "$home/bin/taoprom" serve --web.listen-address "127.0.0.1:$2" ;;
    node_exporter) exec "$node_exporter" --web.listen-address="127.0.0.1:$2" ;;
  esac
}

# run_once WHO SCRAPES: "wall_s cpu_s rss_first_MiB rss_after_MiB"
run_once() {
  local port start end pid cpu first after
  port=$(free_port)
  start=$(date +%s%N)
  launch "$1" "$port" >/dev/null 2>>"$tmp/$1.log" &
  pid=$!
  pids+=("$pid")
  await_first_answer "$pid" "http://127.0.0.1:$port/metrics" "$tmp/$1.log"
  end=$(date +%s%N)
  cpu=$(cpu_seconds "$pid")
  first=$(rss_kb "$pid")
  for ((i = 0; i < $2; i++)); do
    if (( i % 2 )); then enc=gzip; else enc=identity; fi
    curl -s -o /dev/null -H "Accept-Encoding: $enc" "http://127.0.0.1:$port/metrics"
  done
  after=$(rss_kb "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  awk -v ns=$((end - start)) -v c="$cpu" -v f="$first" -v a="$after" 'BEGIN { printf "%.3f %s %.1f %.1f\n", ns / 1e9, c, f / 1024, a / 1024 }'
}

who=(jdk-hello jetty-hello taoprom)
[ -x "$node_exporter" ] && who+=(node_exporter)
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for w in "${who[@]}"; do run_once "$w" 0 >/dev/null; done # untimed: page cache
for i in $(seq "$RUNS"); do
  for w in "${who[@]}"; do
    # The last round also scrapes SCRAPES times before reading the memory again.
    n=0; [ "$i" = "$RUNS" ] && n=$SCRAPES
    echo "$w $(run_once "$w" "$n")" | tee -a "$tmp/runs"
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$tmp/runs" "$SCRAPES" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    who, wall, cpu, first, after = line.split()
    rows.setdefault(who, []).append((float(wall), float(cpu), float(first), float(after)))
print(f"{'':14} {'start to first /metrics, median (min-max)':42} {'CPU by then':12} {'RSS then':9} RSS after {sys.argv[2]} scrapes")
for who, r in rows.items():
    walls = [x[0] for x in r]
    print(f"{who:14} {statistics.median(walls):.3f} s ({min(walls):.3f}-{max(walls):.3f}){'':19} "
          f"{statistics.median(x[1] for x in r):.2f} s{'':6} {statistics.median(x[2] for x in r):5.1f} MiB {r[-1][3]:.1f} MiB")
PY
