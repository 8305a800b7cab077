// The AI-coach API as the page uses it: the token, JSON and file requests, and Server-Sent Events over fetch
// (EventSource cannot POST a body, and every generation endpoint is a POST).

export const API = "/api/v1/ai-coach";
const TOKEN_KEY = "planforge.token";

/** A refused request: the server's error envelope (code, message, details naming fields) and its status. */
export class ApiError extends Error {
  constructor(status, code, message, details = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const token = {
  /** The token of this tab, or "" when none was entered. */
  get: () => sessionStorage.getItem(TOKEN_KEY) ?? "",
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

function headers() {
  const value = token.get();
  if (!value) {
    throw new ApiError(401, "unauthenticated", "Enter your API token first.");
  }
  return { "Authorization": `Bearer ${value}`, "Content-Type": "application/json" };
}

/** The response when it succeeded; otherwise an ApiError from its envelope (or from its status line). */
async function checked(response) {
  if (response.ok) {
    return response;
  }
  let envelope = null;
  try {
    envelope = await response.json();
  } catch {
    // Not the API's envelope (a proxy's page, say): the status line is all there is.
  }
  const error = envelope?.error;
  if (error && typeof error.message === "string") {
    throw new ApiError(response.status, error.code, error.message, error.details ?? []);
  }
  throw new ApiError(response.status, "http_error", `The server answered ${response.status} ${response.statusText}.`);
}

/** POST `body` as JSON to `path`; the checked response. */
export async function post(path, body, { signal, query = "" } = {}) {
  const response = await fetch(`${API}${path}${query}`, {
    method: "POST", headers: headers(), body: JSON.stringify(body), signal,
  });
  return checked(response);
}

/** One SSE event block (lines of `field: value`) as {event, data}, or null for a comment (keep-alive). */
function parseBlock(block) {
  let event = "message";
  const data = [];
  for (const line of block.split("\n")) {
    if (line === "" || line.startsWith(":")) {
      continue;
    }
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") {
      event = value;
    } else if (field === "data") {
      data.push(value);
    }
  }
  return data.length ? { event, data: JSON.parse(data.join("\n")) } : null;
}

/**
 * POST `body` to the stream endpoint `path` and call `onEvent(type, payload)` for each event as it arrives.
 * Resolves when the stream ends; a refused request (401, 403, 422 ...) rejects with its ApiError before any
 * event; aborting `signal` stops the stream (the server then cancels the generation).
 */
export async function stream(path, body, onEvent, { signal } = {}) {
  const response = await post(path, body, { signal });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      break;
    }
    // SSE allows CRLF and CR line ends; a CR at a chunk's end waits for its LF in the next chunk.
    buffer = (buffer + value).replace(/\r\n/g, "\n").replace(/\r(?=[^])/g, "\n");
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const parsed = parseBlock(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (parsed) {
        onEvent(parsed.event, parsed.data);
      }
    }
  }
}

/** The file name a download response suggests, or `fallback`. */
export function suggestedName(response, fallback) {
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    return decodeURIComponent(encoded[1]);
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}
