#!/usr/bin/env bash
# The update site installs into a stock Eclipse: a fresh copy of the plain platform product
# (releng/org.gradlab.platform: Eclipse platform + JDT, no GradLab) runs its own p2 director
# application, as a user would, to install the student feature from the built site (a file: URL);
# p2 must then list it as installed and bundles.info hold every bundle of the feature. Then the
# instructor feature is added the same way (it includes the student one, plus engine, grader, CLI).
#   releng/test-director-install.sh        (after the build; ./gradlab test runs it; needs no display)
# Exit 0 when both installed completely, 1 with the reason otherwise.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/releng/products.sh"
platform=$(platform_product_dir)
site=$(update_site_dir)
fail() { echo "director test FAILED: $*" >&2; exit 1; }
[ -d "$platform/plugins" ] || fail "no platform product at $platform (build it: ./gradlab build)"
[ -f "$site/content.jar" ] || [ -f "$site/content.xml" ] || [ -f "$site/content.xml.xz" ] || fail "no update site at $site (build it: ./gradlab build)"

# The site holds GradLab's features and the third-party bundles they add, not the platform they
# install into: an org.eclipse.ui/jdt.ui/runtime/osgi bundle there means it grew into a platform copy.
site_plugins=$(ls "$site/plugins")
if grep -E '^org\.eclipse\.(ui|jdt\.ui|core\.runtime|osgi)_' <<<"$site_plugins"; then
  fail "the update site holds platform bundles (above); it should hold only GradLab's features and their extra bundles"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/gradlab-director.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -a "$platform" "$work/eclipse"      # a fresh installation each run: installing changes it
eclipse=$work/eclipse
bundles_info=$eclipse/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info

director() { "$root/releng/run-product.sh" "$eclipse" -nosplash -consoleLog -data "$work/ws" -application org.eclipse.equinox.p2.director "$@"; }

# Installs feature $1 from the site, then checks p2's installed roots and bundles.info for it and
# for the bundles $2.. (named as well, in case the feature loses them). Prints the seconds taken.
install_and_check() {
  local feature=$1 log=$work/director-$1.log start ms roots b missing=()
  shift
  start=$(date +%s%N)
  if ! director -repository "file:$site" -installIU "$feature.feature.group" >"$log" 2>&1; then
    cat "$log" >&2
    fail "the p2 director could not install $feature.feature.group from file:$site (its output above)"
  fi
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  grep -q 'Operation completed' "$log" || { cat "$log" >&2; fail "the director exited 0 but did not report 'Operation completed' for $feature"; }
  roots=$(director -listInstalledRoots 2>&1) || fail "-listInstalledRoots failed: $roots"
  grep -q "^$feature.feature.group/" <<<"$roots" || fail "p2 does not list $feature.feature.group as installed; installed roots: $roots"
  for b in $(feature_plugins "$feature") "$@"; do
    grep -q "^$b,[^,]*,plugins/" "$bundles_info" || missing+=("$b")
  done
  [ ${#missing[@]} -eq 0 ] || fail "after installing $feature, bundles.info lacks: ${missing[*]}"
  printf '%d.%01d' $((ms / 1000)) $((ms % 1000 / 100))
}

echo "installing the student feature from $site into a copy of the platform product ($eclipse)…"
t_student=$(install_and_check org.gradlab.feature.student org.gradlab.ui org.gradlab.check org.gradlab.core org.webjars.npm.katex org.commonmark)
t_instructor=$(install_and_check org.gradlab.feature.instructor org.gradlab.engine org.gradlab.grader)
printf 'director test: OK (student feature installed in %s s: its %d bundles in bundles.info; instructor feature added in %s s; site %s, %d plugins)\n' \
  "$t_student" "$(feature_plugins org.gradlab.feature.student | wc -l)" "$t_instructor" "$(du -sh "$site" | cut -f1)" "$(wc -l <<<"$site_plugins")"
