#!/usr/bin/env bash
# The GradLab IDE product really starts: launched as ./gradlab ide does (releng/run-product.sh) on a
# fresh workspace, with the OSGi console on a pipe, it must within $GRADLAB_IDE_START_TIMEOUT seconds
# (default 180) open its workbench window ("<workspace> - GradLab IDE"), register the workbench
# service, have every org.gradlab.* bundle of the student feature resolved, activate org.gradlab.ui,
# and log no error from a GradLab bundle. Then it is closed (OSGi console `equinox:close`).
#   releng/test-ide-starts.sh       (after the build; needs an X display: ./gradlab test runs it under xvfb-run)
# Exit 0 when all holds, 1 with the reason and the product's output otherwise.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/releng/products.sh"
product=$(ide_product_dir)
timeout_s=${GRADLAB_IDE_START_TIMEOUT:-180}
[ -d "$product/plugins" ] || { echo "IDE start test FAILED: no product at $product (build it: ./gradlab build)" >&2; exit 1; }
[ -n "${DISPLAY:-}" ] || { echo "IDE start test FAILED: no X display (run it under xvfb-run)" >&2; exit 1; }
command -v xwininfo >/dev/null 2>&1 || { echo "IDE start test FAILED: xwininfo is missing (apt-get install x11-utils)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/gradlab-ide-start.XXXXXX")
ws=$work/ws-$$
out=$work/console.log
mkfifo "$work/console.in"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "IDE start test FAILED: $*" >&2
  echo "--- the product's output ($out) ---" >&2; tail -n 60 "$out" >&2 || true
  exit 1
}

start=$(date +%s%N)
# -XX:ErrorFile: a JVM crash while the product is killed must not leave hs_err files in the repo
"$root/releng/run-product.sh" "$product" -data "$ws" -nosplash -consoleLog -console \
  -vmargs -XX:ErrorFile="$work/hs_err_%p.log" <"$work/console.in" >"$out" 2>&1 &
pid=$!
exec 3>"$work/console.in"   # keep the console's stdin open; commands go in here

# Sends Gogo commands, then waits until their output is complete (an echoed marker) or $2 seconds.
n=0
ask() {
  n=$((n + 1))
  printf '%s\necho @@done-%d@@\n' "$1" "$n" >&3
  local i
  for ((i = 0; i < ${2:-30} * 5; i++)); do
    grep -q "@@done-$n@@" "$out" && return 0
    kill -0 "$pid" 2>/dev/null || fail "the product exited (code $(wait "$pid"; echo $?)) before answering '$1'"
    sleep 0.2
  done
  fail "no answer to '$1' within ${2:-30} s"
}

# 1. the workbench window: its title is "<workspace folder> - GradLab IDE" (the branding bundle's product name)
title="$(basename "$ws") - GradLab IDE"
up=""
for ((i = 0; i < timeout_s * 2; i++)); do
  kill -0 "$pid" 2>/dev/null || fail "the product exited (code $(wait "$pid"; echo $?)) before its window opened"
  if xwininfo -root -tree 2>/dev/null | grep -qF "\"$title"; then up=1; break; fi
  sleep 0.5
done
[ -n "$up" ] || fail "no window titled '$title' after $timeout_s s"
ms=$(( ($(date +%s%N) - start) / 1000000 ))

# 2. the e4 workbench service is registered by the IDE workbench (org.eclipse.ui.workbench)
ask 'services "(objectClass=org.eclipse.e4.ui.workbench.IWorkbench)"'
grep -q 'Registered by bundle:" org.eclipse.ui.workbench_' "$out" || fail "the IDE workbench registered no IWorkbench service"

# 3. GradLab is inside: every org.gradlab.* bundle of the student feature resolved, the plug-in activatable
ask 'lb -s org.gradlab'
for b in $(feature_plugins org.gradlab.feature.student | grep '^org\.gradlab\.'); do
  line=$(grep -E "\|$b \(" "$out" | head -n 1) || true
  [ -n "$line" ] || fail "bundle $b is not installed in the product"
  grep -qE '\|(Resolved|Starting|Active) ' <<<"$line" || fail "bundle $b is not resolved: $line"
done
ask 'equinox:start org.gradlab.ui'   # Equinox's start takes a name; Gogo's felix:start wants a URL
ask 'lb -s org.gradlab.ui'
grep -qE '\|Active +\|.*\|org\.gradlab\.ui \(' "$out" || fail "org.gradlab.ui did not become Active"
# errors logged by a GradLab bundle (-consoleLog prints the log's !ENTRY lines)
if grep -E '^!ENTRY org\.gradlab\.[^ ]+ 4 ' "$out"; then fail "a GradLab bundle logged an error (above)"; fi

# 4. close it through the framework, as quitting would; force it only if that hangs
printf 'equinox:close\ny\n' >&3 || true   # y: its "Really want to stop Equinox?"
for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
kill -0 "$pid" 2>/dev/null && { echo "IDE start test: the product did not stop within 20 s of 'close'; killed" >&2; kill -KILL "$pid"; }
printf 'IDE start test: OK (window "%s" after %d.%01d s; workbench service up; %s resolved, org.gradlab.ui Active)\n' \
  "$title" $((ms / 1000)) $((ms % 1000 / 100)) "$(feature_plugins org.gradlab.feature.student | grep -c '^org\.gradlab\.') GradLab bundles"
