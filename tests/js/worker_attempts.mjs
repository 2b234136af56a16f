// What code running in a worker may do: run text, fetch from `elsewhere` (another origin), fetch from its own site.
// DevTools' own evaluation is exempt from the worker's policy: the attempts are made after it, as the worker's own
// code would make them.
export default async (elsewhere) => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  const attempt = async (action) => {
    try {
      await action();
      return "allowed";
    } catch (error) {
      return error.name;
    }
  };
  return {
    // biome-ignore lint/security/noGlobalEval: the worker's policy must refuse it, which is what this tries.
    evaluateText: await attempt(() => eval("1 + 1")),
    fetchElsewhere: await attempt(() => fetch(elsewhere, { mode: "no-cors" })),
    fetchSite: await attempt(() => fetch(self.location.href)),
  };
};
