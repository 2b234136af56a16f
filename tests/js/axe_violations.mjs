// axe-core's violations of the rules with these tags on the page as it is now. Transitions are finished first, so
// colours are checked as they settle, not half faded in.
export default async (tags) => {
  for (const animation of document.getAnimations()) {
    if (animation.effect.getComputedTiming().endTime !== Infinity) animation.finish();
  }
  const results = await axe.run(document, { runOnly: { type: "tag", values: tags } });
  return results.violations;
};
