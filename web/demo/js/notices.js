// One place for failures: a banner that says what went wrong in plain words and offers
// to try again; and a polite status line for screen readers.
import { h, replace } from "./dom.js";

const banner = () => document.getElementById("problem");

/** Shows `error` with a Retry button that runs `retry` (another failure replaces it). */
export function showProblem(error, retry) {
  const text = describeError(error);
  const box = banner();
  replace(
    box,
    h("p", { class: "problem-text" }, text),
    retry
      ? h("button", { type: "button", class: "secondary", onclick: async () => { clearProblem(); await retry(); } }, "Try again")
      : null,
    h("button", { type: "button", class: "link", onclick: clearProblem }, "Dismiss"),
  );
  box.hidden = false;
}

export function clearProblem() {
  const box = banner();
  box.hidden = true;
  box.replaceChildren();
}

export function announce(text) {
  const status = document.getElementById("status");
  if (status) status.textContent = text;
}

export function describeError(error) {
  if (!error) return "Something went wrong.";
  if (error.kind === "transport") return "The shop cannot be reached right now. Check your connection and try again.";
  if (error.status >= 500) return `The shop had a problem (${error.status}). Please try again.`;
  if (error.issues?.length) return "Please check the highlighted fields: " + error.issues.map((i) => i.message).join("; ");
  return error.message || String(error);
}

/** Runs `action`; on failure shows the problem with a retry of the same action. */
export async function attempt(action) {
  try {
    clearProblem();
    return await action();
  } catch (error) {
    console.error(error);
    showProblem(error, () => attempt(action));
    return undefined;
  }
}
