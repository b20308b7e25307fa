"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { RescreenStatusLine, type RescreenStatusView } from "@/components/imports/rescreen-status-line";

const REFRESH_MS = 3_000;

/** The re-screen that the latest publish started, refreshed while it is queued or running. */
export function RulesetRescreenProgress({ rescreen }: { rescreen: RescreenStatusView | null }) {
  const router = useRouter();
  const active = rescreen !== null && (rescreen.status === "QUEUED" || rescreen.status === "RUNNING" || rescreen.status === "DRAFT");
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => router.refresh(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [active, router]);
  if (!rescreen) {
    return (
      <p className="text-sm text-slate-600" data-testid="rescreen-status">
        No re-screen yet: publishing a version re-screens every active candidate in the background.
      </p>
    );
  }
  return <RescreenStatusLine subject="ruleset" rescreen={rescreen} />;
}
