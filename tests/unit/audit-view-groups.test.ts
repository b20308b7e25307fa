import { describe, expect, it } from "vitest";
import { groupRepeatedViews, VIEW_GROUP_WINDOW_MS } from "@/lib/audit-view-groups";

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 4, 12, 0) - minutes * 60_000);
const view = (id: string, minutesAgo: number, actorId = "ana", subjectId = "c1") => ({ id, action: "candidate.viewed", actorId, subjectType: "Candidate", subjectId, at: at(minutesAgo) });

describe("groupRepeatedViews", () => {
  it("groups adjacent views by one person of one subject within the window, newest first, keeping every event", () => {
    const events = [view("5", 0), view("4", 1), view("3", 2), view("2", 9), view("1", 11)];
    const lines = groupRepeatedViews(events);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ kind: "views", newest: at(0), oldest: at(9) });
    expect(lines[0].kind === "views" && lines[0].events.map((e) => e.id)).toEqual(["5", "4", "3", "2"]);
    // 11 minutes after the run's newest view: a new line.
    expect(lines[1]).toMatchObject({ kind: "event", event: { id: "1" } });
  });

  it("never groups different people, different subjects, other actions or system events", () => {
    const other = { id: "x", action: "candidate.screened", actorId: "ana", subjectType: "Candidate", subjectId: "c1", at: at(1) };
    const events = [view("1", 0), view("2", 0.5, "bo"), view("3", 1, "ana", "c2"), other, view("4", 2), { ...view("5", 2.5), actorId: null }, { ...view("6", 2.6), actorId: null }];
    const lines = groupRepeatedViews(events);
    expect(lines.every((l) => l.kind === "event")).toBe(true);
    expect(lines).toHaveLength(events.length);
  });

  it("keeps the window configurable", () => {
    expect(groupRepeatedViews([view("2", 0), view("1", 3)], 60_000).map((l) => l.kind)).toEqual(["event", "event"]);
    expect(VIEW_GROUP_WINDOW_MS).toBe(600_000);
  });
});
