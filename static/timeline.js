// The timeline page's behaviour: filters that apply at once, the zoomable overview axis, and more cards
// as the reader scrolls. Plain browser JavaScript, no build step. Text is only ever written with
// textContent, and styles only through classes and SVG attributes (the page runs under a strict CSP).
"use strict";

const DAY_MS = 86400000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];
const PRECISION_PHRASES = { week: "some day that week", month: "some day that month", range: "some day in this window" };
const FOCUS_KEY = "timeline-focus";
const SVG_NS = "http://www.w3.org/2000/svg";

// --- dates: whole days counted from 1970-01-01 (UTC), so no time zone can shift a date ---------------

function dayNumber(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function isoDay(day) {
  return new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10);
}

function dayParts(day) {
  const date = new Date(Math.round(day) * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth(), date: date.getUTCDate() };
}

function dayLabel(day, withYear) {
  const p = dayParts(day);
  return p.date + " " + MONTHS[p.month] + (withYear ? " " + p.year : "");
}

// The same wording as the server's format_range: '7 Mar 2022', '28 Feb – 6 Mar 2022'.
function rangeLabel(first, last) {
  if (first === last) return dayLabel(first, true);
  const sameYear = dayParts(first).year === dayParts(last).year;
  return dayLabel(first, !sameYear) + " – " + dayLabel(last, true);
}

function mondayOf(day) {
  return day - ((day + 3) % 7 + 7) % 7; // 1970-01-01 was a Thursday
}

function monthStart(day) {
  const p = dayParts(day);
  return Date.UTC(p.year, p.month, 1) / DAY_MS;
}

function nextMonth(day, months) {
  const p = dayParts(day);
  return Date.UTC(p.year, p.month + months, 1) / DAY_MS;
}

// --- small DOM helpers ----------------------------------------------------------------------------

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function svgElement(tag, attributes) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const name in attributes) node.setAttribute(name, attributes[name]);
  return node;
}

function setEventHooks(node, id, type, round, venue) {
  node.dataset.eventId = id;
  node.dataset.type = type;
  node.dataset.round = round === null || round === undefined ? "" : String(round);
  node.dataset.venue = venue || "";
}

// --- filters: apply as soon as a choice changes, keep the URL clean, keep the keyboard focus ----------

function filterUrl(form) {
  const params = new URLSearchParams();
  new FormData(form).forEach((value, name) => {
    if (String(value).trim() !== "") params.append(name, String(value).trim());
  });
  const query = params.toString();
  return "/" + (query ? "?" + query : "");
}

// Navigates (so back and forward work as for any page) and remembers which control to focus afterwards.
function navigate(url, focusId) {
  if (focusId) sessionStorage.setItem(FOCUS_KEY, focusId);
  window.location.assign(url);
}

function enhanceFilters(form) {
  form.addEventListener("change", event => {
    const control = event.target;
    if (control.tagName === "SELECT") navigate(filterUrl(form), control.id);
  });
  form.addEventListener("submit", event => {
    event.preventDefault();
    const active = document.activeElement;
    navigate(filterUrl(form), active && form.contains(active) ? active.id : "");
  });
  // Back and forward may restore a page with the controls as the reader left them; the URL is the truth,
  // and the server rendered the controls from it.
  window.addEventListener("pageshow", () => { form.reset(); });
  document.querySelectorAll("[data-keep-focus]").forEach(link => {
    link.addEventListener("click", () => { sessionStorage.setItem(FOCUS_KEY, link.id); });
  });
}

function restoreFocus() {
  const key = sessionStorage.getItem(FOCUS_KEY);
  if (!key) return null;
  sessionStorage.removeItem(FOCUS_KEY);
  const target = document.getElementById(key);
  if (target) target.focus();
  return target;
}

// On a phone the filters start folded away, unless the reader was just using them.
function foldDrawerOnPhone(drawer, focused) {
  if (!drawer || !window.matchMedia("(max-width: 55.99rem)").matches) return;
  if (!(focused && drawer.contains(focused))) drawer.open = false;
}

// --- the overview axis ----------------------------------------------------------------------------

