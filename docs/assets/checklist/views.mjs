// The checklist's screens, built as DOM nodes from the questions data and the records Python returns.
// They display; they decide nothing.

const STRENGTH = { must: "Must", should: "Should" };

export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") element.className = value;
    else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  element.append(...children.flat().filter((child) => child !== undefined && child !== null && child !== false));
  return element;
}

const hidden = (text) => h("span", { class: "cl-visually-hidden" }, text);

function heading(level, text) {
  return h(level, { class: "cl-heading", tabindex: "-1" }, text);
}

function backButton(onBack) {
  return h("button", { type: "button", class: "cl-back", onclick: onBack }, "Back");
}

// A link to a paragraph of the guidance. It opens in a new tab, so the answers and notes on this page stay.
function paragraphLink(href, ...text) {
  return h("a", { href, target: "_blank" }, ...text, hidden(" (opens in a new tab)"));
}

// "From paragraphs 48 and 48a", each number linked to the paragraph in the guidance.
export function citedParagraphs(ids, links, lead = "From") {
  const words = [];
  ids.forEach((id, index) => {
    if (index > 0) words.push(index === ids.length - 1 ? " and " : ", ");
    words.push(paragraphLink(links[id], id));
  });
  return [`${lead} paragraph${ids.length > 1 ? "s" : ""} `, ...words];
}

export function questionView({ question, number, selected, error, paragraphs, onContinue, onBack }) {
  const errorId = "cl-error";
  const hintId = "cl-question-hint";
  const inputs = question.options.map((option, index) => {
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
  const form = h(
    "form",
    { class: "cl-form", novalidate: true, "data-question": question.id },
    error &&
      h(
        "div",
        { class: "cl-error-summary", role: "alert", tabindex: "-1", "aria-labelledby": "cl-error-summary-title" },
        h("h2", { class: "cl-error-summary-title", id: "cl-error-summary-title" }, "There is a problem"),
        h(
          "ul",
          { class: "cl-error-summary-list" },
          h(
            "li",
            {},
            h(
              "a",
              {
                href: "#cl-answer-0",
                onclick: (event) => {
                  event.preventDefault();
                  form.querySelector("#cl-answer-0").focus();
                },
              },
              error,
            ),
          ),
        ),
      ),
    h(
      "div",
      { class: error ? "cl-form-group cl-form-group--error" : "cl-form-group" },
      h(
        "fieldset",
        { class: "cl-fieldset", "aria-describedby": error ? `${hintId} ${errorId}` : hintId },
        h(
          "legend",
          { class: "cl-legend" },
          h("span", { class: "cl-caption" }, `Question ${number}`),
          heading("h2", question.text),
        ),
        h("p", { class: "cl-hint", id: hintId }, question.hint),
        error && h("p", { class: "cl-error-message", id: errorId }, hidden("Error: "), error),
        h("div", { class: "cl-radios" }, inputs),
      ),
    ),
    h("p", { class: "cl-cites" }, citedParagraphs(question.paragraphs, paragraphs)),
    h("button", { class: "cl-button", type: "submit" }, "Continue"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onContinue(form.elements.answer.value);
  });
  return h("div", { class: "cl-view" }, onBack && backButton(onBack), form);
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
      rows.map(({ question, label }) =>
        h(
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
        ),
      ),
    ),
    h("button", { type: "button", class: "cl-button", onclick: onContinue }, "See the outcome"),
  );
}

function action(item, paragraphs) {
  return h(
    "li",
    { class: `cl-action cl-action--${item.strength}` },
    h("span", { class: `duty-tag duty-tag--${item.strength}` }, STRENGTH[item.strength]),
    " ",
    h("span", { class: "cl-action-text" }, item.text),
    " ",
    h("span", { class: "cl-cites" }, "(", citedParagraphs(item.paragraphs, paragraphs, "see"), ")"),
  );
}

function citation(item, paragraphs) {
  const link = paragraphLink(paragraphs[item.paragraph], `Paragraph ${item.paragraph} in the guidance`);
  link.classList.add("cl-guidance-link");
  if (!item.quoted) {
    return h(
      "details",
      { class: "cl-citation", "data-paragraph": item.paragraph },
      h("summary", {}, item.label),
      h("p", { class: "our-words-label" }, item.note),
      h("p", {}, item.summary),
      item.points.length > 0 &&
        h(
          "ul",
          {},
          item.points.map((point) =>
            h(
              "li",
              { "data-point": point.id },
              STRENGTH[point.strength] && [
                h("span", { class: `duty-tag duty-tag--${point.strength}` }, STRENGTH[point.strength]),
                " ",
              ],
              point.text,
            ),
          ),
        ),
      h("p", {}, link),
    );
  }
  return h(
    "details",
    { class: "cl-citation", "data-paragraph": item.paragraph },
    h("summary", {}, `Paragraph ${item.paragraph}: the GMC's words`),
    h("blockquote", { class: "para-text" }, h("p", {}, item.text)),
    item.footnotes.map((note) => h("p", { class: "cl-footnote" }, `${note.symbol} ${note.text}`)),
    h("p", {}, link),
  );
}

