#!/usr/bin/env bash
# Starts a materialized Eclipse product (releng/org.gradlab.product, releng/org.gradlab.platform) the
# way its native launcher would, which Maven Central does not provide: the JDK's java with the
# product's eclipse.ini -vmargs, then the Equinox launcher jar from the product's plugins/.
#   releng/run-product.sh PRODUCT_DIR [ECLIPSE ARGS...]     (e.g. -data WORKSPACE, -application ID)
# JAVA_HOME must point at a JDK >= 21 (./gradlab sets it). Replaces itself with the java process,
# so a caller's $! is the product's own process id.
set -euo pipefail
product=${1:?usage: run-product.sh PRODUCT_DIR [ECLIPSE ARGS...]}
shift
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] || { echo "run-product.sh: JAVA_HOME is not a JDK: '${JAVA_HOME:-}'" >&2; exit 2; }
shopt -s nullglob
launchers=("$product"/plugins/org.eclipse.equinox.launcher_*.jar)
shopt -u nullglob
[ ${#launchers[@]} -eq 1 ] || { echo "run-product.sh: expected one Equinox launcher jar in $product/plugins, found ${#launchers[@]}" >&2; exit 2; }
# The lines after -vmargs in eclipse.ini, one option a line (the format the native launcher reads).
vmargs=()
if [ -f "$product/eclipse.ini" ]; then
  mapfile -t vmargs < <(sed -n '/^-vmargs$/,$p' "$product/eclipse.ini" | tail -n +2 | sed '/^[[:space:]]*$/d')
fi
exec "$JAVA_HOME/bin/java" "${vmargs[@]}" -jar "${launchers[0]}" -vm "$JAVA_HOME/bin/java" "$@"
