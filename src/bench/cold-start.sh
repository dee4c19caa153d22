#!/usr/bin/env bash
# The cold start (mvn -Pbench-startup -DskipTests verify): the packaged jar, started with the demo
# profile in an empty working directory (empty data directory: a new embedded PostgreSQL cluster,
# every migration, the demo data), timed until readiness is UP. Each variant runs N times, in
# turn, and prints each run's phases (from the StartupPhases line the application logs once ready),
# the JVM's CPU time, and the medians; each variant also as a ratio against the plain start of
# the same run.
#
#   plain   java -jar itaku.jar (every bean created at start)
#   lazy    java -jar itaku.jar --spring.main.lazy-initialization=true (see EagerAtStart)
#   cds     lazy, from the extracted jar with a class data sharing archive (Spring Boot's
#           documented CDS: -Djarmode=tools extract, a training run with
#           -XX:ArchiveClassesAtExit and -Dspring.context.exit=onRefresh)
#   aot     lazy, extracted, with Java 25's AOT cache (-XX:AOTCacheOutput, then -XX:AOTCache), only
#           when the argument java25 names a JDK 25 home
#   cds-spring, aot-spring
#           as cds and aot, every bean created at start, in Spring's ahead-of-time mode
#           (-Dspring.aot.enabled=true: the bean definitions and repositories the build generated
#           for the demo configuration), each with an archive or cache of its own, trained in that
#           mode through the demo seed to readiness and then stopped (SIGTERM), so that the archive
#           or cache also holds what the seed loads (and, Java 25, how its code ran)
#
# Arguments: the jar, the number of runs, a JDK 25 home or "" (no aot variant), the number of
# slowest steps of Spring's start to list in one extra run of the plain start ("0": none).
set -u
jar="$(realpath "$1")"
runs="${2:-3}"
java25="${3:-none}"
steps="${4:-0}"
out="$(realpath -m target/cold-start)"
rm -rf "$out"
mkdir -p "$out"
java17=java
[ -n "${JAVA_HOME:-}" ] && java17="$JAVA_HOME/bin/java"

say() { echo "cold-start benchmark | $*"; }

# A free TCP port on the loopback interface.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# The CPU seconds (user + system) of a process and of its reaped children, from /proc.
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15 + $16 + $17) / hz }' "/proc/$1/stat" 2>/dev/null || echo "?"
}

# Stops a started node: SIGTERM (it stops its embedded PostgreSQL), then SIGKILL after 60 s and
# the postmaster by its pid file.
stop_node() {
  local pid="$1" dir="$2"
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid" 2>/dev/null
    local postmaster="$dir/data/postgres/postmaster.pid"
    [ -f "$postmaster" ] && kill -9 "$(head -1 "$postmaster")" 2>/dev/null
  fi
  wait "$pid" 2>/dev/null
}

# The rows of every table of the schema once ready, "table count" per line, into <dir>/counts.txt:
# every variant must seed exactly the same demo data (psql as the embedded server's superuser).
# The demo's mails are sent after their transactions commit, by listeners that may still run at
# readiness: their deliveries, the in-app copies and the audit entries that record them vary with
# timing (a lazy start once counted 7 fewer of each), so those three tables are not compared. Nor is
# reminder_sent: the reminder job's first run starts at readiness (ApplicationReadyEvent), so the
# count taken just after it holds some or all of that run's reminders (a lazy start once 14 of 15).
count_rows() {
  local dir="$1"
  local port password
  port=$(sed -n 4p "$dir/data/postgres/postmaster.pid" 2>/dev/null)
  password=$(sed -n 's/^superuser.password=//p' "$dir/data/keys/database-credentials.properties" 2>/dev/null)
  [ -n "$port" ] && [ -n "$password" ] || return 0
  PGPASSWORD="$password" psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -At -F ' ' -c "
    select table_name, (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I.%I',
      table_schema, table_name), false, true, '')))[1]::text
    from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not in ('audit_entry', 'mail_delivery', 'mailbox_message', 'reminder_sent')
    order by 1" > "$dir/counts.txt" 2> "$dir/counts.err"
}