const AXIS = { density: 34, labelRows: 3, labelRow: 14, row: 9, maxRows: 3, ticks: 22, minSpan: 7, tickWidth: 58,
  gutter: 92, detail: 300 };

function createAxis(section, data) {
  const plot = section.querySelector("#axis");
  const rangeText = section.querySelector("#axis-range");
  const svg = svgElement("svg", { "aria-hidden": "true", focusable: "false" });
  plot.appendChild(svg);

  const domainFirst = dayNumber(data.domain[0]);
  const domainLast = dayNumber(data.domain[1]) + 1;
  const pad = Math.max(2, Math.round((domainLast - domainFirst) * 0.02));
  const full = widen([domainFirst - pad, domainLast + pad], AXIS.minSpan * 2);
  const serverMarks = data.marks.map(m => ({ id: m[0], type: m[1], first: dayNumber(m[2]), last: dayNumber(m[3]),
    round: m[4], venue: m[5], title: m[6], label: m[7], planned: m[8] === 1, row: 0 }));
  let marks = serverMarks;
  let lanes = packLanes();
  let hasLabels = marks.some(m => m.label);
  let detailRange = "";
  let view = initialView();
  let pending = false;

  // One lane per type, in up to three rows, so that overlapping windows of one type do not hide each other.
  function packLanes() {
    let top = 0;
    return data.types.filter(t => marks.some(m => m.type === t)).map(type => {
      const rowEnds = [];
      marks.filter(m => m.type === type).forEach(m => {
        let row = rowEnds.findIndex(end => m.first > end);
        if (row < 0 && rowEnds.length < AXIS.maxRows) row = rowEnds.push(-Infinity) - 1;
        if (row < 0) row = rowEnds.indexOf(Math.min(...rowEnds));
        rowEnds[row] = Math.max(rowEnds[row], m.last);
        m.row = row;
      });
      const lane = { type: type, top: top, height: Math.max(16, rowEnds.length * AXIS.row + 7) };
      top += lane.height;
      return lane;
    });
  }

  function widen(range, minSpan) {
    const missing = minSpan - (range[1] - range[0]);
    return missing > 0 ? [range[0] - missing / 2, range[1] + missing / 2] : range;
  }

  function initialView() {
    if (!data.filtered || !data.selection) return full.slice();
    const first = dayNumber(data.selection[0]);
    const last = dayNumber(data.selection[1]) + 1;
    const margin = Math.max(2, (last - first) * 0.08);
    return clamp([first - margin, last + margin]);
  }

  function clamp(range) {
    const maxSpan = full[1] - full[0];
    const span = Math.min(Math.max(range[1] - range[0], AXIS.minSpan), maxSpan);
    let first = range[0] + (range[1] - range[0] - span) / 2;
    first = Math.min(Math.max(first, full[0]), full[1] - span);
    return [first, first + span];
  }

  function setView(range) {
    view = clamp(range);
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => { pending = false; render(); });
    }
    if (!data.complete) {
      clearTimeout(detailTimer);
      detailTimer = setTimeout(loadDetail, 250);
    }
  }

  function useMarks(list) {
    marks = list;
    lanes = packLanes();
    hasLabels = marks.some(m => m.label);
    setView(view);
  }

  // With too many events for one mark each, the axis shows density and the rounds; once the reader has
  // zoomed in to few enough events, it fetches the events in view from /events and marks every one.
  let detailTimer = 0;
  function loadDetail() {
    const first = Math.floor(view[0]);
    const last = Math.ceil(view[1]);
    let count = 0;
    for (let i = Math.max(0, first - domainFirst); i < Math.min(data.density.length, last - domainFirst); i++) {
      count += data.density[i];
    }
    if (count > AXIS.detail) {
      if (detailRange) { detailRange = ""; useMarks(serverMarks); }
      return;
    }
    const list = document.getElementById("event-list");
    const params = new URLSearchParams(list ? list.dataset.query : "");
    if (!params.has("from") || params.get("from") < isoDay(first)) params.set("from", isoDay(first));
    if (!params.has("to") || params.get("to") > isoDay(last)) params.set("to", isoDay(last));
    params.set("limit", String(AXIS.detail));
    const key = params.toString();
    if (key === detailRange) return;
    detailRange = key;
    fetch("/events?" + key, { headers: { Accept: "application/json" } })
      .then(response => response.json())
      .then(page => { if (detailRange === key) useMarks(page.events.map(markOf)); })
      .catch(() => { detailRange = ""; });
  }

  function markOf(event) {
    const number = event.round ? event.round.number : null;
    const label = event.type !== "round" ? ""
      : (number === null ? "Talks" : "Round " + number) + (event.venue ? " — " + event.venue.name : "");
    return { id: event.id, type: event.type, first: dayNumber(event.date_start), last: dayNumber(event.date_end),
      round: number, venue: event.venue ? event.venue.slug : "", title: event.title, label: label,
      planned: event.status === "planned", row: 0 };
  }

  function zoom(factor, centre) {
    const mid = centre === undefined ? (view[0] + view[1]) / 2 : centre;
    setView([mid - (mid - view[0]) * factor, mid + (view[1] - mid) * factor]);
  }

  function pan(days) {
    setView([view[0] + days, view[1] + days]);
  }

  // The day under a pointer, and the width in pixels of the plotting area (right of the lane names).
  function dayAt(clientX) {
    const box = svg.getBoundingClientRect();
    return view[0] + ((clientX - box.left - plotLeft) / plotWidth()) * (view[1] - view[0]);
  }

  function plotWidth() {
    return Math.max(plotRight - plotLeft, 1);
  }

  // The server leaves out the titles of events whose cards are on the page, to keep the page light.
  function titleOf(mark) {
    if (!mark.title) {
      const card = cardOf(mark.id);
      mark.title = card ? card.querySelector("h3").textContent : "";
    }
    return mark.title;
  }

  // --- drawing

  let plotLeft = 0;
  let plotRight = 0;

  // The part of [left, right] inside the plotting area (right of the lane names).
  function clipped(left, right) {
    const from = Math.max(left, plotLeft);
    return { left: from, width: Math.min(right, plotRight) - from };
  }

  function render() {
    const width = Math.max(plot.clientWidth, 200);
    const labelsHeight = hasLabels ? AXIS.labelRows * AXIS.labelRow : 0;
    const lanesTop = AXIS.density + 6 + labelsHeight;
    const lanesHeight = lanes.length ? lanes[lanes.length - 1].top + lanes[lanes.length - 1].height : 0;
    const height = lanesTop + lanesHeight + AXIS.ticks;
    const gutter = width >= 560 ? AXIS.gutter : 0; // lane names sit beside the lanes when there is room
    const scale = (width - gutter) / (view[1] - view[0]);
    const x = day => gutter + (day - view[0]) * scale;
    plotLeft = gutter;
    plotRight = width;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("width", width);
    svg.setAttribute("height", height);
    svg.replaceChildren();
    drawTicks(x, scale, height, gutter);
    drawDensity(x, scale);
    drawLanes(x, lanesTop, gutter);
    if (hasLabels) drawRoundLabels(x, AXIS.density + 6, width, gutter);
    const first = Math.ceil(view[0]);
    const last = Math.floor(view[1]) - 1;
    plot.dataset.viewStart = isoDay(first);
    plot.dataset.viewEnd = isoDay(last);
    rangeText.textContent = "Showing " + rangeLabel(first, last);
  }

  function drawTicks(x, scale, height, gutter) {
    const ticks = tickDays(scale);
    const group = svgElement("g", {});
    group.appendChild(svgElement("line", { class: "baseline", x1: gutter, x2: x(view[1]), y1: height - AXIS.ticks,
      y2: height - AXIS.ticks }));
    ticks.days.forEach(day => {
      const at = x(day);
      if (at > plotRight - 30) return; // no label cut off at the right edge
      group.appendChild(svgElement("line", { class: "grid", x1: at, x2: at, y1: 0, y2: height - AXIS.ticks + 4 }));
      const text = svgElement("text", { class: "tick", x: at + 3, y: height - 6 });
      text.textContent = ticks.label(day, day === ticks.days[0]);
      group.appendChild(text);
    });
    svg.appendChild(group);
  }

  // Ticks at days, Mondays, months, quarters or years: the finest step whose labels do not collide.
  function tickDays(scale) {
    const steps = [
      { days: 1, next: d => d + 1, start: Math.ceil },
      { days: 2, next: d => d + 2, start: Math.ceil },
      { days: 7, next: d => d + 7, start: d => mondayOf(Math.ceil(d)) + 7 },
      { days: 14, next: d => d + 14, start: d => mondayOf(Math.ceil(d)) + 7 },
      { days: 31, next: d => nextMonth(d, 1), start: d => nextMonth(d, 0) < d ? nextMonth(d, 1) : nextMonth(d, 0) },
      { days: 92, next: d => nextMonth(d, 3), start: d => quarterAfter(d) },
      { days: 366, next: d => nextMonth(d, 12), start: d => yearAfter(d) },
    ];
    const step = steps.find(s => s.days * scale >= AXIS.tickWidth) || steps[steps.length - 1];
    const days = [];
    for (let d = step.start(view[0]); d < view[1] && days.length < 200; d = step.next(d)) days.push(d);
    const label = step.days >= 366 ? d => String(dayParts(d).year)
      : step.days >= 31 ? (d, first) => {
        const p = dayParts(d);
        return MONTHS[p.month] + (first || p.month === 0 ? " " + p.year : "");
      }
        : d => dayLabel(d, false); // the range above the axis names the year
    return { days: days, label: label };
  }

  function quarterAfter(day) {
    let d = monthStart(day);
    while (d < day || dayParts(d).month % 3 !== 0) d = nextMonth(d, 1);
    return d;
  }

  function yearAfter(day) {
    let d = monthStart(day);
    while (d < day || dayParts(d).month !== 0) d = nextMonth(d, 1);
    return d;
  }

  // Bars of how many events start per day, week or month, scaled to the busiest bin in view.
  function drawDensity(x, scale) {
    const binStart = scale >= 9 ? d => d : scale >= 1.5 ? mondayOf : monthStart;
    const binEnd = scale >= 9 ? d => d + 1 : scale >= 1.5 ? d => d + 7
      : d => nextMonth(d, 1);
    const selected = binCounts(data.density, binStart);
    const everything = data.background ? binCounts(data.background, binStart) : null;
    const peak = Math.max(1, ...(everything || selected).values());
    const group = svgElement("g", {});
    [[everything, "density-all"], [selected, "density"]].forEach(pair => {
      if (!pair[0]) return;
      pair[0].forEach((count, start) => {
        const height = Math.max(2, (count / peak) * AXIS.density);
        const bar = clipped(x(start), x(binEnd(start)));
        if (bar.width <= 0) return;
        group.appendChild(svgElement("rect", { class: pair[1], x: bar.left + 0.5, y: AXIS.density - height,
          width: Math.max(1, bar.width - 1), height: height }));
      });
    });
    svg.appendChild(group);
  }

  function binCounts(counts, binStart) {
    const bins = new Map();
    const from = Math.max(0, Math.floor(view[0] - domainFirst) - 31);
    const to = Math.min(counts.length, Math.ceil(view[1] - domainFirst) + 1);
    for (let i = from; i < to; i++) {
      if (!counts[i]) continue;
      const start = binStart(domainFirst + i);
      bins.set(start, (bins.get(start) || 0) + counts[i]);
    }
    return bins;
  }

  // A dot for an exact day, a bar across the window of an uncertain date.
  function drawLanes(x, top, gutter) {
    const group = svgElement("g", {});
    lanes.forEach(lane => {
      const type = lane.type;
      const rowY = row => top + lane.top + 8 + row * AXIS.row;
      marks.forEach(m => {
        if (m.type !== type || m.last + 1 < view[0] || m.first > view[1]) return;
        const y = rowY(m.row);
        const shape = m.first === m.last
          ? svgElement("circle", { cx: x(m.first + 0.5), cy: y, r: 4 })
          : svgElement("rect", { x: clipped(x(m.first), 0).left, y: y - 3.5, rx: 2, height: 7,
            width: Math.max(4, clipped(x(m.first), x(m.last + 1)).width) });
        shape.setAttribute("class", "mk t-" + m.type + (m.planned ? " planned" : ""));
        setEventHooks(shape, m.id, m.type, m.round, m.venue);
        const tip = svgElement("title", {});
        tip.textContent = titleOf(m) + " — " + rangeLabel(m.first, m.last);
        shape.appendChild(tip);
        group.appendChild(shape);
      });
      if (!gutter) return; // on a narrow screen the coloured chips above the axis are the legend
      const name = svgElement("text", { class: "lane-label", x: gutter - 6, y: rowY(0) + 3, "text-anchor": "end" });
      name.textContent = (data.labels && data.labels[type]) || type;
      group.appendChild(name);
    });
    svg.appendChild(group);
  }

  // 'Round 3 — Brest region' above the rounds' lane. Rounds that took place and carry a number are placed
  // first; a label that fits in no row is left out (the mark keeps its tooltip).
  function drawRoundLabels(x, top, width, gutter) {
    const labelled = marks.filter(m => m.label).sort((a, b) => {
      return (a.planned - b.planned) || ((a.round === null) - (b.round === null)) || (a.first - b.first);
    });
    const rows = Array.from({ length: AXIS.labelRows }, () => []);
    const group = svgElement("g", { class: "t-round" });
    labelled.forEach(m => {
      if (m.first < view[0] || m.first > view[1]) return; // labelled where the round starts
      const textWidth = m.label.length * 6.8; // 11px bold, roughly
      const left = Math.max(gutter + 2, Math.min(x(m.first), width - textWidth));
      const row = rows.findIndex(taken => {
        return taken.every(span => left > span[1] + 8 || left + textWidth < span[0] - 8);
      });
      if (row < 0) return;
      rows[row].push([left, left + textWidth]);
      const text = svgElement("text", { class: "round-label mk-label", x: left, y: top + (row + 1) * AXIS.labelRow - 3 });
      text.textContent = m.label;
      setEventHooks(text, m.id, m.type, m.round, m.venue);
      group.appendChild(text);
    });
    svg.appendChild(group);
  }

  // --- interaction: buttons, keyboard, wheel, drag and pinch

  function cardOf(id) {
    return document.querySelector("#event-list .card[data-event-id='" + CSS.escape(id) + "']");
  }

  function showEvent(id) {
    const card = cardOf(id);
    if (!card) {
      window.location.assign("/event/" + encodeURIComponent(id));
      return;
    }
    card.scrollIntoView({ block: "center", behavior: "smooth" });
    card.classList.remove("flash");
    void card.offsetWidth; // restart the highlight animation
    card.classList.add("flash");
    const link = card.querySelector("h3 a");
    if (link) link.focus({ preventScroll: true });
  }

  section.querySelectorAll("[data-axis]").forEach(button => {
    button.addEventListener("click", () => {
      const action = button.dataset.axis;
      if (action === "in") zoom(0.5);
      else if (action === "out") zoom(2);
      else if (action === "reset") setView(full);
      else if (action === "apply") listVisibleDates();
    });
  });

  function listVisibleDates() {
    const list = document.getElementById("event-list");
    const params = new URLSearchParams(list ? list.dataset.query : "");
    params.set("from", plot.dataset.viewStart);
    params.set("to", plot.dataset.viewEnd);
    navigate("/?" + params.toString(), "axis");
  }

  plot.addEventListener("keydown", event => {
    const span = view[1] - view[0];
    const actions = {
      "+": () => { zoom(0.5); }, "=": () => { zoom(0.5); },
      "-": () => { zoom(2); }, "_": () => { zoom(2); },
      ArrowLeft: () => { pan(-span * 0.2); }, ArrowRight: () => { pan(span * 0.2); },
      Home: () => { setView([full[0], full[0] + span]); }, End: () => { setView([full[1] - span, full[1]]); },
      "0": () => { setView(full); },
    };
    const action = actions[event.key];
    if (action && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      action();
    }
  });

  plot.addEventListener("wheel", event => {
    event.preventDefault();
    const unit = event.deltaMode === 1 ? 16 : 1;
    if (Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
      pan((event.deltaX * unit / plotWidth()) * (view[1] - view[0]));
    } else {
      zoom(Math.exp(event.deltaY * unit * 0.002), dayAt(event.clientX));
    }
  }, { passive: false });

  const pointers = new Map();
  let drag = null;
  let pinch = null;
  let moved = false;

  plot.addEventListener("pointerdown", event => {
    pointers.set(event.pointerId, event.clientX);
    moved = false;
    if (pointers.size === 1) drag = { x: event.clientX, view: view.slice() };
    if (pointers.size === 2) {
      const xs = Array.from(pointers.values());
      pinch = { distance: Math.abs(xs[0] - xs[1]) || 1, view: view.slice(), centre: dayAt((xs[0] + xs[1]) / 2) };
      drag = null;
    }
  });

  plot.addEventListener("pointermove", event => {
    if (!pointers.has(event.pointerId)) return;
    pointers.set(event.pointerId, event.clientX);
    if (pinch && pointers.size === 2) {
      const xs = Array.from(pointers.values());
      const factor = pinch.distance / (Math.abs(xs[0] - xs[1]) || 1);
      const c = pinch.centre;
      setView([c - (c - pinch.view[0]) * factor, c + (pinch.view[1] - c) * factor]);
      moved = true;
    } else if (drag) {
      const dx = event.clientX - drag.x;
      if (!moved && Math.abs(dx) < 4) return;
      if (!moved) {
        plot.setPointerCapture(event.pointerId);
        plot.classList.add("dragging");
      }
      moved = true;
      const shift = -dx * (drag.view[1] - drag.view[0]) / plotWidth();
      setView([drag.view[0] + shift, drag.view[1] + shift]);
    }
  });

  function endPointer(event) {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinch = null;
    if (pointers.size === 0) {
      drag = null;
      plot.classList.remove("dragging");
    }
  }
  plot.addEventListener("pointerup", endPointer);
  plot.addEventListener("pointercancel", endPointer);

  plot.addEventListener("click", event => {
    if (moved) { moved = false; return; } // the end of a drag is not a click
    const mark = event.target.closest("[data-event-id]");
    if (mark) showEvent(mark.dataset.eventId);
  });

  // Hovering or focusing a card lights up its mark on the axis.
  const list = document.getElementById("event-list");
  if (list) {
    ["mouseover", "focusin"].forEach(name => {
      list.addEventListener(name, event => {
        const card = event.target.closest(".card");
        svg.querySelectorAll(".mk.hl").forEach(m => { m.classList.remove("hl"); });
        if (card) {
          svg.querySelectorAll("circle.mk, rect.mk").forEach(m => {
            if (m.dataset.eventId === card.dataset.eventId) m.classList.add("hl");
          });
        }
      });
    });
  }

  if ("ResizeObserver" in window) new ResizeObserver(() => { setView(view); }).observe(plot);
  section.hidden = false;
  render();
  return { zoom: zoom, pan: pan, reset: () => { setView(full); } };
}

