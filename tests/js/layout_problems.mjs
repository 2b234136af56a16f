// Each layout problem on the page as one line: sideways scroll, content outside the viewport, text cut off by an
// overflow:hidden box, and controls under 24 px square.

// biome-ignore-all lint/performance/useDomNodeTextContent: the text as laid out is what a reader sees.

const describe = (e) =>
  `<${e.tagName.toLowerCase()} class="${e.className}"> "${(e.innerText || e.value || "").trim().slice(0, 40)}"`;
const shown = (e) => e.checkVisibility({ opacityProperty: true, visibilityProperty: true });
const box = (e) => e.getBoundingClientRect();
// Screen-reader-only text is 1 px square; a closed drawer sits off the side of the screen.
const onScreen = (b, width) => b.width > 1 && b.height > 1 && b.right > 0 && b.left < width;
const scrolls = (e) => ["auto", "scroll"].includes(getComputedStyle(e).overflowX);
const inScroller = (e) => {
  for (let p = e.parentElement; p; p = p.parentElement) if (scrolls(p)) return true;
  return false;
};

function outsideTheViewport(width) {
  const problems = [];
  const root = document.scrollingElement;
  if (root.scrollWidth > root.clientWidth) problems.push(`scrolls sideways: ${root.scrollWidth} px wide`);
  for (const e of document.querySelectorAll(".md-content *")) {
    const b = box(e);
    if (shown(e) && b.width > 1 && b.height > 1 && !inScroller(e) && (b.left < -0.5 || b.right > width + 0.5)) {
      problems.push(`outside the viewport (${Math.round(b.left)} to ${Math.round(b.right)} px): ${describe(e)}`);
    }
  }
  return problems;
}

// The box that cuts the run of text off: one that hides its overflow, on screen, which the text is partly inside
// and partly past the edge of. Text wholly outside is hidden on purpose (a closed drawer); text in a scroller can
// be scrolled to.
function cuttingBox(text, t, width) {
  for (let clip = text.parentElement; clip && !scrolls(clip); clip = clip.parentElement) {
    const style = getComputedStyle(clip);
    const hidesX = ["hidden", "clip"].includes(style.overflowX);
    const hidesY = ["hidden", "clip"].includes(style.overflowY);
    const b = box(clip);
    const overlaps = t.left < b.right && t.right > b.left && t.top < b.bottom && t.bottom > b.top;
    if (!(hidesX || hidesY) || !onScreen(b, width) || !overlaps) continue;
    if (
      (hidesX && (t.left < b.left - 1 || t.right > b.right + 1)) ||
      (hidesY && (t.top < b.top - 1 || t.bottom > b.bottom + 1))
    ) {
      return clip;
    }
  }
  return null;
}

function textCutOff(width) {
  const problems = [];
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
    if (!text.textContent.trim() || !shown(text.parentElement)) continue;
    range.selectNodeContents(text);
    const clip = cuttingBox(text, range.getBoundingClientRect(), width);
    if (clip) problems.push(`text cut off: "${text.textContent.trim().slice(0, 40)}" in ${describe(clip)}`);
  }
  return problems;
}

const inSentence = (e) => {
  if (getComputedStyle(e).display !== "inline") return false;
  let block = e.parentElement;
  while (getComputedStyle(block).display === "inline") block = block.parentElement;
  return block.innerText.trim() !== e.innerText.trim();
};

function smallTargets(width) {
  const problems = [];
  const controls = "a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], [tabindex='0']";
  for (const e of document.querySelectorAll(controls)) {
    const b = box(e);
    if (shown(e) && onScreen(b, width) && !inSentence(e) && (b.width < 24 || b.height < 24)) {
      problems.push(`target ${Math.round(b.width)} by ${Math.round(b.height)} px: ${describe(e)}`);
    }
  }
  return problems;
}

export default () => {
  const width = document.documentElement.clientWidth;
  return [...outsideTheViewport(width), ...textCutOff(width), ...smallTargets(width)];
};
