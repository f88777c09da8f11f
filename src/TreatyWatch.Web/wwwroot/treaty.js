// The treaty page's day slider and play button: recolours the map and the counts for a day, from
// /treaties/{id}/map.json?on=YYYY-MM-DD. Without JavaScript the date form above does the same by reloading.
(() => {
  "use strict";
  const slider = document.getElementById("date-slider");
  const map = document.getElementById("map");
  if (!slider || !map || !window.fetch) return;
  const treaty = slider.dataset.treaty;
  const input = document.getElementById("on");
  const output = document.getElementById("slider-date");
  const heading = document.getElementById("status-date");
  const play = document.getElementById("play");
  const labels = {
    none: "Not a party (no record)", signatory: "Signatory", contracting: "Consented, not yet in force", party: "Party",
    withdrawal_pending: "Party, withdrawal pending", withdrawal_suspended: "Party, withdrawal held back by armed conflict",
    withdrawn: "Withdrawn", unknown: "Unknown (record incomplete)",
  };
  const shapes = [];
  for (const p of map.querySelectorAll("path[data-state]")) {
    const title = p.querySelector("title");
    const text = title ? title.textContent : "";
    const cut = text.indexOf(" — ");
    // Shapes that are not states on record keep their title and colour.
    if (text.endsWith("not a state on record")) continue;
    shapes.push({ path: p, title, name: cut > 0 ? text.slice(0, cut) : p.dataset.state });
  }
  document.getElementById("slider")?.classList.add("ready");

  // The slider's value is a day: days since 1970-01-01.
  const DAY = 86400000;
  const isoOf = (epochDay) => new Date(epochDay * DAY).toISOString().slice(0, 10);
  const nextYear = (epochDay) => {
    const d = new Date(epochDay * DAY);
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCFullYear(d.getUTCFullYear() + 1);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
    return Math.round(d.getTime() / DAY);
  };
  let asked = 0;

  async function show(epochDay) {
    const mine = ++asked;
    const day = isoOf(epochDay);
    let answer;
    try {
      const response = await fetch(`/treaties/${encodeURIComponent(treaty)}/map.json?on=${day}`, { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      answer = await response.json();
    } catch {
      return;
    }
    if (mine !== asked) return; // a later move of the slider won
    for (const s of shapes) {
      const status = answer.states[s.path.dataset.state] || "none";
      if (s.path.dataset.status !== status) {
        s.path.dataset.status = status;
        if (s.title) s.title.textContent = `${s.name} — ${labels[status] || status}`;
      }
    }
    for (const row of document.querySelectorAll("#counts > [data-status]")) {
      const dd = row.querySelector("dd");
      const key = row.dataset.status;
      if (!dd || key === "none") continue;
      dd.textContent = String(key === "bound" ? answer.bound : answer.counts[key] || 0);
    }
    if (input) input.value = answer.on;
    if (output) output.textContent = answer.onText;
    slider.setAttribute("aria-valuetext", answer.onText);
    if (heading) heading.innerHTML = "";
    if (heading) {
      heading.append("Map and counts on ");
      const time = document.createElement("time");
      time.dateTime = answer.on;
      time.textContent = answer.onText;
      heading.append(time);
      const more = document.createElement("a");
      more.href = `?on=${answer.on}`;
      more.className = "full-page";
      more.textContent = "full page for this day";
      heading.append(" ", more);
    }
  }

  slider.addEventListener("input", () => show(Number(slider.value)));

  let timer = null;
  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    play.textContent = "▶ Play";
    play.setAttribute("aria-pressed", "false");
  }
  play?.addEventListener("click", () => {
    if (timer) return stop();
    if (Number(slider.value) >= Number(slider.max)) slider.value = slider.min;
    play.textContent = "❚❚ Pause";
    play.setAttribute("aria-pressed", "true");
    show(Number(slider.value));
    timer = setInterval(() => {
      const next = nextYear(Number(slider.value));
      if (next > Number(slider.max)) return stop();
      slider.value = String(next);
      show(next);
    }, 700);
  });
})();
