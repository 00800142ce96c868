#!/usr/bin/env bash
# Vendor the web app's JavaScript from npm into rasd/serve/static/vendor/ (the app never loads a CDN):
# Leaflet, Leaflet.markercluster, and swagger-ui-dist for the offline /docs page. Re-run to upgrade.
set -euo pipefail
cd "$(dirname "$0")/.."
LEAFLET=leaflet@1.9.4
CLUSTER=leaflet.markercluster@1.5.3
SWAGGER=swagger-ui-dist@5.35.0
dest=rasd/serve/static/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$LEAFLET" "$CLUSTER" "$SWAGGER" >/dev/null)
rm -rf "$dest" && mkdir -p "$dest/leaflet/images" "$dest/markercluster" "$dest/swagger-ui"
tar -xzf "$work"/leaflet-*.tgz -C "$work" && mv "$work/package" "$work/leaflet"
tar -xzf "$work"/leaflet.markercluster-*.tgz -C "$work" && mv "$work/package" "$work/markercluster"
tar -xzf "$work"/swagger-ui-dist-*.tgz -C "$work" && mv "$work/package" "$work/swagger"
cp "$work"/leaflet/dist/leaflet.js "$work"/leaflet/dist/leaflet.css "$work"/leaflet/LICENSE "$dest/leaflet/"
cp "$work"/leaflet/dist/images/*.png "$dest/leaflet/images/"
cp "$work"/markercluster/dist/leaflet.markercluster.js "$work"/markercluster/dist/MarkerCluster.css \
  "$work"/markercluster/dist/MarkerCluster.Default.css "$work"/markercluster/MIT-LICENCE.txt "$dest/markercluster/"
cp "$work"/swagger/swagger-ui-bundle.js "$work"/swagger/swagger-ui.css "$work"/swagger/LICENSE "$dest/swagger-ui/"
{
  echo "Vendored from npm by tools/vendor_leaflet.sh:"
  echo "  $LEAFLET (BSD-2-Clause), $CLUSTER (MIT), $SWAGGER (Apache-2.0)"
} > "$dest/README.txt"
find "$dest" -type f -exec chmod 644 {} +
du -sh "$dest"
