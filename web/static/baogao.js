// Baogao's page behaviour: keyboard focus, the phone filter button, hit-by-hit reading of a
// report, and citation copying. Everything works without it, except these conveniences.
(function () {
  "use strict";

  function typing(event) {
    const el = event.target;
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  // "/" focuses the search box, as on most search sites.
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && !typing(event) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const box = document.querySelector(".searchbox input[name=q]");
      if (box) { event.preventDefault(); box.focus(); box.select(); }
    }
  });

  // On a phone the facets sit behind a "筛选" button at the top.
  const toggle = document.querySelector(".facets-toggle");
  const facets = document.getElementById("facets");
  if (toggle && facets) {
    toggle.addEventListener("click", function () {
      const open = facets.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // A report read hit by hit: buttons and the n / p keys move between matching blocks.
  const hits = Array.from(document.querySelectorAll(".hit-block"));
  const counter = document.getElementById("hit-current");
  let current = -1;

  function show(index) {
    if (!hits.length) { return; }
    current = (index + hits.length) % hits.length;
    hits.forEach(function (el, i) { el.classList.toggle("current-hit", i === current); });
    hits[current].scrollIntoView({ block: "center" });
    history.replaceState(null, "", "#" + hits[current].id);
    if (counter) { counter.textContent = String(current + 1); }
  }

  if (hits.length) {
    const start = hits.findIndex(function (el) { return "#" + el.id === location.hash; });
    if (start >= 0) { show(start); }
    const next = document.getElementById("hit-next");
    const prev = document.getElementById("hit-prev");
    if (next) { next.addEventListener("click", function () { show(current + 1); }); }
    if (prev) { prev.addEventListener("click", function () { show(current < 0 ? -1 : current - 1); }); }
    document.addEventListener("keydown", function (event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) { return; }
      if (event.key === "n") { show(current + 1); }
      if (event.key === "p") { show(current < 0 ? -1 : current - 1); }
    });
  }

  // "复制引用" copies 《title》（place，year）第n段 and the block's permalink.
  function copied(button) {
    const text = button.textContent;
    button.textContent = "已复制";
    setTimeout(function () { button.textContent = text; }, 1500);
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest ? event.target.closest("button.cite") : null;
    if (!button) { return; }
    const text = button.getAttribute("data-cite");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { copied(button); });
    } else {
      const area = document.createElement("textarea");
      area.value = text;
      document.body.appendChild(area);
      area.select();
      document.execCommand("copy");
      area.remove();
      copied(button);
    }
  });
}());
