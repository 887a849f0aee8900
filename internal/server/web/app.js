// Clicking a citation shows the supporting sentence inside its article.
// Citations are byte offsets into the article's UTF-8 text, so the text
// is sliced as bytes, not as JavaScript's UTF-16 units.
(function () {
  const panel = document.getElementById("evidence");
  if (!panel) return;
  const enc = new TextEncoder(), dec = new TextDecoder();
  const cache = {};
  async function article(id) {
    if (!cache[id]) {
      const r = await fetch("/api/articles/" + encodeURIComponent(id));
      if (!r.ok) throw new Error((await r.json()).error || r.statusText);
      cache[id] = await r.json();
    }
    return cache[id];
  }
  document.addEventListener("click", async (e) => {
    const b = e.target.closest("button.cite");
    if (b) {
      const a = await article(b.dataset.article).catch((err) => ({ error: String(err) }));
      const box = panel.querySelector(".article");
      box.textContent = "";
      if (a.error) {
        panel.querySelector(".from").textContent = a.error;
      } else {
        const bytes = enc.encode(a.text);
        const s = +b.dataset.start, t = +b.dataset.end;
        const mark = document.createElement("mark");
        mark.textContent = dec.decode(bytes.slice(s, t));
        box.append(dec.decode(bytes.slice(0, s)), mark, dec.decode(bytes.slice(t)));
        panel.querySelector(".from").textContent = [a.outlet, a.title].filter(Boolean).join(": ");
      }
      panel.hidden = false;
      const m = box.querySelector("mark");
      if (m) m.scrollIntoView({ block: "center" });
      return;
    }
    if (e.target.closest("#evidence .close")) panel.hidden = true;
  });
})();
