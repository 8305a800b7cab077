// The plan as a week-by-week calendar: a row per week, a column per weekday, each week's total time and distance.
// Rows and cards are added as `week` and `workout` events stream in; the final result redraws the whole plan.

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const BLOCK_NAMES = {
  "warm-up": "Warm-up", "run": "Run", "interval": "Intervals", "recovery-run": "Recovery", "cool-down": "Cool-down",
};
const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", timeZone: "UTC" });

/** "45 min", "1h 05". */
export function formatDuration(seconds) {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min`;
  }
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}`;
}

/** "400 m", "12 km", "12.5 km". */
export function formatDistance(meters) {
  if (meters < 1000) {
    return `${Math.round(meters)} m`;
  }
  return `${(meters / 1000).toFixed(1).replace(/\.0$/, "")} km`;
}

/** Total of a list of blocks by `measure` ("seconds" or "meters"), or null when some step lacks it. */
function blocksTotal(blocks, measure) {
  let total = 0;
  for (const block of blocks) {
    let one;
    if (block.type === "interval") {
      one = blocksTotal(block.content_blocks ?? [], measure);
    } else {
      one = measure === "seconds" ? block.block_duration_in_seconds : block.block_distance_in_meters;
    }
    if (one == null) {
      return null;
    }
    total += (block.block_repeat ?? 1) * one;
  }
  return blocks.length ? total : null;
}

/** A workout's planned seconds: its target, else the sum of its steps when every step has a duration. */
export function workoutSeconds(workout) {
  return workout.target_duration_in_seconds ?? blocksTotal(workout.content_blocks ?? [], "seconds") ?? 0;
}

/** A workout's planned meters: its target, else the sum of its steps when every step has a distance. */
export function workoutMeters(workout) {
  return workout.target_distance_in_meters ?? blocksTotal(workout.content_blocks ?? [], "meters") ?? 0;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text != null) {
    node.textContent = text;
  }
  return node;
}

function describeBlock(block) {
  const name = BLOCK_NAMES[block.type] ?? block.type;
  if (block.type === "interval") {
    const parts = (block.content_blocks ?? []).map(describeBlock).join(" + ");
    return `${name}: ${block.block_repeat ?? 1} × (${parts})`;
  }
  const length = block.block_length_target === "distance"
    ? formatDistance(block.block_distance_in_meters)
    : formatDuration(block.block_duration_in_seconds);
  const repeat = (block.block_repeat ?? 1) > 1 ? `${block.block_repeat} × ` : "";
  const zone = block.block_pace ? ` ${block.block_pace}` : "";
  const target = block.block_intensity_target && block.block_intensity_target !== "pace"
    ? ` (${block.block_intensity_target})` : "";
  return `${name} ${repeat}${length}${zone}${target}`;
}

function workoutCard(workout) {
  const card = element("article", `workout type-${workout.workout_type}`);
  card.dataset.week = workout.week;
  card.dataset.day = workout.day;
  card.append(element("h4", "name", workout.workout_name));
  const facts = [workout.workout_sub_type];
  const seconds = workoutSeconds(workout);
  const meters = workoutMeters(workout);
  if (seconds) {
    facts.push(formatDuration(seconds));
  }
  if (meters) {
    facts.push(formatDistance(meters));
  }
  card.append(element("p", "facts", facts.join(" · ")));
  if (workout.date) {
    const date = element("time", "date", DATE_FORMAT.format(new Date(`${workout.date}T00:00:00Z`)));
    date.dateTime = workout.date;
    card.append(date);
  }
  const details = element("details");
  details.append(element("summary", null, "Details"), element("p", "description", workout.workout_description));
  if (workout.content_blocks?.length) {
    const steps = element("ol", "blocks");
    for (const block of workout.content_blocks) {
      steps.append(element("li", null, describeBlock(block)));
    }
    details.append(steps);
  }
  card.append(details);
  return card;
}

/** The calendar table: weeks appear as they stream in, each with its workouts and running totals. */
export class Calendar {
  constructor(table) {
    this.body = table.tBodies[0];
    this.reset();
  }

  /** Empty the calendar. */
  reset() {
    this.body.replaceChildren();
    this.weeks = new Map();
  }

  /** The row of week `number`, created in week order when it is new. */
  week(number) {
    let week = this.weeks.get(number);
    if (week) {
      return week;
    }
    const row = element("tr");
    row.dataset.week = number;
    const header = element("th", "week");
    header.scope = "row";
    header.append(element("span", "week-number", `Week ${number}`), element("span", "phase"),
      element("span", "focus"));
    row.append(header);
    const days = new Map(WEEKDAYS.map((day) => [day, element("td", "day")]));
    for (const [day, cell] of days) {
      cell.dataset.day = day;
      row.append(cell);
    }
    const total = element("td", "total");
    row.append(total);
    week = { row, header, days, total, workouts: [] };
    this.weeks.set(number, week);
    const later = [...this.weeks.keys()].filter((n) => n > number).sort((a, b) => a - b)[0];
    this.body.insertBefore(row, later === undefined ? null : this.weeks.get(later).row);
    this.updateTotal(week);
    return week;
  }

  /** Show a week's phase and focus (a `week` event, or a weekly_info entry). */
  addWeek(number, info) {
    const week = this.week(number);
    const phase = week.header.querySelector(".phase");
    phase.textContent = info.phase;
    phase.className = `phase phase-${info.phase}`;
    week.header.querySelector(".focus").textContent = info.focus;
  }

  /** Add one workout to its week and day (a `workout` event, or a plan's content entry). */
  addWorkout(workout) {
    const week = this.week(workout.week);
    week.days.get(workout.day)?.append(workoutCard(workout));
    week.workouts.push(workout);
    this.updateTotal(week);
  }

  /** Redraw the calendar from a whole plan (the `result`): the authoritative version of what streamed in. */
  showPlan(plan) {
    this.reset();
    for (const number of Object.keys(plan.weekly_info).map(Number).sort((a, b) => a - b)) {
      this.addWeek(number, plan.weekly_info[String(number)]);
    }
    for (const workout of plan.content) {
      this.addWorkout(workout);
    }
  }

  updateTotal(week) {
    const seconds = week.workouts.reduce((sum, workout) => sum + workoutSeconds(workout), 0);
    const meters = week.workouts.reduce((sum, workout) => sum + workoutMeters(workout), 0);
    week.total.dataset.seconds = seconds;
    week.total.dataset.meters = meters;
    const parts = [element("span", "time", formatDuration(seconds))];
    if (meters) {
      parts.push(element("span", "distance", formatDistance(meters)));
    }
    const count = week.workouts.length;
    parts.push(element("span", "count", `${count} workout${count === 1 ? "" : "s"}`));
    week.total.replaceChildren(...parts);
  }
}
