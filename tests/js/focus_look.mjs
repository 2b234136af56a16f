// Where the focused element is and how it looks, then how it looks once blurred, then the focus put back.
// Two frames let the page react to the focus (the theme opens its search then); transitions are finished
// before each look, so each is the settled one.

const settle = () => {
  for (const animation of document.getAnimations()) {
    if (animation.effect.getComputedTiming().endTime !== Infinity) animation.finish();
  }
};

const look = (element) => {
  settle();
  const style = getComputedStyle(element);
  return {
    outline: style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor,
    shadows: style.boxShadow,
    background: style.backgroundColor,
  };
};

// The nearest box behind the element that paints a background (none: the page's white).
const paintedBehind = (element) => {
  let behind = element.parentElement;
  while (behind && /^rgba\(.*, 0\)$/.test(getComputedStyle(behind).backgroundColor)) behind = behind.parentElement;
  return behind;
};

const onScreen = (element) => {
  const box = element.getBoundingClientRect();
  return (
    element.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
    box.width > 0 &&
    box.height > 0 &&
    box.right > 0 &&
    box.bottom > 0 &&
    box.left < innerWidth &&
    box.top < innerHeight
  );
};

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

// The theme reacts to a focus in its own time (it opens its search when the search box is focused): on a busy
// machine that can take more than two frames, so the focused element has up to a second to come into sight.
const inSight = async (element) => {
  const started = performance.now();
  for (settle(); !onScreen(element) && performance.now() - started < 1000; settle()) await nextFrame();
  return onScreen(element);
};

export default async () => {
  await nextFrame();
  await nextFrame();
  const element = document.activeElement;
  const shown = await inSight(element);
  const behind = paintedBehind(element);
  const focusVisible = element.matches(":focus-visible");
  const focused = look(element);
  element.blur();
  const unfocused = look(element);
  element.focus({ preventScroll: true, focusVisible: true });
  return {
    element: element.outerHTML.slice(0, 120),
    focusVisible,
    onScreen: shown,
    refocused: document.activeElement === element,
    backdrop: behind ? getComputedStyle(behind).backgroundColor : "rgb(255, 255, 255)",
    focused,
    unfocused,
  };
};
