// The checklist page: turns the printed list of questions into one question at a time.
// Python (in a Web Worker) decides which question comes next and what the outcome is;
// this module keeps the answers, shows what Python returns and moves the focus.

import { answersOf, evaluate, replay, state } from "./answers.mjs";
import { showComparison } from "./comparison.mjs";
import { h } from "./elements.mjs";
import { outcomeView } from "./outcome_view.mjs";
import { checkView, questionView } from "./question_views.mjs";
import { checkSavedRecords } from "./recheck.mjs";
import { copy, download, print, refreshRecord } from "./record_tools.mjs";
import { buildSearchIndexAfter } from "./search_index.mjs";
import { python, siteRoot } from "./start.mjs";

const app = document.getElementById("checklist-app");
const data = JSON.parse(document.getElementById("checklist-data").textContent);
const printable = document.getElementById("all-questions");
const questions = new Map(data.questions.map((question) => [question.id, question]));

const LOADING = "Loading the checklist. You can start answering now.";
const STILL_LOADING = "Still loading the checklist. The next question appears when it is ready.";
const status = h("p", { class: "cl-status", role: "status" }, LOADING);
const alert = h("div", { class: "cl-alert", role: "alert" });
const view = h("div", { class: "cl-screen" });

const pageTitle = document.title;

// Each screen is an entry in the tab's history, holding the answers so far (never the doctor's details), so
// that the browser's Back and Forward move between screens and a reload comes back to the same one.
function remember(place, how) {
  if (how === "none") return;
  const entry = { checklist: true, place, asked: [...state.asked], values: Object.fromEntries(state.values) };
  if (how === "replace") history.replaceState(entry, "");
  else history.pushState(entry, "");
}

function show(screen, place, { focus = true, error = false, how = "push" } = {}) {
  document.title = error ? `Error: ${pageTitle}` : pageTitle;
  view.replaceChildren(screen);
  remember(place, how);
  if (focus) (screen.querySelector(".cl-error-summary") || screen.querySelector(".cl-heading")).focus();
}

function askQuestion(id, { error = null, focus = true, how = "push" } = {}) {
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
      onBack: state.changing ? () => showCheck() : before > 0 ? () => askQuestion(state.asked[before - 1]) : null,
    }),
    { screen: "question", id },
    { focus, error: Boolean(error), how: error ? "replace" : how },
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
  remember({ screen: "question", id }, "replace"); // Back to this question shows the answer given
  const waiting = setTimeout(() => {
    if (!state.loaded) status.textContent = STILL_LOADING;
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

function showResult(outcome, { how = "push" } = {}) {
  state.result = outcome;
  if (outcome.record.verdict) {
    showCheck({ how });
  } else {
    state.changing = false;
    askQuestion(outcome.record.next_question.id, { how });
  }
}

function showCheck({ how = "push" } = {}) {
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
      onContinue: () => showOutcome(),
      onBack: () => askQuestion(state.asked.at(-1)),
    }),
    { screen: "check" },
    { how },
  );
}

