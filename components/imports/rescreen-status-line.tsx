export type RescreenStatusView = {
  status: "DRAFT" | "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELLED";
  total: number;
  processed: number;
  failed: number;
  createdAt: string;
  finishedAt: string | null;
};

const n = new Intl.NumberFormat("en");
const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** One line on the admin sanctions page: the re-screen that the latest list change started, and how far it got. */
export function RescreenStatusLine({ rescreen, subject }: { rescreen: RescreenStatusView | null; subject: string }) {
  if (!rescreen) {
    return (
      <p className="text-sm text-slate-600" data-testid="rescreen-status">
        No re-screen yet: importing a new {subject} re-screens every active candidate in the background.
      </p>
    );
  }
  const progress = `${n.format(rescreen.processed)} of ${n.format(rescreen.total)} active candidates`;
  const failed = rescreen.failed ? `, ${n.format(rescreen.failed)} could not be re-screened` : "";
  const text = {
    DRAFT: `Re-screen queued (${when.format(new Date(rescreen.createdAt))} UTC).`,
    QUEUED: `Re-screen queued (${when.format(new Date(rescreen.createdAt))} UTC).`,
    RUNNING: `Re-screening after the latest ${subject}: ${progress}${failed}… Reload to update.`,
    COMPLETED: `Re-screened ${progress} after the latest ${subject}${failed}${rescreen.finishedAt ? ` (finished ${when.format(new Date(rescreen.finishedAt))} UTC)` : ""}.`,
    FAILED: `The re-screen after the latest ${subject} stopped at ${progress}.`,
    CANCELLED: `The re-screen after the latest ${subject} was cancelled at ${progress}.`,
  }[rescreen.status];
  return (
    <p className="text-sm text-slate-700" role="status" data-testid="rescreen-status">
      {text}
    </p>
  );
}
