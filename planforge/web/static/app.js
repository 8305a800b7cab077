// The page's flow: token → request → streamed draft → edited draft → streamed plan → calendar → downloads.

import { ApiError, post, stream, suggestedName, token } from "./api.js";
import { Calendar } from "./calendar.js";
import { clearErrors, draftRequest, showApiError, showStepError } from "./fields.js";

const ORG_KEY = "planforge.org";
const EXTENSIONS = { ics: "ics", fit: "zip", zwo: "zip", icu: "txt", csv: "csv" };
const SKIPPED_HEADER = "X-Planforge-Skipped-Workouts";

const $ = (id) => document.getElementById(id);
const calendar = new Calendar($("calendar"));
let plan = null;
const running = new Set();

/** A step's controls: its button, stop button, progress bar and message. */
function step(name) {
  return {
    button: $(`${name}-button`), stop: $(`${name}-stop`), progress: $(`${name}-progress`), message: $(`${name}-message`),
  };
}
const draftStep = step("draft");
const planStep = step("plan");

function showToken(saved) {
  $("token-form").hidden = saved;
  $("token-saved").hidden = !saved;
}

function askForToken(message) {
  token.clear();
  showToken(false);
  $("token-error").textContent = message;
  $("token").setAttribute("aria-invalid", "true");
  $("token").focus();
}

/** Show why a step failed where it happened: the token, the fields named by a 422, or the step itself. */
function showFailure(error, fallback) {
  if (error.name === "AbortError") {
    showStepError(fallback, "Stopped.");
  } else if (error instanceof ApiError && error.status === 401) {
    askForToken(error.message);
  } else if (error instanceof ApiError) {
    showApiError(error, fallback);
  } else {
    showStepError(fallback, `Could not reach the server (${error.message}).`);
  }
}

/** Run one streamed step: its controls show progress, Stop aborts it, and leaving the page ends it. */
async function runStep(controls, path, body, onEvent, errorTarget) {
  const controller = new AbortController();
  running.add(controller);
  controls.stop.onclick = () => controller.abort();
  controls.button.disabled = true;
  controls.stop.hidden = false;
  controls.progress.hidden = false;
  controls.progress.value = 0;
  controls.message.textContent = "Starting…";
  let finished = false;
  try {
    await stream(path, body, (type, event) => {
      if (type === "progress") {
        controls.progress.value = event.progress;
        controls.message.textContent = event.message;
      } else if (type === "error") {
        finished = true;
        controls.message.textContent = "Failed.";
        showStepError(errorTarget, event.error);
      } else if (type === "result") {
        finished = true;
        controls.progress.value = 100;
      }
      onEvent(type, event);
    }, { signal: controller.signal });
    if (!finished) {
      controls.message.textContent = "";
      controls.progress.hidden = true;
      showStepError(errorTarget, "The connection ended before the result arrived; try again.");
    }
  } catch (error) {
    controls.message.textContent = "";
    controls.progress.hidden = true;
    showFailure(error, errorTarget);
  } finally {
    running.delete(controller);
    controls.button.disabled = false;
    controls.stop.hidden = true;
  }
}

function requestBody() {
  const body = draftRequest($("request-form"));
  sessionStorage.setItem(ORG_KEY, body.org_id);
  return body;
}

async function writeDraft(event) {
  event.preventDefault();
  clearErrors(document.body);
  if (!token.get()) {
    askForToken("Enter your API token first.");
    return;
  }
  await runStep(draftStep, "/generate-draft/stream", requestBody(), (type, data) => {
    if (type !== "result") {
      return;
    }
    $("refined_draft").value = data.data.draft;
    $("principle-text").textContent = data.data.training_principle;
    $("draft").hidden = false;
    draftStep.message.textContent = "Draft ready: read it, edit it, then convert it.";
    const editor = $("refined_draft");
    editor.setSelectionRange(0, 0);  // start reading at the top, not at the caret's default end
    editor.focus();
    editor.scrollTop = 0;
  }, $("request-error"));
}

function showWarnings(warnings) {
  $("plan-warnings").replaceChildren(...warnings.map((warning) => {
    const item = document.createElement("li");
    const where = warning.week ? `Week ${warning.week}${warning.day ? `, ${warning.day}` : ""}: ` : "";
    item.textContent = where + warning.message;
    return item;
  }));
}

function setPlan(value) {
  plan = value;
  for (const button of document.querySelectorAll("[data-export]")) {
    button.disabled = plan === null;
  }
}

async function convertDraft(event) {
  event.preventDefault();
  clearErrors(document.body);
  if (!token.get()) {
    askForToken("Enter your API token first.");
    return;
  }
  const body = { ...requestBody(), refined_draft: $("refined_draft").value };
  setPlan(null);
  calendar.reset();
  showWarnings([]);
  $("plan").hidden = false;
  await runStep(planStep, "/generate-plan/stream-content", body, (type, data) => {
    if (type === "week") {
      calendar.addWeek(data.week, data.info);
    } else if (type === "workout") {
      calendar.addWorkout(data.workout);
    } else if (type === "result") {
      calendar.showPlan(data.data);
      showWarnings(data.data.warnings ?? []);
      setPlan(data.data);
      const weeks = Object.keys(data.data.weekly_info).length;
      planStep.message.textContent = `Plan ready: ${data.data.content.length} workouts over ${weeks} weeks.`;
    }
  }, $("draft-error"));
}

async function download(format) {
  clearErrors($("exports"));
  $("export-note").textContent = "";
  try {
    const response = await post("/export", plan, { query: `?format=${encodeURIComponent(format)}` });
    const skipped = Number(response.headers.get(SKIPPED_HEADER) ?? 0);
    if (skipped) {
      // Only Zwift leaves workouts out (those that are not bike or run); the archive's SKIPPED.txt says which.
      $("export-note").textContent = `${skipped} workout${skipped === 1 ? " was" : "s were"} left out of this`
        + " file because the format cannot express them; SKIPPED.txt in the download lists them.";
    }
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement("a");
    link.href = url;
    link.download = suggestedName(response, `planforge-plan.${EXTENSIONS[format] ?? format}`);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    showFailure(error, $("export-error"));
  }
}

function start() {
  showToken(Boolean(token.get()));
  $("org_id").value = sessionStorage.getItem(ORG_KEY) ?? "";
  setPlan(null);
  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    clearErrors($("access"));
    const value = $("token").value.trim();
    if (!value) {
      askForToken("API token: paste the token that `planforge token create` printed.");
      return;
    }
    token.set(value);
    $("token").value = "";
    showToken(true);
  });
  $("token-change").addEventListener("click", () => askForToken(""));
  $("request-form").addEventListener("submit", writeDraft);
  $("draft-form").addEventListener("submit", convertDraft);
  $("refined_draft").addEventListener("input", () => {
    if (plan !== null) {
      planStep.message.textContent = "The draft has changed since this plan: convert it again to update the plan.";
    }
  });
  for (const button of document.querySelectorAll("[data-export]")) {
    button.addEventListener("click", () => download(button.dataset.export));
  }
  // Leaving the page ends its streams, and with them the server's generations.
  window.addEventListener("pagehide", () => running.forEach((controller) => controller.abort()));
  document.body.dataset.ready = "true";
}

start();
