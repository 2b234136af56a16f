// "Check a saved record": a decision record the doctor downloaded is read on this device, and Python
// replays its answers on today's rules. This module reads the file and shows Python's comparison.

import { comparisonTable } from "./comparison.mjs";
import { h } from "./elements.mjs";

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
          step.duty ? `${step.duty}: ` : "",
          step.text,
          step.paragraph_list ? ` (${step.paragraph_list})` : "",
        ),
      ),
    ),
  ];
}

function versions(result) {
  if (result.same_version) return "The record was made with this version of the checklist.";
  const made = result.saved_version
    ? `another version of the checklist (decision table ${result.saved_version})`
    : "an unknown version of the checklist";
  return `The record was made with ${made}; today's decision table is ${result.current_version}.`;
}

function comparison(result) {
  return [
    h(
      "h3",
      { class: "cl-recheck-verdict", "data-unchanged": String(result.unchanged) },
      result.unchanged
        ? "Today's checklist gives the same outcome, steps and paragraphs"
        : "Today's checklist would advise differently",
    ),
    h("p", {}, versions(result)),
    comparisonTable({
      caption: "The saved record and today's checklist, for the same answers",
      columns: ["Saved record", "Today"],
      comparison: result,
    }),
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

const refusal = (words) => h("p", { class: "cl-recheck-error" }, words);

// Python's comparison, or why the file cannot be checked.
async function checkFile(file, python, output) {
  let saved;
  try {
    saved = JSON.parse(await file.text());
  } catch {
    output.replaceChildren(refusal("This file is not a decision record: it is not JSON."));
    return;
  }
  output.replaceChildren(h("p", {}, "Checking the record…"));
  try {
    const [outcome] = await python.evaluate([{ recheck: saved }]);
    output.replaceChildren(
      ...(outcome.error ? [refusal(`This file cannot be checked: ${outcome.error}.`)] : comparison(outcome.recheck)),
    );
  } catch {
    output.replaceChildren(refusal("The checklist could not start, so the record cannot be checked here."));
  }
}

export function checkSavedRecords(python) {
  const section = document.getElementById("check-a-saved-record");
  if (!section) return;
  const input = section.querySelector("#cl-recheck-file");
  const output = section.querySelector(".cl-recheck-result");
  section.hidden = false;
  input.addEventListener("change", () => {
    const [file] = input.files;
    if (file) checkFile(file, python, output);
  });
}
