// The answers given so far and what Python made of them, kept in this page's memory, and the calls that ask
// Python about them.

import { python } from "./start.mjs";

// asked: the questions Python asked, in order, each answered. values: every answer given, including
// answers to questions a changed answer has made unnecessary, so they are offered again if asked again.
// details: what the doctor writes on the outcome screen; kept in this page's memory only (never in history
// state, storage or the address), and gone with "Start again" or the page.
export const state = {
  asked: [],
  values: new Map(),
  details: new Map(),
  changing: false,
  result: null,
  busy: false,
  loaded: false,
};

export function answersOf(ids) {
  return Object.fromEntries(ids.map((id) => [id, state.values.get(id)]));
}

// The time as the doctor's clock shows it, with its offset from UTC, as the record keeps it.
function localTimestamp(date = new Date()) {
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? "-" : "+";
  const pad = (number) => String(Math.floor(Math.abs(number))).padStart(2, "0");
  const local = new Date(date.getTime() + offset * 60000).toISOString().slice(0, 19);
  return `${local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

export async function evaluate(ids, { timestamp = localTimestamp(), details = state.details } = {}) {
  const [outcome] = await python.evaluate([
    { answers: answersOf(ids), timestamp, details: Object.fromEntries(details) },
  ]);
  if (outcome.error) throw Object.assign(new Error(outcome.error), { refused: true });
  return outcome;
}

// Python walks the flow over every answer given, and says which questions it asked on the way; the record is
// then made of those answers alone.
export async function replay() {
  const [walked] = await python.evaluate([{ answers: Object.fromEntries(state.values) }]);
  if (walked.error) throw new Error(walked.error);
  state.asked = walked.record.asked;
  return evaluate(state.asked);
}
