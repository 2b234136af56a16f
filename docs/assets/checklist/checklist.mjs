// The checklist page: turns the printed list of questions into one question at a time.
// Python (in a Web Worker) decides which question comes next and what the outcome is;
// this module keeps the answers, shows what Python returns and moves the focus.

import { buildSearchIndexAfter } from "./search_index.mjs";
import { python, siteRoot } from "./start.mjs";
import { checkView, h, outcomeView, questionView, showComparison } from "./views.mjs";

const app = document.getElementById("checklist-app");
const data = JSON.parse(document.getElementById("checklist-data").textContent);
const printable = document.getElementById("all-questions");
const questions = new Map(data.questions.map((question) => [question.id, question]));

const status = h("p", { class: "cl-status", role: "status" }, "Loading the checklist. You can start answering now.");
const alert = h("div", { class: "cl-alert", role: "alert" });
const view = h("div", { class: "cl-screen" });

// asked: the questions Python asked, in order, each answered. values: every answer given, including
// answers to questions a changed answer has made unnecessary, so they are offered again if asked again.
const state = { asked: [], values: new Map(), changing: false, result: null, busy: false, loaded: false };
const pageTitle = document.title;

function show(screen, { focus = true, error = false } = {}) {
  document.title = error ? `Error: ${pageTitle}` : pageTitle;
  view.replaceChildren(screen);
  if (focus) (screen.querySelector(".cl-error-summary") || screen.querySelector(".cl-heading")).focus();
}

function answersOf(ids) {
  return Object.fromEntries(ids.map((id) => [id, state.values.get(id)]));
}

async function evaluate(ids) {
  const [outcome] = await python.evaluate([{ answers: answersOf(ids), timestamp: new Date().toISOString() }]);
  if (outcome.error) throw new Error(outcome.error);
  return outcome;
}

function askQuestion(id, { error = null, focus = true } = {}) {
  const position = state.asked.indexOf(id);
  const before = position === -1 ? state.asked.length : position;
  const question = questions.get(id);
  show(
    questionView({
      question,
      number: before + 1,
      selected: state.values.get(id),
      error,
      paragraphs: data.paragraphs,
      onContinue: (value) => answer(id, value),
      onBack: state.changing ? showCheck : before > 0 ? () => askQuestion(state.asked[before - 1]) : null,
    }),
    { focus, error: Boolean(error) },
  );
}

async function answer(id, value) {
  if (!value) {
    askQuestion(id, { error: "Select one of the answers" });
    return;
  }
  if (state.busy) return;
  state.busy = true;
  const position = state.asked.indexOf(id);
  state.asked = [...state.asked.slice(0, position === -1 ? state.asked.length : position), id];
  state.values.set(id, value);
  const waiting = setTimeout(() => {
    if (!state.loaded) status.textContent = "Still loading the checklist. The next question appears when it is ready.";
  }, 400);
  try {
    // After a change from "Check your answers", earlier answers are offered again for as long as Python asks them.
    showResult(state.changing ? await replay() : await evaluate(state.asked));
  } catch (error) {
    failed(error);
  } finally {
    clearTimeout(waiting);
    state.busy = false;
  }
}

// Ask Python again and again, adding each answer already given that it asks for next, until it asks for one
// that has not been given or reaches an outcome.
async function replay() {
  let outcome = await evaluate(state.asked);
  while (outcome.record.next_question && state.values.has(outcome.record.next_question.id)) {
    state.asked.push(outcome.record.next_question.id);
    outcome = await evaluate(state.asked);
  }
  return outcome;
}

function showResult(outcome) {
  state.result = outcome;
  if (outcome.record.verdict) {
    showCheck();
  } else {
    state.changing = false;
    askQuestion(outcome.record.next_question.id);
  }
}

function showCheck() {
  state.changing = false;
  show(
    checkView({
      rows: state.asked.map((id) => {
        const question = questions.get(id);
        return { question, label: question.options.find((o) => o.value === state.values.get(id)).label };
      }),
      onChange: (id) => {
        state.changing = true;
        askQuestion(id);
      },
      onContinue: showOutcome,
      onBack: () => askQuestion(state.asked.at(-1)),
    }),
  );
}

