#!/usr/bin/env bash
# Fast inner loop for engineers: compiles the headless bundles and their test fragments with
# plain javac and runs JUnit's console launcher, without Tycho/OSGi. `./gradlab test` is the
# real build; this is for seconds-long edit/test cycles.
#   releng/quicktest.sh                 # all tests
#   releng/quicktest.sh -c org.gradlab.engine.nn.Conv2dTest   (any console-launcher selector)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
junit=$(ls ~/.m2/repository/org/junit/platform/junit-platform-console-standalone/1.13.*/junit-platform-console-standalone-1.13.*.jar 2>/dev/null | tail -n 1)
if [ -z "$junit" ]; then
  "$root/mvnw" -q dependency:get -Dartifact=org.junit.platform:junit-platform-console-standalone:1.13.4
  junit=$(ls ~/.m2/repository/org/junit/platform/junit-platform-console-standalone/1.13.*/*.jar | tail -n 1)
fi
# third-party jars of the grader and the course bundle (the target platform's versions, resolved into ~/.m2 by the Tycho build)
m2=~/.m2/repository
libs=$(ls $m2/org/eclipse/jdt/ecj/3.46.100/ecj-3.46.100.jar $m2/org/ow2/asm/asm/9.11.1/asm-9.11.1.jar \
  $m2/org/ow2/asm/asm-tree/9.11.1/asm-tree-9.11.1.jar $m2/org/ow2/asm/asm-commons/9.11.1/asm-commons-9.11.1.jar \
  $m2/org/commonmark/commonmark/0.28.0/commonmark-0.28.0.jar \
  $m2/org/commonmark/commonmark-ext-gfm-tables/0.28.0/commonmark-ext-gfm-tables-0.28.0.jar 2>/dev/null | tr '\n' ':')
out=${QUICKTEST_OUT:-$(mktemp -d /tmp/gradlab-quicktest.XXXXXX)}   # per run: parallel runs must not share classes
rm -rf "$out/main" "$out/test" && mkdir -p "$out/main" "$out/test"
bundles="core check engine grader course cli"
srcs=()
for b in $bundles; do
  [ -d "$root/bundles/org.gradlab.$b/src" ] && srcs+=($(find "$root/bundles/org.gradlab.$b/src" -name '*.java'))
done
"$java_home/bin/javac" --release 21 -nowarn -cp "$libs" -d "$out/main" "${srcs[@]}"
tsrcs=()
for b in $bundles; do
  [ -d "$root/bundles/org.gradlab.$b.tests/src" ] && tsrcs+=($(find "$root/bundles/org.gradlab.$b.tests/src" -name '*.java'))
done
"$java_home/bin/javac" --release 21 -nowarn -cp "$out/main:$libs$junit" -d "$out/test" "${tsrcs[@]}"
cd "$root/bundles/org.gradlab.engine.tests"   # tests resolve vectors/ relative to their fragment
if [ $# -eq 0 ]; then set -- --scan-classpath "$out/test"; fi
exec "$java_home/bin/java" -jar "$junit" execute --disable-banner --details=summary \
  -cp "$out/main:$out/test:$libs" "$@"
