#!/usr/bin/env bash
# Per-fork ratios that the host's drift cannot decide alone: for each round, one JMH fork per
# implementation, database and workload (a cell's three forks back to back), in an order rotated
# from round to round, then the median of the rounds' ratios (PairedForks). From the repository
# root, after run.sh has loaded the data:
#   bash quarry-bench/pairs.sh                          # W1 and W2, both databases, 5 rounds
#   ROUNDS=7 WORKLOADS='w[18]' DBS=postgresql bash quarry-bench/pairs.sh
# OUT names the directory of the CSVs, under quarry-bench/ (default target/pairs, emptied first).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -Pbench -DskipTests package -pl quarry-bench -am
cd quarry-bench
CP="target/classes:$(cat target/classpath.txt)"
JVM="-Xms2g -Xmx2g -XX:+AlwaysPreTouch"
OUT=${OUT:-target/pairs}
WORKLOADS=${WORKLOADS:-w[12][A-Z]}
rm -rf "$OUT" && mkdir -p "$OUT"
IMPLS=(jdbc quarry hibernate)
# The benchmarks the regex matches, so that one cell's three forks run back to back: a round's ratio then
# holds minutes less of the host's drift than when each peer ran all its workloads in turn.
BENCHES=$(java -cp "$CP" org.openjdk.jmh.Main -l "dev.quarry.bench.GuideBenchmark.${WORKLOADS}" \
  | grep '^ *dev\.quarry\.' | tr -d ' ' || true)
if [[ -z "$BENCHES" ]]; then
  echo "pairs.sh: WORKLOADS='${WORKLOADS}' matches no benchmark of GuideBenchmark (try 'w[2-8][A-Z]')" >&2
  exit 2
fi
for ((r = 1; r <= ${ROUNDS:-5}; r++)); do
  for db in ${DBS:-sqlite postgresql}; do
    for bench in $BENCHES; do
      for ((k = 0; k < 3; k++)); do
        impl=${IMPLS[$(((r + k) % 3))]}
        java $JVM -cp "$CP" org.openjdk.jmh.Main ${JMH_ARGS:--f 1 -wi 5 -w 2s -i 3 -r 1s} -jvmArgs "$JVM" \
          -p db="$db" -p impl="$impl" -rf csv -rff "$OUT/round$r.$db.${bench##*.}.$impl.csv" \
          "$bench\$" >/dev/null 2>&1
      done
    done
  done
  echo "round $r done" >&2
done
java -cp "$CP" dev.quarry.bench.PairedForks "$OUT"
