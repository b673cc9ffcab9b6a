// A line chart of a daily series as SVG (no library): equity over days, with the first and last day, the low, the high
// and the total return labelled. Exposed as window.AlphaChart.line(figure, points).
"use strict";
(() => {
  const ns = "http://www.w3.org/2000/svg";
  const el = (name, attributes, text) => {
    const node = document.createElementNS(ns, name);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const money = v => v.toLocaleString("en-US", { maximumFractionDigits: 0 });

  function line(figure, points) {
    figure.replaceChildren();
    if (points.length < 2) {
      figure.append(Object.assign(document.createElement("p"), { className: "muted", textContent: "Not enough days to draw." }));
      return;
    }
    const width = 1000, height = 260, left = 80, right = 16, top = 16, bottom = 28;
    const values = points.map(p => p.equity);
    const low = Math.min(...values), high = Math.max(...values), span = high - low || 1;
    const x = i => left + (i / (points.length - 1)) * (width - left - right);
    const y = v => top + (1 - (v - low) / span) * (height - top - bottom);
    const path = points.map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(p.equity).toFixed(1)}`).join("");
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Out-of-sample equity curve" });
    svg.append(
      el("line", { class: "axis", x1: left, x2: width - right, y1: height - bottom, y2: height - bottom }),
      el("path", { class: "area", d: `${path}L${x(points.length - 1).toFixed(1)},${height - bottom}L${left},${height - bottom}Z` }),
      el("path", { class: "line", d: path }),
      el("text", { x: left - 6, y: y(high) + 4, "text-anchor": "end" }, money(high)),
      el("text", { x: left - 6, y: y(low) + 4, "text-anchor": "end" }, money(low)),
      el("text", { x: left, y: height - 8 }, points[0].day),
      el("text", { x: width - right, y: height - 8, "text-anchor": "end" }, points[points.length - 1].day));
    const total = values[values.length - 1] / values[0] - 1;
    const caption = document.createElement("figcaption");
    caption.className = "muted";
    caption.textContent = `${points.length} days · total return ${(100 * total).toFixed(2)} % · cross-fitted backtest at the version's θ`;
    figure.append(svg, caption);
  }

  window.AlphaChart = { line };
})();
