// The events map: bundled country boundaries (no tile server), clustered markers coloured by PLOVER type.
// Points come from /api/events/points with the page's filters; a click opens the event's summary.
(function () {
  "use strict";
  var R = window.RASD;
  var params = new URLSearchParams(window.location.search);
  params.delete("lang");
  var map = L.map("map", { worldCopyJump: true, preferCanvas: true, minZoom: 2, maxZoom: 12 }).setView([30, 35], 4);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Natural Earth");

  // Boundaries draw in their own pane and canvas, under the markers, and take no clicks.
  map.createPane("boundaries").style.zIndex = 250;
  var boundaryRenderer = L.canvas({ pane: "boundaries" });
  fetch("/static/boundaries/countries.geojson")
    .then(function (r) { return r.json(); })
    .then(function (world) {
      var boundaries = L.geoJSON(world, {
        pane: "boundaries",
        renderer: boundaryRenderer,
        interactive: false,
        style: { color: "#8a8a8a", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 }
      }).addTo(map);
      window.RASD.boundaryCount = boundaries.getLayers().length;
    });

  var clusters = L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 45 });
  map.addLayer(clusters);

  function popupFor(id, marker) {
    fetch("/api/events/" + encodeURIComponent(id))
      .then(function (r) { return r.json(); })
      .then(function (e) {
        var summary = R.lang === "en" ? (e.summary_en || e.summary_ar) : (e.summary_ar || e.summary_en);
        var place = e.location ? (R.lang === "en" ? (e.location.name_en || e.location.name_ar)
                                                  : (e.location.name_ar || e.location.name_en)) : "";
        var box = document.createElement("div");
        box.dir = R.lang === "ar" ? "rtl" : "ltr";
        var title = document.createElement("strong");
        title.textContent = (e.date || "") + " · " + e.plover;
        var text = document.createElement("div");
        text.textContent = (summary || "") + (place ? " — " + place : "");
        var link = document.createElement("a");
        link.href = "/events/" + encodeURIComponent(e.id);
        link.className = "open-event";
        link.textContent = R.labels.open_event;
        box.appendChild(title); box.appendChild(text); box.appendChild(link);
        marker.setPopupContent(box);
      });
  }

  fetch("/api/events/points?" + params.toString())
    .then(function (r) { return r.json(); })
    .then(function (page) {
      var markers = page.items.map(function (p) {
        var colour = R.colors[p.plover] || "#555";
        var marker = L.circleMarker([p.lat, p.lon], {
          radius: 7, color: "#333", weight: 1, fillColor: colour, fillOpacity: 0.9
        });
        marker.options.eventId = p.id;
        marker.bindPopup("…");
        marker.on("popupopen", function () { popupFor(p.id, marker); });
        return marker;
      });
      clusters.addLayers(markers);
      var count = document.getElementById("map-count");
      count.textContent = String(markers.length);
      count.dataset.count = String(markers.length);
      if (markers.length) {
        map.fitBounds(clusters.getBounds(), { maxZoom: 8, padding: [20, 20] });
      }
      window.RASD.mapReady = true;
    });
  window.RASD.map = map;
  window.RASD.clusters = clusters;
})();
