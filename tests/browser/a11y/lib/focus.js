// Functions that run inside the page for the keyboard tests.

// Numbers every element that Tab should reach, in document order (the sites
// use no positive tabindex, so that is the tab order), and remembers how each
// looks without focus. Returns their descriptions, and those of any element
// with a positive tabindex.
export function tagFocusables() {
  // What has focus looks different; the baseline is how things look without it.
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  const selector = "a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]";
  const describe = (el) => `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ""}> "${(el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40)}"`;
  const look = (el) => {
    const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color,
      s.textDecorationLine, s.borderTopColor, s.borderBottomColor, s.borderBottomWidth].join("|");
  };
  const focusables = [...document.querySelectorAll(selector)].filter((el) =>
    el.tabIndex >= 0 && !el.disabled && !el.closest("[inert]") &&
    el.checkVisibility({ checkVisibilityCSS: true }) && el.getClientRects().length > 0);
  focusables.forEach((el, i) => {
    el.dataset.focusIndex = String(i);
    el.dataset.focusLook = look(el);
  });
  const positive = [...document.querySelectorAll("[tabindex]")].filter((el) => el.tabIndex > 0).map(describe);
  return { focusables: focusables.map(describe), positive };
}

// What has focus now: its number from tagFocusables (-1 for anything else),
// whether it looks different from how it looked without focus in a way that
// can be seen (an outline, a shadow, another background, colour, underline
// or border), and whether something covers it (WCAG 2.4.11).
export function focusState() {
  const el = document.activeElement;
  if (!el || el === document.body) return { index: -1, what: "<body>" };
  const s = getComputedStyle(el);
  const was = (el.dataset.focusLook || "").split("|");
  const now = [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color,
    s.textDecorationLine, s.borderTopColor, s.borderBottomColor, s.borderBottomWidth];
  const transparent = (colour) => colour === "transparent" || /rgba\(.*,\s*0\)$/.test(colour);
  const visible = [];
  if (now[0] !== "none" && parseFloat(now[1]) >= 1 && !transparent(now[2])) visible.push("outline");
  if (now[3] !== "none" && now[3] !== was[3]) visible.push("box-shadow");
  if (now[4] !== was[4] && !transparent(now[4])) visible.push("background");
  if (now[5] !== was[5]) visible.push("colour");
  if (now[6] !== was[6]) visible.push("underline");
  if (now[7] !== was[7] || now[8] !== was[8] || now[9] !== was[9]) visible.push("border");
  // Covered when the middle of each piece of it on screen (a link that wraps
  // has one piece per line) belongs to something else.
  const pieces = [...el.getClientRects()].map((r) => ({
    left: Math.max(r.left, 0), right: Math.min(r.right, window.innerWidth),
    top: Math.max(r.top, 0), bottom: Math.min(r.bottom, window.innerHeight),
  })).filter((r) => r.right > r.left && r.bottom > r.top);
  const covered = pieces.length > 0 && pieces.every((r) => {
    const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    return !(hit && (hit === el || el.contains(hit) || hit.contains(el)));
  });
  const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
  return {
    index: el.dataset.focusIndex ? Number(el.dataset.focusIndex) : -1,
    what: `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ""}> "${text}"`,
    indicator: visible,
    onScreen: pieces.length > 0,
    covered,
  };
}