// --- more cards: the next chunk from /events, built like templates/_event_card.html -----------------

function groupOf(day, grouping) {
  if (grouping === "week") {
    const monday = mondayOf(day);
    return { key: "w" + isoDay(monday), heading: "Week of " + dayLabel(monday, true) };
  }
  const p = dayParts(day);
  return { key: "m" + isoDay(day).slice(0, 7), heading: MONTH_NAMES[p.month] + " " + p.year };
}

function pickSource(event) {
  return event.sources.find(s => s.date_text) || event.sources[0] || null;
}

function buildCard(event) {
  const first = dayNumber(event.date_start);  // the window its sources allow; event.date is the likeliest day
  const last = dayNumber(event.date_end);
  const card = element("article", "card t-" + event.type);
  setEventHooks(card, event.id, event.type, event.round ? event.round.number : null, event.venue && event.venue.slug);

  const meta = element("p", "meta");
  const time = element("time", "", rangeLabel(first, last));
  time.dateTime = event.date;
  meta.append(time);
  if (first !== last) meta.append(" ", element("span", "uncertain", "uncertain: " + (PRECISION_PHRASES[event.date_precision] || PRECISION_PHRASES.range)));
  meta.append(" ", element("span", "badge", event.type));
  if (event.status === "planned") meta.append(" ", element("span", "badge planned", "planned"));
  if (event.round) meta.append(" ", element("span", "round", event.round.label));
  if (event.venue) meta.append(" ", element("span", "venue", event.venue.name));
  card.append(meta);

  const heading = element("h3");
  const link = element("a", "", event.title);
  link.href = "/event/" + encodeURIComponent(event.id);
  heading.append(link);
  card.append(heading);

  const source = pickSource(event);
  if (source) {
    const quote = element("blockquote");
    const at = source.date_text ? source.quote.indexOf(source.date_text) : -1;
    if (at < 0) quote.textContent = source.quote;
    else quote.append(source.quote.slice(0, at), element("strong", "", source.date_text), source.quote.slice(at + source.date_text.length));
    card.append(quote);
    const line = element("p", "src", "Source: ");
    const article = element("a", "", source.article_title);
    article.href = "/articles/" + encodeURIComponent(source.article_id) + "#ev-" + encodeURIComponent(event.id);
    line.append(article);
    if (source.published) line.append(", " + source.published);
    if (event.source_count > 1) line.append(" · " + event.source_count + " sources");
    card.append(line);
  }
  return card;
}

