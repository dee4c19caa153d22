#!/usr/bin/env bash
# Runs the benchmarks one after the other (mvn -Pbench-all -DskipTests verify) and prints one
# summary table of their figures against their baselines. Each benchmark's whole output is kept in
# target/bench-all/<profile>.log. Arguments: the mvn executable, then "offline=true" when offline. The
# -Dbench.* settings given to the outer mvn (which exports its command line as
# MAVEN_CMD_LINE_ARGS) are passed on to each benchmark, e.g. -Dbench.lines=50000.
set -u
mvn="$1"
offline=""
[ "${2:-}" = "offline=true" ] && offline="-o"
settings=()
for arg in ${MAVEN_CMD_LINE_ARGS:-}; do
  case "$arg" in
    -Dbench.*=*) settings+=("$arg") ;;
  esac
done
out=target/bench-all
mkdir -p "$out"
profiles=(bench bench-logs bench-dashboard bench-alerts bench-startup)
declare -A seconds status
for profile in "${profiles[@]}"; do
  echo "bench-all | running -P$profile ${settings[*]:-} ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"
  started=$(date +%s)
  "$mvn" -B -ntp $offline -P"$profile" -DskipTests -Djacoco.skip=true ${settings[@]+"${settings[@]}"} verify \
    > "$out/$profile.log" 2>&1
  status[$profile]=$?
  seconds[$profile]=$(( $(date +%s) - started ))
done
# The figures: every line a benchmark prints as "<name> benchmark | <what>: <value>" whose
# <what> is a ratio against its baseline ("… / …"), its baseline, or the dashboard's summary table.
echo
echo "bench-all | summary (load now $(cut -d' ' -f1-3 /proc/loadavg))"
printf '| %-16s | %-60s | %s\n' "benchmark" "figure" "value"
printf '|%s|%s|%s\n' "------------------" "--------------------------------------------------------------" "------"
for profile in "${profiles[@]}"; do
  if [ "${status[$profile]}" -ne 0 ]; then
    printf '| %-16s | %-60s | %s\n' "-P$profile" "FAILED (exit ${status[$profile]}), see $out/$profile.log" ""
    continue
  fi
  grep -a -E '^[^|]*benchmark \| ' "$out/$profile.log" \
    | grep -a -E ' / |bare COPY|sha256sum over|openssl dgst|summary|contracts? +\||^[^|]*\| +[0-9,]+ \||seeded|cold start|alert latency' \
    | sed -E 's/^.*(audit-chain|log-evidence|dashboard|cold-start|alert) benchmark \| //' \
    | while IFS= read -r line; do
        what="${line%%: *}"
        value="${line#*: }"
        [ "$what" = "$line" ] && value=""
        printf '| %-16s | %-60s | %s\n' "-P$profile" "$what" "$value"
      done
  printf '| %-16s | %-60s | %s\n' "-P$profile" "(whole run)" "${seconds[$profile]} s"
done
failed=0
for profile in "${profiles[@]}"; do [ "${status[$profile]}" -ne 0 ] && failed=1; done
exit $failed
