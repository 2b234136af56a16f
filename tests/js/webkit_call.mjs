// Calls a page function for WebKit's WebDriver, whose asynchronous script ends when its last argument, `done`, is
// called: with the function's value, awaited, or with its error, handed back rather than thrown.
export default (run, argument, done) =>
  Promise.resolve(argument)
    .then(run)
    .then(
      (value) => done({ value: value ?? null }),
      (error) => done({ error: String(error?.stack ?? error) }),
    );
