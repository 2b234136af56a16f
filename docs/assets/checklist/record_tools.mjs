// Keeping the record: copied for clinical notes, downloaded as JSON or printed, each time as Python makes it
// with the doctor's details as they stand.

import { evaluate, state } from "./answers.mjs";
import { h } from "./elements.mjs";
import { showRecord } from "./outcome_view.mjs";

// The record, with the doctor's details as they now stand, from Python: made again when a detail is done
// with, and before the record is copied, downloaded or printed. One at a time, in order.
let refreshed = Promise.resolve();
export function refreshRecord(screen) {
  refreshed = refreshed.catch(() => {}).then(async () => {
    state.result = await evaluate(state.asked, { timestamp: state.result.record.timestamp });
    showRecord(screen, state.result);
  });
  return refreshed;
}

export async function copy(screen) {
  const message = screen.querySelector(".cl-tool-status");
  await refreshRecord(screen);
  try {
    await navigator.clipboard.writeText(state.result.text);
    message.textContent = "Copied the record for clinical notes, as plain text.";
  } catch {
    message.textContent =
      "Your browser did not allow copying. Open “Show the record for clinical notes” and copy it from there.";
  }
}

export async function download(screen) {
  await refreshRecord(screen);
  const { record } = state.result;
  const url = URL.createObjectURL(new Blob([JSON.stringify(record, null, 2)], { type: "application/json" }));
  const stamp = (record.timestamp || "").replace(/[:.+]/g, "-");
  const link = h("a", { href: url, download: `decision-record-${stamp}.json` });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export async function print(screen) {
  await refreshRecord(screen);
  window.print();
}