# Starts one variant in a new empty directory and prints its figures:
# "<wall> <cpu> <jvm> <spring> <postgres> <flyway> <rest> <seed>".
start_once() {
  local variant="$1" run="$2"
  shift 2
  local dir="$out/$variant-$run"
  mkdir -p "$dir"
  local port
  port="$(free_port)"
  local began ended pid status=""
  began=$(date +%s%N)
  (cd "$dir" && exec "$@" --spring.profiles.active=demo --server.port="$port" > "$dir/out.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 6000); do
    kill -0 "$pid" 2>/dev/null || break
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness" || true)
    [ "$status" = 200 ] && break
    sleep 0.1
  done
  ended=$(date +%s%N)
  local cpu
  cpu=$(cpu_seconds "$pid")
  # The phases line comes just after readiness: wait for it a little.
  for _ in $(seq 1 100); do grep -aq 'StartupPhases.*Ready ' "$dir/out.log" && break; sleep 0.1; done
  count_rows "$dir"
  stop_node "$pid" "$dir"
  if [ "$status" != 200 ]; then
    say "$variant, run $run: FAILED (no readiness), see $dir/out.log" >&2
    return 1
  fi
  local line
  line=$(grep -a 'StartupPhases.*Ready ' "$dir/out.log" | head -1)
  local phases
  phases=$(echo "$line" | sed -E 's/.*JVM ([0-9.]+) s, Spring ([0-9.]+) s \(of which embedded PostgreSQL ([0-9.]+) s, Flyway ([0-9.]+) s, the rest ([0-9.]+) s\), runners \(the demo data\) ([0-9.]+) s.*/\1 \2 \3 \4 \5 \6/')
  printf '%s %s %s\n' "$(awk -v a="$began" -v b="$ended" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')" "$cpu" "$phases"
  if [ "$steps" != 0 ]; then
    sed -n '/slowest steps of Spring/,/^[0-9]\{4\}-/p' "$dir/out.log" | grep -a '^ ' > "$dir/steps.txt" || true
  fi
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The variants' commands.
declare -A command
command[plain]="$java17 -jar $jar --spring.main.lazy-initialization=false"
command[lazy]="$java17 -jar $jar --spring.main.lazy-initialization=true"
variants=(plain lazy cds)

say "preparing: extracting the jar and a CDS training run (load $(cut -d' ' -f1-3 /proc/loadavg))"
"$java17" -Djarmode=tools -jar "$jar" extract --destination "$out/extracted" > "$out/extract.log" 2>&1 \
  || { say "FAILED to extract the jar, see $out/extract.log"; exit 1; }
extracted="$out/extracted/$(basename "$jar")"
mkdir -p "$out/training-cds"
(cd "$out/training-cds" && "$java17" -XX:ArchiveClassesAtExit="$out/itaku.jsa" -Dspring.context.exit=onRefresh \
  -jar "$extracted" --spring.profiles.active=demo --server.port=0 > "$out/training-cds/out.log" 2>&1)
# A training run ends at the context's refresh and leaves its embedded server running: stop it.
pkill -f "$out/training-cds/data/postgres" 2>/dev/null || true
if [ -f "$out/itaku.jsa" ]; then
  command[cds]="$java17 -XX:SharedArchiveFile=$out/itaku.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -jar $extracted --spring.main.lazy-initialization=true"
else
  say "no CDS archive was written, see $out/training-cds/out.log: the cds variant is left out"
  variants=(plain lazy)
fi
# A training run through the demo seed: started in <dir> with the demo profile, stopped
# (SIGTERM: the JVM writes its archive or cache as it exits) once ready. Arguments: the directory,
# then the command.
train_to_readiness() {
  local dir="$1"
  shift
  mkdir -p "$dir"
  local port pid
  port="$(free_port)"
  (cd "$dir" && exec "$@" --spring.profiles.active=demo --server.port="$port" > "$dir/out.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 6000); do
    kill -0 "$pid" 2>/dev/null || break
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness" || true)" = 200 ] && break
    sleep 0.1
  done
  stop_node "$pid" "$dir"
}

# The same in Spring's ahead-of-time mode: an archive of its own, trained in that mode.
train_to_readiness "$out/training-cds-spring" "$java17" -XX:ArchiveClassesAtExit="$out/itaku-spring.jsa" \
  -Dspring.aot.enabled=true -jar "$extracted"
if [ -f "$out/itaku-spring.jsa" ]; then
  command[cds-spring]="$java17 -XX:SharedArchiveFile=$out/itaku-spring.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -Dspring.aot.enabled=true -jar $extracted --spring.main.lazy-initialization=false"
  variants+=(cds-spring)
else
  say "no CDS archive was written in Spring's ahead-of-time mode, see $out/training-cds-spring/out.log: the cds-spring variant is left out"
fi
if [ -n "$java25" ] && [ -x "$java25/bin/java" ]; then
  mkdir -p "$out/training-aot" "$out/training-aot-spring"
  (cd "$out/training-aot" && "$java25/bin/java" -XX:AOTCacheOutput="$out/itaku.aot" -Dspring.context.exit=onRefresh \
    -jar "$extracted" --spring.profiles.active=demo --server.port=0 > "$out/training-aot/out.log" 2>&1)
  pkill -f "$out/training-aot/data/postgres" 2>/dev/null || true
  train_to_readiness "$out/training-aot-spring" "$java25/bin/java" -XX:AOTCacheOutput="$out/itaku-spring.aot" \
    -Dspring.aot.enabled=true -jar "$extracted"
  if [ -f "$out/itaku-spring.aot" ]; then
    command[aot-spring]="$java25/bin/java -XX:AOTCache=$out/itaku-spring.aot -Dspring.aot.enabled=true -jar $extracted --spring.main.lazy-initialization=false"
  fi
  if [ -f "$out/itaku.aot" ]; then
    command[aot]="$java25/bin/java -XX:AOTCache=$out/itaku.aot -jar $extracted --spring.main.lazy-initialization=true"
    command[plain25]="$java25/bin/java -jar $jar --spring.main.lazy-initialization=false"
    variants+=(plain25 aot)
    [ -n "${command[aot-spring]:-}" ] && variants+=(aot-spring)
  else
    say "no AOT cache was written, see $out/training-aot/out.log: the aot variant is left out"
  fi
fi

declare -A figures
failed=0
for run in $(seq 1 "$runs"); do
  for variant in "${variants[@]}"; do
    say "$variant, run $run: starting (load $(cut -d' ' -f1-3 /proc/loadavg))"
    # shellcheck disable=SC2086
    if result=$(start_once "$variant" "$run" ${command[$variant]}); then
      figures[$variant]+="$result"$'\n'
      read -r wall cpu jvm spring postgres flyway rest seed <<< "$result"
      say "$variant, run $run: ready after $wall s, JVM CPU $cpu s: JVM $jvm s, Spring $spring s (embedded PostgreSQL $postgres s, Flyway $flyway s, the rest $rest s), demo seed $seed s"
    else
      failed=1
    fi
  done
done

if [ "$steps" != 0 ]; then
  say "plain, with the slowest $steps steps of Spring's start recorded (one more run, not in the medians)"
  # shellcheck disable=SC2086
  if start_once plain steps "$java17" -D"itaku.startup.steps=$steps" -jar "$jar" --spring.main.lazy-initialization=false > /dev/null; then
    while IFS= read -r step; do say "step:$step"; done < "$out/plain-steps/steps.txt"
  fi
fi

# The demo data: the same rows in every table after every start as after the first plain one.
reference="$out/plain-1/counts.txt"
if [ -s "$reference" ]; then
  for counts in "$out"/*-[0-9]*/counts.txt; do
    if ! diff -q "$reference" "$counts" > /dev/null; then
      say "demo data DIFFERS from plain-1 after $(basename "$(dirname "$counts")"): $(diff "$reference" "$counts" | grep '^[<>]' | tr '\n' ' ')"
      failed=1
    fi
  done
  say "demo data after each start: $(wc -l < "$reference") tables, $(awk '{ s += $2 } END { print s }' "$reference") rows (compared with plain-1 after every run)"
else
  say "demo data: no row counts (psql missing or no access), not compared"
fi

echo
say "medians of $runs runs (s): ready, JVM CPU, JVM, Spring, embedded PostgreSQL, Flyway, the rest of Spring, demo seed"
names=(ready "JVM CPU" JVM Spring "embedded PostgreSQL" Flyway "the rest" "demo seed")
declare -A medians
for variant in "${variants[@]}"; do
  row=""
  for column in 1 2 3 4 5 6 7 8; do
    value=$(printf '%s' "${figures[$variant]:-}" | awk -v c="$column" 'NF { print $c }' | median)
    medians[$variant,$column]="$value"
    row+="$(printf ' %s %s,' "${names[$((column - 1))]}" "$value")"
  done
  say "cold start, $variant:${row%,}"
done
for variant in "${variants[@]}"; do
  [ "$variant" = plain ] && continue
  base=plain
  case "$variant" in aot | aot-spring) base=plain25 ;; esac
  for column in 1 2; do
    ratio=$(awk -v a="${medians[$variant,$column]}" -v b="${medians[$base,$column]}" \
      'BEGIN { if (b + 0 > 0 && a + 0 > 0) printf "%.2f", a / b; else print "?" }')
    say "cold start $variant / $base, ${names[$((column - 1))]}: $ratio"
  done
done
target=$(for variant in "${variants[@]}"; do echo "${medians[$variant,1]}"; done | sort -n | head -1)
say "cold start, best median: $target s (target: under 15 s)"
exit $failed
