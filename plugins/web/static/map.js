// Draws the map of /web/map with Leaflet: the boundaries (GeoJSON from the boundaries API), the
// hospitals (organisations API) coloured by the chosen structure, the cross-check findings, and a
// located postcode with the areas that contain it highlighted. Everything comes from this server.
(function () {
  'use strict';
  var el = document.getElementById('map');
  if (!el || !window.L || !window.fetch) return;
  var statusEl = document.getElementById('map-status');
  var legendEl = document.getElementById('map-legend');
  var d = el.dataset;
  el.textContent = '';
  var map = L.map(el, { zoomSnap: 0.25 }).setView([54.6, -3.2], 5.25);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Boundaries: ONS, OGL v3 · Hospitals: RCPCH');
  var palette = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#1f78b4', '#b2182b', '#4d4d4d', '#8c510a', '#01665e'];
  var inAreas = (d.areas || '').split(',').filter(Boolean);

  function json(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) throw new Error(url.split('?')[0] + ' answered ' + r.status);
      return r.json();
    });
  }
  function keyOf(o) {
    switch (d.colour) {
      case 'icb': return o.icb ? [o.icb.ods_code, o.icb.name] : o.health_board ? [o.health_board.ods_code, o.health_board.name] : null;
      case 'diabetes_network': return o.pdu && o.pdu.network ? [o.pdu.network.code, o.pdu.network.name] : null;
      case 'openuk_network': return o.openuk_network ? [o.openuk_network.code, o.openuk_network.name] : null;
      default: return o.region ? [o.region.code, o.region.name] : null;
    }
  }
  function link(code, name) {
    var a = document.createElement('a');
    a.href = '/web/organisations/' + encodeURIComponent(code);
    a.textContent = name + ' (' + code + ')';
    return a;
  }

  var drawn = { areas: 0, hospitals: 0, findings: 0, point: 0 };
  var boundaryUrls = (d.boundaries || '').split(' ').filter(Boolean);
  Promise.all(boundaryUrls.map(json)).then(function (collections) {
    collections.forEach(function (fc, i) {
      var layer = L.geoJSON(fc, {
        style: function (f) {
          var hit = inAreas.indexOf(f.properties.code) >= 0;
          return { color: i === 0 ? '#333333' : '#666666', weight: i === 0 ? 1.5 : 0.8, fillColor: hit ? '#ffbf47' : '#ffffff', fillOpacity: hit ? 0.55 : 0.1 };
        },
        onEachFeature: function (f, layer) {
          drawn.areas++;
          layer.bindTooltip(f.properties.name + ' (' + f.properties.code + ')');
        }
      }).addTo(map);
      if (i === 0 && fc.features.length) map.fitBounds(layer.getBounds(), { padding: [8, 8] });
    });
    return Promise.all([json(d.hospitals), json(d.checks).catch(function () { return { items: [] }; })]);
  }).then(function (answers) {
    var colours = {};
    var names = {};
    var n = 0;
    var points = L.layerGroup().addTo(map);
    answers[0].items.forEach(function (o) {
      if (o.latitude === null || o.longitude === null) return;
      var k = keyOf(o);
      var key = k ? k[0] : '';
      if (!(key in colours)) {
        colours[key] = k ? palette[n++ % palette.length] : '#ffffff';
        names[key] = k ? k[1] : 'none';
      }
      L.circleMarker([o.latitude, o.longitude], { radius: 5, color: '#000000', weight: 1, fillColor: colours[key], fillOpacity: 0.95 })
        .bindPopup(link(o.ods_code, o.name))
        .addTo(points);
      drawn.hospitals++;
    });
    // Findings are marks over their hospitals' points (whose popups stay the targets to click);
    // the page lists them all in a table below the map.
    answers[1].items.forEach(function (c) {
      if (c.lat === null || c.lon === null) return;
      var icon = L.divIcon({ className: 'finding-marker', iconSize: [16, 16] });
      L.marker([c.lat, c.lon], { icon: icon, interactive: false, keyboard: false }).addTo(map);
      drawn.findings++;
    });
    if (d.point) {
      var p = d.point.split(',').map(Number);
      L.circleMarker(p, { radius: 9, color: '#000000', weight: 3, fillColor: '#ffbf47', fillOpacity: 1 }).bindTooltip('The postcode').addTo(map);
      map.setView(p, 9);
      drawn.point = 1;
    }
    var list = document.createElement('ul');
    list.className = 'legend';
    Object.keys(colours).forEach(function (key) {
      var li = document.createElement('li');
      var sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.backgroundColor = colours[key];
      li.appendChild(sw);
      li.appendChild(document.createTextNode(names[key]));
      list.appendChild(li);
    });
    legendEl.textContent = '';
    legendEl.appendChild(list);
    el.dataset.drawn = JSON.stringify(drawn);
    statusEl.textContent = drawn.hospitals + ' hospitals, ' + drawn.areas + ' areas and ' + drawn.findings + ' cross-check findings drawn.';
  }).catch(function (err) {
    el.dataset.drawn = JSON.stringify(drawn);
    statusEl.textContent = 'The map could not be drawn completely: ' + err.message;
  });
})();
