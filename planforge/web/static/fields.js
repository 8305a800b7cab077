// The request form as an API body, and errors shown where they happen: a 422's problems next to their fields.

const OPTIONAL_TEXT = ["additional_prompt", "training_principle", "start_date"];

/** The generate-draft body from the request form. Empty optional fields are left out (the server's defaults). */
export function draftRequest(form) {
  const values = new FormData(form);
  const body = {
    org_id: String(values.get("org_id") ?? "").trim(),
    level: values.get("level"),
    workout_preference: values.get("workout_preference"),
  };
  const weeks = String(values.get("weeks") ?? "").trim();
  if (weeks !== "") {
    // A whole number goes as a number; anything else as typed, for the server to name the problem.
    body.weeks = /^-?\d+$/.test(weeks) ? Number(weeks) : weeks;
  }
  for (const name of OPTIONAL_TEXT) {
    const value = String(values.get(name) ?? "");
    if (value.trim() !== "") {
      body[name] = value;
    }
  }
  return body;
}

/** Remove every shown field and step error inside `scope`. */
export function clearErrors(scope) {
  for (const element of scope.querySelectorAll(".field-error, .step-error")) {
    element.textContent = "";
  }
  for (const input of scope.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
  }
}

/** Show `message` in the step error element `target` (role=alert, so it is announced). */
export function showStepError(target, message) {
  target.textContent = message;
}

/**
 * Show an ApiError: each field problem next to its field (marked invalid, the first one focused); the message,
 * and the problems of fields this page has no input for, in `fallback`.
 */
export function showApiError(error, fallback) {
  const unplaced = [];
  let first = null;
  for (const { field, problem } of error.details ?? []) {
    const slot = document.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
    const input = document.getElementById(field);
    if (!slot || !input) {
      unplaced.push(`${field}: ${problem}`);
      continue;
    }
    slot.textContent = `${labelOf(input)} ${problem}`;
    input.setAttribute("aria-invalid", "true");
    first ??= input;
  }
  if (first) {
    first.focus();
  }
  if (!first || unplaced.length) {
    showStepError(fallback, unplaced.length ? unplaced.join("; ") : error.message);
  }
}

function labelOf(input) {
  const label = input.labels?.[0]?.textContent?.trim() ?? input.name;
  return label.split(" — ")[0] + ":";
}
