// The timeline: events per day, stacked by PLOVER type, drawn as plain SVG from /api/events/timeline.
(function () {
  "use strict";
  var R = window.RASD;
  var params = new URLSearchParams(window.location.search);
  params.delete("lang");
  var SVG = "http://www.w3.org/2000/svg";

  function el(name, attrs) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function days(first, last) {
    var out = [];
    var d = new Date(first + "T00:00:00Z");
    var end = new Date(last + "T00:00:00Z");
    while (d <= end && out.length < 3700) {
      out.push(d.toISOString().slice(0, 10));
      d.setUTCDate(d.getUTCDate() + 1);
    }
    return out;
  }

  fetch("/api/events/timeline?" + params.toString())
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var box = document.getElementById("timeline");
      box.textContent = "";
      var rows = data.items.filter(function (r) { return /^\d{4}-\d{2}-\d{2}$/.test(r.date); });
      var total = rows.reduce(function (n, r) { return n + r.count; }, 0);
      box.dataset.count = String(total);
      if (!rows.length) { box.textContent = R.labels.no_results; R.timelineReady = true; return; }
      var byDay = {};
      rows.forEach(function (r) { (byDay[r.date] = byDay[r.date] || []).push(r); });
      var axis = days(rows[0].date, rows[rows.length - 1].date);
      var max = Math.max.apply(null, axis.map(function (d) {
        return (byDay[d] || []).reduce(function (n, r) { return n + r.count; }, 0);
      }));
      var width = 900, height = 260, left = 40, bottom = 30, top = 10;
      var step = (width - left - 10) / axis.length;
      var svg = el("svg", { viewBox: "0 0 " + width + " " + height, role: "img" });
      svg.appendChild(el("line", { x1: left, y1: height - bottom, x2: width - 10, y2: height - bottom, stroke: "#999" }));
      [0, max].forEach(function (v) {
        var y = height - bottom - (height - bottom - top) * (v / max);
        var label = el("text", { x: left - 6, y: y + 4, "text-anchor": "end", "font-size": 11, fill: "#555" });
        label.textContent = String(v);
        svg.appendChild(label);
      });
      axis.forEach(function (day, i) {
        var y = height - bottom;
        (byDay[day] || []).sort(function (a, b) { return a.plover < b.plover ? -1 : 1; }).forEach(function (r) {
          var h = (height - bottom - top) * (r.count / max);
          y -= h;
          var bar = el("rect", {
            x: left + i * step + 0.5, y: y, width: Math.max(step - 1, 1), height: h,
            fill: R.colors[r.plover] || "#555", "class": "day-bar", "data-date": day, "data-plover": r.plover
          });
          var tip = el("title", {});
          tip.textContent = day + " · " + r.plover + ": " + r.count;
          bar.appendChild(tip);
          svg.appendChild(bar);
        });
      });
      var ticks = Math.min(axis.length, 8);
      for (var k = 0; k < ticks; k++) {
        var i = Math.round(k * (axis.length - 1) / Math.max(ticks - 1, 1));
        var t = el("text", { x: left + i * step + step / 2, y: height - 10, "text-anchor": "middle", "font-size": 11, fill: "#555" });
        t.textContent = axis[i];
        svg.appendChild(t);
      }
      box.appendChild(svg);
      R.timelineReady = true;
    });
})();
