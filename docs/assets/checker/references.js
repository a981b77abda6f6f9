// A legal reference opens in place. The answers live only in this page, so a citation (法第113条第4号,
// 公示5(2)（注1）) never navigates away: it opens the article or the notice's section in the page's
// dialog (Python draws it, with its words: render.parts.reference_dialog), with a link that opens the
// whole page in a new tab. The texts are the site's own, cut from the built law and notice pages
// (build/hooks/references.py) into references.json beside this script, fetched from this site the
// first time a reference is opened. Nothing is sent with it. Without the dialog, the link itself
// opens the page in a new tab (target="_blank"): never in this one.
const root = document.getElementById("checker");
let texts = null; // the fetch of references.json, once
let opener = null; // the link that opened the dialog: focus goes back to it

const load = () => {
  texts ??= fetch(new URL("./references.json", import.meta.url), { credentials: "same-origin" })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`references.json: ${response.status}`))))
    .catch((error) => { texts = null; throw error; }); // a later reference tries again
  return texts;
};

const part = (dialog, name) => dialog.querySelector(`[data-reference-${name}]`);

const open = (dialog, link) => {
  const key = link.dataset.ref;
  opener = link;
  part(dialog, "title").textContent = link.textContent;
  part(dialog, "cited").textContent = link.textContent;
  part(dialog, "text").replaceChildren();
  part(dialog, "failed").hidden = true;
  part(dialog, "wait").hidden = false;
  const page = part(dialog, "page");
  page.href = link.href;
  part(dialog, "page-name").textContent = "";
  dialog.showModal();
  dialog.dataset.ref = key;
  load().then((all) => {
    if (dialog.dataset.ref !== key || !dialog.open) return; // another reference since, or closed
    const entry = all[key];
    if (!entry) throw new Error(`references.json has no ${key}`);
    part(dialog, "title").textContent = entry.title;
    part(dialog, "page-name").textContent = entry.page;
    // The site's own text, cut and cleaned at build time (no script, no style, links to new tabs).
    part(dialog, "text").innerHTML = entry.html;
    part(dialog, "wait").hidden = true;
  }).catch((error) => {
    console.error(error);
    if (dialog.dataset.ref !== key) return;
    part(dialog, "wait").hidden = true;
    part(dialog, "failed").hidden = false;
  });
};

root?.addEventListener("click", (event) => {
  const close = event.target.closest("[data-reference-close]");
  if (close) { close.closest("dialog").close(); return; }
  // A tap outside the dialog's box (on its backdrop) closes it too.
  if (event.target.matches?.("dialog[data-reference]")) {
    const box = event.target.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) event.target.close();
    return;
  }
  const link = event.target.closest("a[data-ref]");
  // A click meant for a new tab or window (a modifier, the middle button) is the browser's own.
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const dialog = root.querySelector("dialog[data-reference]");
  if (!dialog || typeof dialog.showModal !== "function") return; // the link opens a new tab
  event.preventDefault();
  open(dialog, link);
});

// Closed by its button or Escape: focus back on the reference, the page not scrolled.
root?.addEventListener("close", (event) => {
  if (!event.target.matches?.("dialog[data-reference]")) return;
  delete event.target.dataset.ref;
  if (opener?.isConnected) opener.focus({ preventScroll: true });
  opener = null;
}, true);
