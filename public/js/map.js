// Progressive enhancement only: the result list on /ondernemers is the primary view and holds the same information.
// Draws the results that have coordinates (data-lat/data-lng on each list item) on a Leaflet map. The tile server
// and its attribution come from the server configuration through data attributes; nothing is inlined (CSP).
document.addEventListener('DOMContentLoaded', () => {
  const container = document.querySelector('[data-map]');
  const L = window.L;
  if (!(container instanceof HTMLElement) || !L) return;

  const items = Array.from(document.querySelectorAll('.ir-result[data-lat][data-lng]'))
    .map((el) => ({
      lat: Number(el.getAttribute('data-lat')),
      lng: Number(el.getAttribute('data-lng')),
      name: el.getAttribute('data-name') || '',
      href: el.getAttribute('data-href') || '',
    }))
    .filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lng) && Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180);
  if (items.length === 0) return;

  container.textContent = '';
  container.classList.add('ir-map--active');
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', container.getAttribute('data-label') || '');

  const map = L.map(container, { scrollWheelZoom: false });
  L.tileLayer(container.getAttribute('data-tile-url') || '', {
    maxZoom: 18,
    attribution: escapeText(container.getAttribute('data-attribution') || ''),
  }).addTo(map);

  const bounds = [];
  for (const p of items) {
    // Popups are built from DOM nodes, never from HTML strings: names are text typed by entrepreneurs.
    // Markers are not keyboard stops: the list below holds the same links (the equivalent control of WCAG 2.5.8),
    // and markers close together would otherwise be focus targets too small to tell apart.
    const link = document.createElement('a');
    link.href = p.href;
    link.textContent = p.name;
    link.className = 'utrecht-link';
    L.marker([p.lat, p.lng], { title: p.name, alt: p.name, keyboard: false }).addTo(map).bindPopup(link);
    bounds.push([p.lat, p.lng]);
  }
  if (bounds.length === 1) map.setView(bounds[0], 13);
  else map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
});

// Leaflet puts the attribution into the page as HTML; the configured text is shown as plain text.
function escapeText(s) {
  const div = document.createElement('div');
  div.textContent = s;
  return div.innerHTML;
}