function showOutcome({ how = "push" } = {}) {
  const { record, markdown, text, screen: shown } = state.result;
  const screen = outcomeView({
    record,
    screen: shown,
    markdown,
    text,
    paragraphs: data.paragraphs,
    details: data.details.map((detail) => ({ ...detail, value: state.details.get(detail.id) ?? "" })),
    recordNote: data.recordNote,
    onDetail: (id, value) => state.details.set(id, value),
    onDetailDone: () => refreshRecord(screen).catch(failed),
    onCopy: () => copy(screen),
    onDownload: () => download(screen),
    onPrint: () => print(screen),
    onStartAgain: startAgain,
    onBack: () => showCheck(),
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
  show(screen, { screen: "outcome" }, { how });
}

// "What if": the same answers with one changed, compared by Python with the outcome reached.
async function compare(questionId, value, screen) {
  const [outcome] = await python.evaluate([
    { what_if: { answers: answersOf(state.asked), question: questionId, value } },
  ]);
  if (outcome.error) throw new Error(outcome.error);
  showComparison(screen, outcome.what_if, {
    question: questions.get(questionId),
    option: questions.get(questionId).options.find((o) => o.value === value),
  });
}

function startAgain() {
  Object.assign(state, { asked: [], values: new Map(), details: new Map(), changing: false, result: null });
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

// Answers in the address (a training card's "open this scenario in the checklist" link). Python reads them
// and says what it could not use, in the questions' own words: a link's values are never shown, so a made-up
// link cannot put words into this page. The checklist goes as far as the answers take it, and the doctor can
// check and change each one. Answers the doctor gave before Python was ready are never replaced.
async function prefill(query) {
  const [{ link }] = await python.evaluate([{ link: query }]);
  if (state.asked.length > 0) {
    status.textContent = "You had started answering, so the answers in the link were not used.";
    return;
  }
  if (link.problems.length > 0) {
    alert.replaceChildren(
      h("p", {}, "Some of this link could not be used:"),
      h(
        "ul",
        {},
        link.problems.map((problem) => h("li", {}, problem)),
      ),
    );
  }
  state.values = new Map(Object.entries(link.answers));
  state.asked = [];
  const outcome = await replay();
  showResult(outcome, { how: "replace" });
  const used = state.asked.map((id) => `“${questions.get(id).text}”`);
  status.textContent = outcome.record.verdict
    ? "The answers from the link are filled in. Check them, and change any that do not fit."
    : used.length > 0
      ? `The link answered ${used.join(", ")}. Answer the rest.`
      : "The link did not answer any question. Start from the first.";
}

// The browser's Back and Forward, and a reload: the screen and answers of that entry of the tab's history.
async function restore(entry, { focus = true } = {}) {
  const known = (id) => questions.has(id);
  if (!entry.asked.every(known) || (entry.place.id !== undefined && !known(entry.place.id))) {
    throw Object.assign(new Error("a question this checklist no longer asks"), { refused: true });
  }
  Object.assign(state, {
    asked: entry.asked,
    values: new Map(Object.entries(entry.values)),
    changing: false,
  });
  if (entry.place.screen === "question") {
    askQuestion(entry.place.id, { how: "none", focus });
    return;
  }
  askQuestion(state.asked.at(-1), { how: "none", focus: false });
  state.result = await evaluate(state.asked);
  if (entry.place.screen === "outcome" && state.result.record.verdict) showOutcome({ how: "none" });
  else showResult(state.result, { how: "none" });
}

// Answers kept in the tab's history by an earlier version of the checklist may no longer be answers to its
// questions: then the checklist starts again, and says why, rather than failing.
function restoreOrStartAgain(entry, options) {
  restore(entry, options).catch((error) => {
    if (!error.refused) return failed(error);
    startAgain();
    status.textContent = "Your earlier answers do not fit this version of the checklist, so it starts again.";
  });
}

window.addEventListener("popstate", (event) => {
  if (event.state?.checklist) restoreOrStartAgain(event.state);
});

buildSearchIndexAfter(python.answered, siteRoot);
checkSavedRecords(python);

const linked = [...new URLSearchParams(location.search)].filter(([key]) => key === "v" || questions.has(key));
const kept = history.state?.checklist ? history.state : null;

app.replaceChildren(status, alert, view);
app.hidden = false;
printable.hidden = true;
if (kept) restoreOrStartAgain(kept, { focus: false });
else askQuestion(data.first, { focus: false, how: "replace" });
performance.mark("checklist-first-question");
if (!kept && linked.length > 0) {
  status.textContent = "Filling in the answers from the link when the checklist is ready.";
  prefill(linked).catch(failed);
}

// The first Python result: the question Python asks first. Sent now, it is answered as soon as Python is ready.
evaluate([]).then(() => {
  state.loaded = true;
  performance.mark("checklist-ready");
  // Only in place of the loading message: never over what a link or a restart had to say.
  if ([LOADING, STILL_LOADING].includes(status.textContent)) status.textContent = "The checklist is ready.";
}, failed);
