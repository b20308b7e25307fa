import "server-only";
import type { Band } from "@/lib/engine";
import { getEnv } from "../env";

/** When a case in this band is due: its band's SLA (CASE_SLA_HOURS, docs/review-cases.md) from `from`. */
export function caseDueAt(band: Band | string, from: Date = new Date()): Date {
  const sla = getEnv().CASE_SLA_HOURS;
  const hours = sla[band as keyof typeof sla] ?? sla.CLEAR;
  return new Date(from.getTime() + hours * 3_600_000);
}