function showOutcome() {
  const { record, markdown } = state.result;
  const screen = outcomeView({
    record,
    markdown,
    paragraphs: data.paragraphs,
    onCopy: () => copy(markdown, screen),
    onDownload: () => download(record),
    onStartAgain: startAgain,
    onBack: showCheck,
    whatIf: {
      choices: state.asked.flatMap((id) =>
        questions
          .get(id)
          .options.filter((option) => option.value !== state.values.get(id))
          .map((option) => ({ question: questions.get(id), option })),
      ),
      onCompare: (questionId, value) => compare(questionId, value, screen),
    },
  });
  show(screen);
}

// "What if": the same answers with one changed, decided by Python, shown beside the outcome reached.
async function compare(questionId, value, screen) {
  const [changed] = await python.evaluate([
    { answers: { ...answersOf(state.asked), [questionId]: value }, timestamp: state.result.record.timestamp },
  ]);
  if (changed.error) throw new Error(changed.error);
  showComparison(screen, state.result.record, changed.record, {
    question: questions.get(questionId),
    option: questions.get(questionId).options.find((o) => o.value === value),
  });
}

async function copy(markdown, screen) {
  const message = screen.querySelector(".cl-tool-status");
  try {
    await navigator.clipboard.writeText(markdown);
    message.textContent = "Copied the record as Markdown.";
  } catch {
    message.textContent = "Your browser did not allow copying. Open “Show the record as text” and copy it from there.";
  }
}

function download(record) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(record, null, 2)], { type: "application/json" }));
  const stamp = (record.timestamp || "").replace(/[:.]/g, "-");
  const link = h("a", { href: url, download: `decision-record-${stamp}.json` });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function startAgain() {
  Object.assign(state, { asked: [], values: new Map(), changing: false, result: null });
  askQuestion(data.first);
}

function failed(error) {
  console.error(error);
  status.textContent = "";
  view.replaceChildren();
  printable.hidden = false;
  alert.replaceChildren(
    h("h2", { class: "cl-alert-title" }, "The checklist could not start in this browser"),
    h(
      "p",
      {},
      "It needs to load a small Python program, and that did not work. Nothing you entered was sent anywhere. ",
      "You can still use ",
      h("a", { href: "#all-questions" }, "the printable list of all the questions"),
      " below, with the decision table.",
    ),
  );
}

// Closed quotations would not print: open them for printing, then put them back as they were.
let closed = [];
window.addEventListener("beforeprint", () => {
  closed = [...view.querySelectorAll("details:not([open])")];
  for (const details of closed) details.open = true;
});
window.addEventListener("afterprint", () => {
  for (const details of closed) details.open = false;
});

// Answers in the address (a training card's "open this scenario in the checklist" link): Python checks them,
// then the checklist goes as far as they take it, and the doctor can check and change each one.
async function prefill(answers) {
  const [checked] = await python.evaluate([{ answers }]);
  if (checked.error) {
    alert.replaceChildren(
      h("p", {}, "The answers in this link could not be used, so the checklist starts from the beginning. ", checked.error),
    );
    return;
  }
  state.values = new Map(Object.entries(answers));
  state.asked = [];
  showResult(await replay());
  status.textContent = "The answers from the link are filled in. Check them, and change any that do not fit.";
}

buildSearchIndexAfter(python.answered, siteRoot);

const linked = [...new URLSearchParams(location.search)].filter(([id]) => questions.has(id));

app.replaceChildren(status, alert, view);
app.hidden = false;
printable.hidden = true;
askQuestion(data.first, { focus: false });
performance.mark("checklist-first-question");
if (linked.length > 0) {
  status.textContent = "Filling in the answers from the link when the checklist is ready.";
  prefill(Object.fromEntries(linked)).catch(failed);
}

// The first Python result: the question Python asks first. Sent now, it is answered as soon as Python is ready.
evaluate([]).then(() => {
  state.loaded = true;
  performance.mark("checklist-ready");
  status.textContent = "The checklist is ready.";
}, failed);
