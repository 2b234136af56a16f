// "Check a saved record": a decision record the doctor downloaded is read on this device, and Python
// replays its answers on today's rules. This module reads the file and shows Python's comparison.

import { h } from "./views.mjs";

const STRENGTH = { must: "Must", should: "Should" };

function steps(title, items) {
  if (items.length === 0) return [];
  return [
    h("h4", {}, title),
    h(
      "ul",
      {},
      items.map((step) =>
        h(
          "li",
          {},
          STRENGTH[step.strength] ? `${STRENGTH[step.strength]}: ` : "",
          step.text,
          step.paragraphs.length > 0 ? ` (${step.paragraphs.join(", ")})` : "",
        ),
      ),
    ),
  ];
}

function comparison(result) {
  const { verdict, citations } = result;
  const changes = [citations.added.length && `adds ${citations.added.join(", ")}`, citations.dropped.length && `drops ${citations.dropped.join(", ")}`]
    .filter(Boolean)
    .join("; ");
  return [
    h("h3", { class: "cl-recheck-verdict", "data-unchanged": String(result.unchanged) }, result.unchanged
      ? "Today's checklist gives the same outcome, steps and paragraphs"
      : "Today's checklist would advise differently"),
    h(
      "p",
      {},
      result.same_version
        ? "The record was made with this version of the checklist."
        : `The record was made with ${result.saved_version ? `another version of the checklist (decision table ${result.saved_version})` : "an unknown version of the checklist"}; today's decision table is ${result.current_version}.`,
    ),
    h(
      "table",
      { class: "cl-comparison-table" },
      h("caption", {}, "The saved record and today's checklist, for the same answers"),
      h("thead", {}, h("tr", {}, h("td", {}), h("th", { scope: "col" }, "Saved record"), h("th", { scope: "col" }, "Today"))),
      h(
        "tbody",
        {},
        h("tr", {}, h("th", { scope: "row" }, "Outcome"), h("td", {}, verdict.before), h("td", {}, `${verdict.same ? "Same" : "Changes to"}: ${verdict.after}`)),
        h(
          "tr",
          {},
          h("th", { scope: "row" }, "Paragraphs cited"),
          h("td", {}, citations.before.join(", ")),
          h("td", {}, `${citations.after.join(", ")}${changes ? ` (${changes})` : " (no change)"}`),
        ),
      ),
    ),
    ...steps("Steps today's checklist adds", result.steps.added),
    ...steps("Steps it no longer gives", result.steps.dropped),
    ...steps("Steps whose words or strength have changed (today's words)", result.steps.changed),
    h("h4", {}, "The record's answers"),
    h(
      "ul",
      {},
      result.answers.map(({ question, answer }) => h("li", {}, `${question} ${answer}`)),
    ),
  ];
}

export function checkSavedRecords(python) {
  const section = document.getElementById("check-a-saved-record");
  if (!section) return;
  const input = section.querySelector("#cl-recheck-file");
  const output = section.querySelector(".cl-recheck-result");
  section.hidden = false;
  input.addEventListener("change", async () => {
    const [file] = input.files;
    if (!file) return;
    let saved;
    try {
      saved = JSON.parse(await file.text());
    } catch {
      output.replaceChildren(h("p", { class: "cl-recheck-error" }, "This file is not a decision record: it is not JSON."));
      return;
    }
    output.replaceChildren(h("p", {}, "Checking the record…"));
    try {
      const [outcome] = await python.evaluate([{ recheck: saved }]);
      output.replaceChildren(
        ...(outcome.error ? [h("p", { class: "cl-recheck-error" }, `This file cannot be checked: ${outcome.error}.`)] : comparison(outcome.recheck)),
      );
    } catch {
      output.replaceChildren(h("p", { class: "cl-recheck-error" }, "The checklist could not start, so the record cannot be checked here."));
    }
  });
}
