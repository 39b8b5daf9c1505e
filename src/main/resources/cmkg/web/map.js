// The map of a place page: the place's points and outlines (from its geo:asWKT) drawn with Leaflet,
// over map tiles when the server names a tile source and the browser can reach it; without tiles the
// markers and outlines stand on a plain background.

const element = document.getElementById('map');

/** Points, lines and polygons of a WKT text, as Leaflet layers (longitude first in WKT, latitude first in Leaflet). */
function layersOf(wkt) {
  const text = wkt.trim();
  const kind = text.substring(0, text.indexOf('(')).trim().toUpperCase();
  const numbers = (s) => s.trim().split(/\s*,\s*/).map((pair) => {
    const [lon, lat] = pair.trim().split(/\s+/).map(Number);
    return [lat, lon];
  });
  const rings = (s) => s.split(/\)\s*,\s*\(/).map((r) => numbers(r.replace(/[()]/g, '')));
  const body = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')'));
  if (kind === 'POINT') return [L.circleMarker(numbers(body)[0], { radius: 8, weight: 3, color: '#0e4f5e', fillColor: '#f2b705', fillOpacity: 1 })];
  if (kind === 'LINESTRING') return [L.polyline(numbers(body), { color: '#0e4f5e' })];
  if (kind === 'POLYGON') return [L.polygon(rings(body), { color: '#0e4f5e', weight: 2, fillOpacity: 0.15 })];
  if (kind === 'MULTIPOLYGON') return body.split(/\)\)\s*,\s*\(\(/).map((p) => L.polygon(rings(p), { color: '#0e4f5e', weight: 2, fillOpacity: 0.15 }));
  return [];
}

if (element && window.L) {
  const map = L.map(element, { scrollWheelZoom: false, attributionControl: true });
  const tiles = element.dataset.tiles;
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: element.dataset.attribution || '' }).addTo(map);
  }
  if (!tiles) {
    // Without tiles, a faint 10° grid says where on the globe the place is.
    for (let lat = -80; lat <= 80; lat += 10) L.polyline([[lat, -180], [lat, 180]], { color: '#9fb3bb', weight: 1, interactive: false }).addTo(map);
    for (let lon = -180; lon <= 180; lon += 10) L.polyline([[-85, lon], [85, lon]], { color: '#9fb3bb', weight: 1, interactive: false }).addTo(map);
  }
  const group = L.featureGroup(element.dataset.wkt.split('\n').flatMap(layersOf)).addTo(map);
  group.bindTooltip(element.dataset.name || '', { permanent: true, direction: 'right', offset: [10, 0] });
  const bounds = group.getBounds();
  if (bounds.isValid()) {
    if (bounds.getNorthEast().equals(bounds.getSouthWest())) map.setView(bounds.getCenter(), 5);
    else map.fitBounds(bounds, { padding: [24, 24] });
  }
}
