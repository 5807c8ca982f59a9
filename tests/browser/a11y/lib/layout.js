// Checks of a page's layout that run inside the browser. Each returns a list
// of problems, empty when all is well, so a failure names every element.

// WCAG 1.4.10 Reflow: at the width of the window nothing scrolls sideways and
// no text is cut off. Data tables may scroll sideways inside a region that can
// be focused (and so scrolled with the keyboard); that is the reflow exception
// for two-dimensional content.
export function reflowProblems() {
  const problems = [];
  const width = window.innerWidth;
  const describe = (el) => {
    const classes = typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") : "";
    const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return `<${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${classes}> "${text}"`;
  };
  if (document.documentElement.scrollWidth > width)
    problems.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${width}px window, so it scrolls sideways`);
  const scrollRegion = (el) => {
    for (let a = el.parentElement; a; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (["auto", "scroll"].includes(style.overflowX)) return a;
    }
    return null;
  };
  for (const el of document.body.querySelectorAll("*")) {
    // Hidden on purpose: the skip link until it is focused, text for screen readers.
    if (el.closest(".visually-hidden, .skip-link:not(:focus)")) continue;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden" || el.getClientRects().length === 0) continue;
    const clipsX = ["hidden", "clip"].includes(style.overflowX);
    const clipsY = ["hidden", "clip"].includes(style.overflowY);
    if (clipsX && el.scrollWidth > el.clientWidth + 1)
      problems.push(`${describe(el)} cuts off its content sideways (${el.scrollWidth}px in ${el.clientWidth}px)`);
    if (clipsY && el.scrollHeight > el.clientHeight + 1)
      problems.push(`${describe(el)} cuts off its content at the bottom (${el.scrollHeight}px in ${el.clientHeight}px)`);
    if (style.textOverflow === "ellipsis" && el.scrollWidth > el.clientWidth)
      problems.push(`${describe(el)} cuts its text off with an ellipsis`);
    if (["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && el.tabIndex < 0)
      problems.push(`${describe(el)} scrolls sideways but cannot be focused, so a keyboard cannot scroll it`);
    const box = el.getBoundingClientRect();
    if (box.width > 0 && (box.right > width + 1 || box.left < -1) && !scrollRegion(el))
      problems.push(`${describe(el)} reaches from ${Math.round(box.left)}px to ${Math.round(box.right)}px, outside the ${width}px window`);
  }
  return problems;
}

// Things that stay on screen while the page scrolls (position: sticky or
// fixed) and how much of the window's height they cover. At 400 % zoom the
// window is only about 256 CSS pixels tall, and a sticky bar that covers half
// of it hides what has focus (WCAG 2.4.11) and leaves little room to read.
export function stuckElements() {
  const stuck = [];
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    if (!["sticky", "fixed"].includes(style.position) || style.display === "none") continue;
    const box = el.getBoundingClientRect();
    stuck.push({ element: `<${el.tagName.toLowerCase()} class="${el.className}">`, height: Math.round(box.height) });
  }
  return { stuck, windowHeight: window.innerHeight };
}

// WCAG 1.4.12 Text spacing: the page must still work when a reader's own
// style sheet sets these spacings.
export const TEXT_SPACING_CSS = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`;

// How the page uses a wide window: the width of <main>, and the number of
// columns of each grid of cards.
export function wideLayout() {
  const main = document.querySelector("main");
  const grids = [...document.querySelectorAll(".card-list--grid")].map((grid) => {
    const lefts = new Set([...grid.children].map((c) => Math.round(c.getBoundingClientRect().left)));
    return { cards: grid.children.length, columns: lefts.size };
  });
  return { mainWidth: Math.round(main.getBoundingClientRect().width), grids };
}