function appendCard(list, event) {
  const group = groupOf(dayNumber(event.date), list.dataset.grouping);
  let section = list.lastElementChild;
  if (!section || section.dataset.groupKey !== group.key) {
    section = element("section", "group");
    section.dataset.groupKey = group.key;
    section.setAttribute("aria-labelledby", "g-" + group.key);
    const heading = element("h2", "", group.heading);
    heading.id = "g-" + group.key;
    section.append(heading);
    list.append(section);
  }
  section.append(buildCard(event));
}

function enableLoadMore(list, more, shown) {
  const total = Number(list.dataset.total);
  let offset = Number(list.dataset.nextOffset);
  let loading = false;
  let observer = null;

  async function loadNext() {
    if (loading || !(offset < total)) return;
    loading = true;
    const query = list.dataset.query;
    const url = "/events?" + (query ? query + "&" : "") + "sort=date&limit=" + list.dataset.chunk + "&offset=" + offset;
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error("HTTP " + response.status);
      const page = await response.json();
      page.events.forEach(event => { appendCard(list, event); });
      offset += page.events.length;
      if (shown) shown.textContent = "Showing 1–" + offset + " of " + total;
      if (!page.events.length || offset >= total) more.remove();
      else more.href = more.href.replace(/offset=\d+/, "offset=" + offset);
    } catch (error) {
      more.textContent = "Could not load more events; follow this link to the next page";
      if (observer) observer.disconnect();
    } finally {
      loading = false;
    }
  }

  more.addEventListener("click", event => {
    if (offset < total) {
      event.preventDefault();
      loadNext();
    }
  });
  if ("IntersectionObserver" in window) {
    observer = new IntersectionObserver(entries => {
      if (entries.some(e => e.isIntersecting)) loadNext();
    }, { rootMargin: "800px 0px" });
    observer.observe(more);
  }
}

// --- start ----------------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("filters");
  if (form) enhanceFilters(form);
  const dataNode = document.getElementById("timeline-data");
  const section = document.getElementById("axis-section");
  if (dataNode && section) {
    const data = JSON.parse(dataNode.textContent);
    if (data.domain) createAxis(section, data);
  }
  const list = document.getElementById("event-list");
  const more = document.getElementById("more");
  if (list && more && list.dataset.nextOffset && !/[?&]offset=/.test(window.location.search)) {
    enableLoadMore(list, more, document.getElementById("shown"));
  }
  const focused = restoreFocus();
  foldDrawerOnPhone(document.getElementById("filter-drawer"), focused);
});
