// The treaty page's year slider and play button: recolours the map and the counts for a day, from
// /treaties/{id}/map.json?on=YYYY-MM-DD. Without JavaScript the date form above does the same by reloading.
(() => {
  "use strict";
  const slider = document.getElementById("date-slider");
  const map = document.getElementById("map");
  if (!slider || !map || !window.fetch) return;
  const treaty = slider.dataset.treaty;
  const monthDay = slider.dataset.monthday || "01-01";
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

  const leap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dayOf = (year) => `${String(year).padStart(4, "0")}-${monthDay === "02-29" && !leap(year) ? "02-28" : monthDay}`;
  let asked = 0;

  async function show(year) {
    const mine = ++asked;
    const day = dayOf(year);
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
      if (Number(slider.value) >= Number(slider.max)) return stop();
      slider.value = String(Number(slider.value) + 1);
      show(Number(slider.value));
    }, 700);
  });
})();
