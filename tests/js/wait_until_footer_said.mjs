// Resolves once the footer (record_status.mjs) has said the `first` words and says the words `now`; fails after
// `timeout` ms.
export default async ([first, now, timeout]) => {
  const started = performance.now();
  while (!(window.offlineWords.includes(first) && window.offlineWords.at(-1) === now)) {
    if (performance.now() - started > timeout) throw new Error(`The footer said ${window.offlineWords}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
