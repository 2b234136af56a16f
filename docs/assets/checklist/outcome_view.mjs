// The outcome screen: the steps and the paragraphs they rest on, as Python words them, "what if", and the
// record to keep.

import { whatIfForm } from "./comparison.mjs";
import { backButton, cited, dutyTag, h, heading, paragraphLink } from "./elements.mjs";

function step(item, paragraphs) {
  return h(
    "li",
    { class: `cl-action cl-action--${item.strength}` },
    dutyTag(item.strength, item.duty),
    " ",
    h("span", { class: "cl-action-text" }, item.text),
    " ",
    h("span", { class: "cl-cites" }, "(", cited(item.cited, paragraphs), ")"),
  );
}

// Our summary of a paragraph the extract refers to: marked as our words, each point with the GMC's strength.
function summaryBody(item) {
  return [
    h("p", { class: "our-words-label" }, item.note),
    h("p", {}, item.summary),
    item.points.length > 0 &&
      h(
        "ul",
        {},
        item.points.map((point) =>
          h("li", { "data-point": point.id }, point.duty && [dutyTag(point.strength, point.duty), " "], point.text),
        ),
      ),
  ];
}

// The GMC's own words, with the paragraph's footnotes.
function quotedBody(item) {
  return [
    h("blockquote", { class: "para-text" }, h("p", {}, item.text)),
    item.footnotes.map((note) => h("p", { class: "cl-footnote" }, `${note.symbol} ${note.text}`)),
  ];
}

function citation(item, paragraphs) {
  const link = paragraphLink(paragraphs[item.paragraph], item.link_words);
  link.classList.add("cl-guidance-link");
  return h(
    "details",
    { class: "cl-citation", "data-paragraph": item.paragraph },
    h("summary", {}, item.heading),
    item.quoted ? quotedBody(item) : summaryBody(item),
    h("p", {}, link),
  );
}

// The doctor's own details of the request, for the record: optional, in their words, kept in the page only.
function detailField({ id, label, hint, value }, { onDetail, onDetailDone }) {
  const field = `cl-detail-${id}`;
  const textarea = h("textarea", {
    class: "cl-textarea",
    id: field,
    name: id,
    rows: "2",
    maxlength: "2000",
    "aria-describedby": `${field}-hint cl-details-note`,
    oninput: (event) => onDetail(id, event.target.value),
    onchange: onDetailDone,
  });
  textarea.value = value;
  return h(
    "div",
    { class: "cl-form-group" },
    h("label", { class: "cl-label", for: field }, label),
    h("p", { class: "cl-hint", id: `${field}-hint` }, hint),
    textarea,
  );
}

function detailsForm({ details, recordNote, ...handlers }) {
  return h(
    "form",
    { class: "cl-details", novalidate: true, onsubmit: (event) => event.preventDefault() },
    h(
      "fieldset",
      { class: "cl-fieldset" },
      h(
        "legend",
        { class: "cl-legend" },
        h("h3", { class: "cl-details-title" }, "Your details of the request (optional)"),
      ),
      h("p", { class: "cl-hint", id: "cl-details-note" }, recordNote),
      details.map((detail) => detailField(detail, handlers)),
    ),
  );
}

function recordTools({ onCopy, onDownload, onPrint }) {
  const secondary = "cl-button cl-button--secondary";
  return h(
    "div",
    { class: "cl-tools" },
    h("button", { type: "button", class: "cl-button", onclick: onCopy }, "Copy for clinical notes"),
    h("button", { type: "button", class: secondary, onclick: onDownload }, "Download the full record (JSON)"),
    h("button", { type: "button", class: secondary, onclick: onPrint }, "Print the full record"),
  );
}

// "Keep a record": the doctor's details, the tools, and the record as Python made it.
function keepRecord({ text, markdown, details, recordNote, onDetail, onDetailDone, ...tools }) {
  return [
    h("h3", {}, "Keep a record"),
    h(
      "p",
      {},
      "The record lists your answers, the outcome and why, the steps and the paragraphs they rest on, and your ",
      "details below. It stays on this device unless you copy, download or print it.",
    ),
    detailsForm({ details, recordNote, onDetail, onDetailDone }),
    recordTools(tools),
    h("p", { class: "cl-tool-status", role: "status" }),
    h(
      "details",
      { class: "cl-record-text" },
      h("summary", {}, "Show the record for clinical notes"),
      // Focusable, so a keyboard can scroll a long record.
      h("pre", { class: "cl-notes-text", tabindex: "0" }, text),
    ),
    h("pre", { class: "cl-print-record" }, markdown),
  ];
}

// The record as Python last made it: for clinical notes on screen, in full for print.
export function showRecord(screen, { text, markdown }) {
  screen.querySelector(".cl-notes-text").textContent = text;
  screen.querySelector(".cl-print-record").textContent = markdown;
}

export function outcomeView({ record, screen: shown, paragraphs, whatIf, onStartAgain, onBack, ...keep }) {
  const { verdict } = record;
  return h(
    "div",
    { class: "cl-view cl-outcome", "data-verdict": verdict.id },
    backButton(onBack),
    h("div", { class: "cl-panel" }, h("p", { class: "cl-panel-caption" }, "Outcome"), heading("h2", verdict.title)),
    h("p", { class: "cl-explanation" }, verdict.explanation),
    h("h3", {}, "What to do"),
    h(
      "ol",
      { class: "cl-actions" },
      shown.actions.map((item) => step(item, paragraphs)),
    ),
    h("p", { class: "cl-why" }, h("strong", {}, "Why this outcome: "), `${record.why.words}.`),
    h("p", { class: "cl-basis" }, h("strong", {}, "Basis for sharing: "), `${record.basis.words}.`),
    h("h3", {}, "What the guidance says"),
    h("p", {}, "Open a paragraph to read it here, or follow its link to read it in the guidance."),
    shown.citations.map((item) => citation(item, paragraphs)),
    whatIfForm(whatIf),
    keepRecord(keep),
    h(
      "button",
      { type: "button", class: "cl-button cl-button--secondary cl-start-again", onclick: onStartAgain },
      "Start again",
    ),
  );
}
