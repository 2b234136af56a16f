// The question screens: one question at a time, and "Check your answers" before the outcome.

import { backButton, cited, h, heading, hidden } from "./elements.mjs";

const ERROR_ID = "cl-error";
const HINT_ID = "cl-question-hint";

// The error summary at the top of the form; its link moves the focus to the first answer.
function errorSummary(error, form) {
  const toFirstAnswer = (event) => {
    event.preventDefault();
    form.querySelector("#cl-answer-0").focus();
  };
  return h(
    "div",
    { class: "cl-error-summary", role: "alert", tabindex: "-1", "aria-labelledby": "cl-error-summary-title" },
    h("h2", { class: "cl-error-summary-title", id: "cl-error-summary-title" }, "There is a problem"),
    h(
      "ul",
      { class: "cl-error-summary-list" },
      h("li", {}, h("a", { href: "#cl-answer-0", onclick: toFirstAnswer }, error)),
    ),
  );
}

function answerRadios(question, selected) {
  return question.options.map((option, index) => {
    const id = `cl-answer-${index}`;
    return h(
      "div",
      { class: "cl-radio" },
      h("input", {
        class: "cl-radio-input",
        type: "radio",
        id,
        name: "answer",
        value: option.value,
        checked: option.value === selected,
        "aria-describedby": `${id}-hint`,
      }),
      h("label", { class: "cl-radio-label", for: id }, option.label),
      h("p", { class: "cl-radio-hint", id: `${id}-hint` }, option.hint),
    );
  });
}

function answerGroup({ question, number, selected, error }) {
  return h(
    "div",
    { class: error ? "cl-form-group cl-form-group--error" : "cl-form-group" },
    h(
      "fieldset",
      { class: "cl-fieldset", "aria-describedby": error ? `${HINT_ID} ${ERROR_ID}` : HINT_ID },
      h(
        "legend",
        { class: "cl-legend" },
        h("span", { class: "cl-caption" }, `Question ${number}`),
        heading("h2", question.text),
      ),
      h("p", { class: "cl-hint", id: HINT_ID }, question.hint),
      error && h("p", { class: "cl-error-message", id: ERROR_ID }, hidden("Error: "), error),
      h("div", { class: "cl-radios" }, answerRadios(question, selected)),
    ),
  );
}

export function questionView({ question, number, selected, error, paragraphs, onContinue, onBack }) {
  const form = h("form", { class: "cl-form", novalidate: true, "data-question": question.id });
  form.append(
    ...[
      error && errorSummary(error, form),
      answerGroup({ question, number, selected, error }),
      h("p", { class: "cl-cites" }, cited(question.cited, paragraphs)),
      h("button", { class: "cl-button", type: "submit" }, "Continue"),
    ].filter(Boolean),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onContinue(form.elements.answer.value);
  });
  return h("div", { class: "cl-view" }, onBack && backButton(onBack), form);
}

function summaryRow({ question, label }, onChange) {
  return h(
    "div",
    { class: "cl-summary-row", "data-question": question.id },
    h("dt", { class: "cl-summary-key" }, question.text),
    h("dd", { class: "cl-summary-value" }, label),
    h(
      "dd",
      { class: "cl-summary-actions" },
      h(
        "button",
        { type: "button", class: "cl-link-button", onclick: () => onChange(question.id) },
        "Change",
        hidden(` your answer to: ${question.text}`),
      ),
    ),
  );
}

export function checkView({ rows, onChange, onContinue, onBack }) {
  return h(
    "div",
    { class: "cl-view" },
    backButton(onBack),
    heading("h2", "Check your answers"),
    h(
      "dl",
      { class: "cl-summary" },
      rows.map((row) => summaryRow(row, onChange)),
    ),
    h("button", { type: "button", class: "cl-button", onclick: onContinue }, "See the outcome"),
  );
}
