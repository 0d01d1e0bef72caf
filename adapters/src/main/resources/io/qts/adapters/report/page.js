// Draws every chart of the page with uPlot and makes tables with class "sortable" sortable by a click on a
// column head. Chart data sits in <script type="application/json" class="chart"> blocks (see Chart.java):
// x in epoch milliseconds, one array per series, optional entry/exit markers drawn by a draw hook.
(function () {
  "use strict";
  function report(message) {
    var box = document.getElementById("page-errors");
    if (box) { box.textContent += message + "\n"; box.hidden = false; }
  }
  window.addEventListener("error", function (e) { report(String(e.message)); });

  function axisValue(unit) {
    return function (u, values) {
      return values.map(function (v) { return v == null ? "" : v.toLocaleString("en-US", {maximumFractionDigits: 6}) + unit; });
    };
  }

  function markersHook(markers) {
    return function (u) {
      var ctx = u.ctx;
      var size = 5 * devicePixelRatio;
      var lo = u.scales.x.min, hi = u.scales.x.max;
      ctx.save();
      for (var i = 0; i < markers.t.length; i++) {
        var t = markers.t[i] / 1000;
        if (t < lo || t > hi) { continue; }
        var x = u.valToPos(t, "x", true), y = u.valToPos(markers.p[i], "y", true);
        var up = markers.k[i] === 1;
        ctx.fillStyle = up ? "#1a9a3a" : "#c02020";
        ctx.beginPath();
        ctx.moveTo(x, y);
        ctx.lineTo(x - size, y + (up ? 2 : -2) * size);
        ctx.lineTo(x + size, y + (up ? 2 : -2) * size);
        ctx.closePath();
        ctx.fill();
      }
      ctx.restore();
    };
  }

  function draw(block) {
    var spec = JSON.parse(block.textContent);
    var target = document.getElementById(spec.id);
    var data = [spec.x.map(function (ms) { return ms / 1000; })];
    var series = [{label: "time", value: "{YYYY}-{MM}-{DD} {HH}:{mm}"}];
    spec.series.forEach(function (s) {
      data.push(s.values);
      series.push({label: s.label, stroke: s.color, width: 1.5, fill: s.fill || undefined, points: {show: false},
        value: function (u, v) { return v == null ? "-" : v.toLocaleString("en-US", {maximumFractionDigits: 6}) + spec.unit; }});
    });
    var options = {
      width: Math.max(480, Math.min(1100, target.clientWidth || 1000)),
      height: 260,
      series: series,
      scales: {x: {time: true}},
      axes: [{}, {values: axisValue(spec.unit), size: 80}],
      cursor: {drag: {x: true, y: false}},
      hooks: spec.markers ? {draw: [markersHook(spec.markers)]} : {}
    };
    new uPlot(options, data, target);
    document.body.dataset.charts = String(Number(document.body.dataset.charts || 0) + 1);
  }

  function sortable(table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, column) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var ascending = th.dataset.order !== "asc";
        Array.prototype.forEach.call(heads, function (h) { delete h.dataset.order; });
        th.dataset.order = ascending ? "asc" : "desc";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].dataset.v, y = b.cells[column].dataset.v;
          var nx = Number(x), ny = Number(y);
          var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y));
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  try {
    Array.prototype.forEach.call(document.querySelectorAll("script.chart"), draw);
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), sortable);
    document.body.dataset.ready = "true";
  } catch (e) {
    report(String(e && e.stack || e));
    throw e;
  }
})();