// "What if one answer were different?": pick one change; Python's outcome for it appears beside this one. The
// changes are radio buttons under each question, so every choice is read whole, however narrow the screen.
function whatIfForm({ choices, onCompare }) {
  const byQuestion = new Map();
  choices.forEach((choice, index) => {
    const group = byQuestion.get(choice.question.id) ?? { question: choice.question, options: [] };
    group.options.push({ ...choice, index });
    byQuestion.set(choice.question.id, group);
  });
  const form = h(
    "form",
    { class: "cl-what-if", novalidate: true },
    [...byQuestion.values()].map(({ question, options }) =>
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
    ),
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

function citedWords({ after, added, dropped }) {
  const change = [added.length && `adds ${added.join(", ")}`, dropped.length && `drops ${dropped.join(", ")}`]
    .filter(Boolean)
    .join("; ");
  return `${after.join(", ")}${change ? ` (${change})` : ""}`;
}

// Python's comparison of the outcome reached with the outcome if one answer changed.
export function showComparison(screen, { verdict, citations }, { question, option }) {
  screen.querySelector(".cl-comparison").replaceChildren(
    h(
      "table",
      { class: "cl-comparison-table", "data-changed-verdict": verdict.after_id ?? "" },
      h("caption", {}, `If “${question.text}” were answered “${option.label}”`),
      h("thead", {}, h("tr", {}, h("td", {}), h("th", { scope: "col" }, "Your answers"), h("th", { scope: "col" }, "With this change"))),
      h(
        "tbody",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "row" }, "Outcome"),
          h("td", {}, verdict.before),
          h("td", {}, `${verdict.same ? "Same" : "Changes to"}: ${verdict.after}`),
        ),
        h(
          "tr",
          {},
          h("th", { scope: "row" }, "Paragraphs cited"),
          h("td", {}, citations.before.join(", ")),
          h("td", {}, citedWords(citations)),
        ),
      ),
    ),
  );
}

// The doctor's own details of the request, for the record: optional, in their words, kept in the page only.
function detailsForm({ details, recordNote, onDetail, onDetailDone }) {
  return h(
    "form",
    { class: "cl-details", novalidate: true, onsubmit: (event) => event.preventDefault() },
    h(
      "fieldset",
      { class: "cl-fieldset" },
      h("legend", { class: "cl-legend" }, h("h3", { class: "cl-details-title" }, "Your details of the request (optional)")),
      h("p", { class: "cl-hint", id: "cl-details-note" }, recordNote),
      details.map(({ id, label, hint, value }) => {
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
      }),
    ),
  );
}

// The record as Python last made it: for clinical notes on screen, in full for print.
export function showRecord(screen, { text, markdown }) {
  screen.querySelector(".cl-notes-text").textContent = text;
  screen.querySelector(".cl-print-record").textContent = markdown;
}

export function outcomeView({
  record,
  markdown,
  text,
  paragraphs,
  details,
  recordNote,
  onDetail,
  onDetailDone,
  onCopy,
  onDownload,
  onPrint,
  onStartAgain,
  onBack,
  whatIf,
}) {
  const { verdict } = record;
  return h(
    "div",
    { class: "cl-view cl-outcome", "data-verdict": verdict.id },
    backButton(onBack),
    h(
      "div",
      { class: "cl-panel" },
      h("p", { class: "cl-panel-caption" }, "Outcome"),
      heading("h2", verdict.title),
    ),
    h("p", { class: "cl-explanation" }, verdict.explanation),
    h("h3", {}, "What to do"),
    h(
      "ol",
      { class: "cl-actions" },
      record.actions.map((item) => action(item, paragraphs)),
    ),
    h("p", { class: "cl-why" }, h("strong", {}, "Why this outcome: "), `${record.why.words}.`),
    h("p", { class: "cl-basis" }, h("strong", {}, "Basis for sharing: "), `${record.basis.words}.`),
    h("h3", {}, "What the guidance says"),
    h("p", {}, "Open a paragraph to read it here, or follow its link to read it in the guidance."),
    record.citations.map((item) => citation(item, paragraphs)),
    whatIfForm(whatIf),
    h("h3", {}, "Keep a record"),
    h(
      "p",
      {},
      "The record lists your answers, the outcome and why, the steps and the paragraphs they rest on, and your ",
      "details below. It stays on this device unless you copy, download or print it.",
    ),
    detailsForm({ details, recordNote, onDetail, onDetailDone }),
    h(
      "div",
      { class: "cl-tools" },
      h("button", { type: "button", class: "cl-button", onclick: onCopy }, "Copy for clinical notes"),
      h(
        "button",
        { type: "button", class: "cl-button cl-button--secondary", onclick: onDownload },
        "Download the full record (JSON)",
      ),
      h("button", { type: "button", class: "cl-button cl-button--secondary", onclick: onPrint }, "Print the full record"),
    ),
    h("p", { class: "cl-tool-status", role: "status" }),
    h(
      "details",
      { class: "cl-record-text" },
      h("summary", {}, "Show the record for clinical notes"),
      // Focusable, so a keyboard can scroll a long record.
      h("pre", { class: "cl-notes-text", tabindex: "0" }, text),
    ),
    h("pre", { class: "cl-print-record" }, markdown),
    h("button", { type: "button", class: "cl-button cl-button--secondary cl-start-again", onclick: onStartAgain }, "Start again"),
  );
}
