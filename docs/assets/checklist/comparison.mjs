// Two outcomes side by side, as Python compares them: "what if one answer were different?" on the outcome
// screen, and a saved record against today's checklist.

import { h } from "./elements.mjs";

// The comparison table both share: the outcome, and the paragraphs cited, before and after.
export function comparisonTable({ caption, columns, comparison: { verdict, citations }, attributes = {} }) {
  const row = (title, before, after) =>
    h("tr", {}, h("th", { scope: "row" }, title), h("td", {}, before), h("td", {}, after));
  return h(
    "table",
    { class: "cl-comparison-table", ...attributes },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, h("td", {}), ...columns.map((column) => h("th", { scope: "col" }, column)))),
    h(
      "tbody",
      {},
      row("Outcome", verdict.before, `${verdict.same ? "Same" : "Changes to"}: ${verdict.after}`),
      row("Paragraphs cited", citations.words.before, citations.words.after),
    ),
  );
}

// The changes are radio buttons under each question, so every choice is read whole, however narrow the screen.
function changesByQuestion(choices) {
  const byQuestion = new Map();
  choices.forEach((choice, index) => {
    const group = byQuestion.get(choice.question.id) ?? { question: choice.question, options: [] };
    group.options.push({ ...choice, index });
    byQuestion.set(choice.question.id, group);
  });
  return [...byQuestion.values()].map(({ question, options }) =>
    h(
      "fieldset",
      { class: "cl-fieldset cl-what-if-question" },
      h("legend", { class: "cl-what-if-legend" }, question.text),
      options.map(({ option, index }) => {
        const id = `cl-what-if-${index}`;
        return h(
          "div",
          { class: "cl-radio" },
          h("input", { class: "cl-radio-input", type: "radio", id, name: "change", value: String(index) }),
          h("label", { class: "cl-radio-label", for: id }, option.label),
        );
      }),
    ),
  );
}

// "What if one answer were different?": pick one change; Python's outcome for it appears beside this one.
export function whatIfForm({ choices, onCompare }) {
  const form = h(
    "form",
    { class: "cl-what-if", novalidate: true },
    changesByQuestion(choices),
    h("button", { type: "submit", class: "cl-button cl-button--secondary" }, "Compare"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const picked = form.elements.change.value;
    if (picked === "") return;
    const { question, option } = choices[Number(picked)];
    onCompare(question.id, option.value);
  });
  // Closed at first: the doctor with a caller waiting needs the steps and the record; the comparison is for
  // when there is time, and for training.
  return h(
    "details",
    { class: "cl-what-if-box" },
    h("summary", {}, "What if one answer were different?"),
    h("p", {}, "Choose a change to see, side by side, how the outcome and the paragraphs cited would change."),
    form,
    h("div", { class: "cl-comparison", "aria-live": "polite" }),
  );
}

// Python's comparison of the outcome reached with the outcome if one answer changed.
export function showComparison(screen, comparison, { question, option }) {
  screen.querySelector(".cl-comparison").replaceChildren(
    comparisonTable({
      caption: `If “${question.text}” were answered “${option.label}”`,
      columns: ["Your answers", "With this change"],
      comparison,
      attributes: { "data-changed-verdict": comparison.verdict.after_id ?? "" },
    }),
  );
}
