// Gives the checklist worker each message, in a worker of its own, and its answer to each.
export default async ([workerModule, messages]) => {
  const worker = new Worker(workerModule, { type: "module" });
  const answers = [];
  for (const message of messages) {
    const answer = new Promise((resolve) => {
      worker.onmessage = ({ data }) => resolve(data);
    });
    worker.postMessage(message);
    answers.push(await answer);
  }
  worker.terminate();
  return answers;
};
