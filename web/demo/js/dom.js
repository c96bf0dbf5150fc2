// Building the page with DOM nodes only: text always goes through textContent or
// attribute values, never through innerHTML, so customer text can never become markup.

/**
 * h("p", { class: "x", onclick: f }, "text", child) -> <p class="x">text<child/></p>.
 * Attributes starting with "on" become listeners; `null`/`false` attributes are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else if (name in element && typeof value !== "string") element[name] = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `element`. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** "€27.50" from an amount in the currency's main unit (Medusa v2 amounts). */
export function money(amount, currency) {
  if (typeof amount !== "number") return "";
  return new Intl.NumberFormat("en-GB", { style: "currency", currency: (currency || "eur").toUpperCase() }).format(amount);
}
