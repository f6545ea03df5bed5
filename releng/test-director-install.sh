#!/usr/bin/env bash
# The update site installs into a stock Eclipse: a fresh copy of the plain platform product
# (releng/org.gradlab.platform: Eclipse platform + JDT, no GradLab) runs its own p2 director
# application, as a user would, to install the student feature from the built site (a file: URL);
# then its bundles.info and p2 profile must hold every bundle of the feature.
#   releng/test-director-install.sh        (after the build; ./gradlab test runs it; needs no display)
# Exit 0 when installed and complete, 1 with the reason otherwise.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/releng/products.sh"
feature=org.gradlab.feature.student
platform=$(platform_product_dir)
site=$(update_site_dir)
fail() { echo "director test FAILED: $*" >&2; exit 1; }
[ -d "$platform/plugins" ] || fail "no platform product at $platform (build it: ./gradlab build)"
[ -f "$site/content.jar" ] || [ -f "$site/content.xml" ] || [ -f "$site/content.xml.xz" ] || fail "no update site at $site (build it: ./gradlab build)"

# The site holds GradLab's features and the third-party bundles they add, not the platform they
# install into: any org.eclipse.ui*/jdt bundle there means the site grew into a platform copy.
site_plugins=$(ls "$site/plugins")
if grep -E '^org\.eclipse\.(ui|jdt\.ui|core\.runtime|osgi)_' <<<"$site_plugins"; then
  fail "the update site holds platform bundles (above); it should hold only GradLab's features and their extra bundles"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/gradlab-director.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -a "$platform" "$work/eclipse"      # a fresh installation each run: installing changes it
eclipse=$work/eclipse

echo "installing $feature from $site into a copy of the platform product ($eclipse)…"
start=$(date +%s%N)
if ! "$root/releng/run-product.sh" "$eclipse" -nosplash -consoleLog -data "$work/ws" \
      -application org.eclipse.equinox.p2.director \
      -repository "file:$site" -installIU "$feature.feature.group" >"$work/director.log" 2>&1; then
  cat "$work/director.log" >&2
  fail "the p2 director could not install $feature.feature.group from file:$site (its output above)"
fi
ms=$(( ($(date +%s%N) - start) / 1000000 ))
grep -q 'Operation completed' "$work/director.log" || { cat "$work/director.log" >&2; fail "the director exited 0 but did not report 'Operation completed'"; }

# What the installation now starts with (simpleconfigurator) and what p2 says is installed.
bundles_info=$eclipse/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info
roots=$("$root/releng/run-product.sh" "$eclipse" -nosplash -data "$work/ws" \
      -application org.eclipse.equinox.p2.director -listInstalledRoots 2>&1) || fail "-listInstalledRoots failed: $roots"
grep -q "^$feature.feature.group/" <<<"$roots" || fail "p2 does not list $feature.feature.group as installed; installed roots: $roots"
missing=()
# every bundle of the feature, and by name the ones the issue names (in case the feature loses them)
for b in $(feature_plugins $feature) org.gradlab.ui org.gradlab.check org.gradlab.core org.webjars.npm.katex org.commonmark; do
  grep -q "^$b,[^,]*,plugins/" "$bundles_info" || missing+=("$b")
done
[ ${#missing[@]} -eq 0 ] || fail "after the install, bundles.info lacks: ${missing[*]}"
n=$(feature_plugins $feature | wc -l)
printf 'director test: OK (%s installed in %d.%01d s: %d bundles of the feature in bundles.info; site %s, %d plugins)\n' \
  "$feature" $((ms / 1000)) $((ms % 1000 / 100)) "$n" "$(du -sh "$site" | cut -f1)" "$(wc -l <<<"$site_plugins")"
