import { z } from "zod";
import { defineRule, hit } from "../rule";

export default defineRule({
  id: "prepayment-requests",
  indicatorIds: ["COM-04"],
  category: "COMMUNICATION",
  severity: "M",
  severityNote: "H when the candidate became aggressive or threatening after a refusal.",
  title: "Repeated requests for prepayment or advances",
  description: "The candidate repeatedly asked to be paid in advance, or became aggressive or threatening when refused.",
  source: ["PSA23", "BfV24"],
  innocentExplanations: ["Financial hardship", "Freelance norms of deposits for new clients"],
  verificationStep: "confirm-payment-method",
  reads: ["communication.prepaymentRequests", "communication.hostileWhenRefused"],
  configSchema: z.strictObject({ minRequests: z.number().int().min(1) }),
  defaultConfig: { minRequests: 2 },
  evaluate(facts, config) {
    const c = facts.communication;
    if (!c) return null;
    const n = c.prepaymentRequests ?? 0;
    const hostile = c.hostileWhenRefused === true;
    if (n < config.minRequests && !hostile) return null;
    return hit(hostile ? "The candidate became hostile when a prepayment request was refused." : `The candidate asked for prepayment ${n} times.`, [
      { label: "Prepayment requests", value: c.prepaymentRequests == null ? "not recorded" : String(n) },
      ...(hostile ? [{ label: "Aggressive or threatening when refused", value: "yes" }] : []),
    ], hostile ? "H" : undefined);
  },
});
