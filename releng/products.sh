# Sourced by ./gradlab and the releng/test-*.sh scripts: where the build puts the products and the
# update site, and which bundles a feature lists. Paths are relative to the repository root ($root).
ide_product_dir() { echo "$root/releng/org.gradlab.product/target/products/org.gradlab.ide/linux/gtk/x86_64/gradlab-ide"; }
platform_product_dir() { echo "$root/releng/org.gradlab.platform/target/products/org.gradlab.platform/linux/gtk/x86_64/eclipse-platform"; }
update_site_dir() { echo "$root/releng/org.gradlab.site/target/repository"; }
# The <plugin id="..."> entries of features/$1/feature.xml, one a line: what an installation of that
# feature must hold, so the tests follow the feature when bundles are added to it.
feature_plugins() {
  sed -n 's/.*<plugin[^>]* id="\([^"]*\)".*/\1/p' "$root/features/$1/feature.xml"
}
