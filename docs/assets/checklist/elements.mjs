// DOM nodes for the checklist's screens, and the small pieces they share. They display; they decide nothing.

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

export const hidden = (text) => h("span", { class: "cl-visually-hidden" }, text);

export function heading(level, text) {
  return h(level, { class: "cl-heading", tabindex: "-1" }, text);
}

export function backButton(onBack) {
  return h("button", { type: "button", class: "cl-back", onclick: onBack }, "Back");
}

// A link to a paragraph of the guidance. It opens in a new tab, so the answers and notes on this page stay.
export function paragraphLink(href, ...text) {
  return h("a", { href, target: "_blank" }, ...text, hidden(" (opens in a new tab)"));
}

// A citation as Python words it: its words as they are, each paragraph id ({ paragraph: "48" }) as a link.
export function cited(parts, links) {
  return parts.map((part) => (typeof part === "string" ? part : paragraphLink(links[part.paragraph], part.paragraph)));
}

// The must / should tag, with the label Python gives it.
export function dutyTag(strength, label) {
  return h("span", { class: `duty-tag duty-tag--${strength}` }, label);
}
