// Drives Debian's Firefox ESR for the tests, over WebDriver BiDi through puppeteer-core (no geckodriver, and no
// browser of its own: puppeteer-core downloads none).
//
// Started with one argument, JSON: { executablePath, timeout } (timeout in ms, for every wait). It launches a
// headless Firefox with a fresh profile and one page, writes one line, {"ready": "<browser version>"}, then reads
// commands from standard input, one JSON object a line, and answers each on standard output, one JSON line:
// {"value": ...} or {"error": "..."}. Standard input closed, it closes the browser and ends.
//
//   {"goto": url}                             opens the address, until its load event
//   {"reload": true}                          reloads the page, until its load event
//   {"evaluate": source, "argument": value}   calls the function whose source this is with the argument, in the
//                                             page, and answers what it returns (awaited if it is a promise)
//   {"click": selector}                       clicks the element with the mouse, once it is visible and enabled
//   {"waitFor": selector}                     waits until an element matching the selector is visible
//   {"attribute": selector, "name": name}     the element's attribute (null if it has none)
//   {"url": true}                             the page's address
//   {"errors": true}                          what the page reported as errors so far: uncaught exceptions and
//                                             console errors

import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const { executablePath, timeout } = JSON.parse(process.argv[2]);

const browser = await puppeteer.launch({ browser: "firefox", executablePath, headless: true, protocolTimeout: timeout });
const page = await browser.newPage();
page.setDefaultTimeout(timeout);
page.setDefaultNavigationTimeout(timeout);
const errors = [];
page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
page.on("console", (message) => {
  if (message.type() === "error") errors.push(`console: ${message.text()}`);
});

const answer = (reply) => process.stdout.write(`${JSON.stringify(reply)}\n`);

async function run(command) {
  if ("goto" in command) return void (await page.goto(command.goto, { waitUntil: "load" }));
  if ("reload" in command) return void (await page.reload({ waitUntil: "load" }));
  if ("evaluate" in command) {
    // The page's Content-Security-Policy refuses string evaluation by its own scripts, not by the driver's.
    return await page.evaluate(`(${command.evaluate})(${JSON.stringify(command.argument ?? null)})`);
  }
  if ("click" in command) return void (await page.locator(command.click).click());
  if ("waitFor" in command) return void (await page.waitForSelector(command.waitFor, { visible: true }));
  if ("attribute" in command) {
    const element = await page.waitForSelector(command.attribute);
    return await element.evaluate((node, name) => node.getAttribute(name), command.name);
  }
  if ("url" in command) return page.url();
  if ("errors" in command) return errors;
  throw new Error(`unknown command: ${JSON.stringify(command)}`);
}

answer({ ready: await browser.version() });
try {
  for await (const line of createInterface({ input: process.stdin })) {
    try {
      answer({ value: (await run(JSON.parse(line))) ?? null });
    } catch (error) {
      answer({ error: String(error?.stack ?? error) });
    }
  }
} finally {
  await browser.close();
}
