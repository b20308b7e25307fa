// Repeated page views in the audit log: the same person opening the same subject again and again within a few
// minutes is one visit to a reader, so the log shows such views as one line ("viewed 5 times between … and …") that
// opens to the individual events — each view stays recorded and listed. Pure: the page and the tests use it.
import { VIEW_ACTIONS } from "./audit-actions";

/** Views by one person of one subject closer together than this (from the group's newest) are shown as one line. */
export const VIEW_GROUP_WINDOW_MS = 10 * 60 * 1000;

type Groupable = { action: string; actorId: string | null; subjectType: string; subjectId: string | null; at: Date };

export type AuditLogLine<T> = { kind: "event"; event: T } | { kind: "views"; events: T[]; newest: Date; oldest: Date };

/**
 * Groups runs of adjacent view events (in the order given, newest first) by the same actor on the same subject that
 * lie within `windowMs` of the run's newest event. A run is only as long as the page: a group may continue on the
 * next page, where it starts a new line.
 */
export function groupRepeatedViews<T extends Groupable>(events: readonly T[], windowMs = VIEW_GROUP_WINDOW_MS): AuditLogLine<T>[] {
  const lines: AuditLogLine<T>[] = [];
  let run: T[] = [];
  const flush = () => {
    if (run.length === 1) lines.push({ kind: "event", event: run[0] });
    else if (run.length > 1) lines.push({ kind: "views", events: run, newest: run[0].at, oldest: run[run.length - 1].at });
    run = [];
  };
  for (const e of events) {
    const head = run[0];
    const joins =
      head !== undefined &&
      e.action === head.action &&
      e.actorId !== null &&
      e.actorId === head.actorId &&
      e.subjectType === head.subjectType &&
      e.subjectId === head.subjectId &&
      Math.abs(head.at.getTime() - e.at.getTime()) <= windowMs;
    if (!joins) flush();
    if (VIEW_ACTIONS.includes(e.action) && e.subjectId !== null) run.push(e);
    else lines.push({ kind: "event", event: e });
  }
  flush();
  return lines;
}
