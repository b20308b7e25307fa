import { z } from "zod";
import { defineRule, hit } from "../rule";
import { pct } from "../text";

export default defineRule({
  id: "low-rate-high-rating",
  indicatorIds: ["WH-08"],
  category: "WORK_HISTORY",
  severity: "L",
  title: "Rate far below market with near-perfect ratings",
  description: "The asking rate is far below the market median for the role while the freelance-platform rating is near perfect over many reviews.",
  source: ["JP24", "BfV24"],
  innocentExplanations: ["Lower cost of living where the candidate lives", "Building a client base", "Market median data for the role is off"],
  verificationStep: "independent-reference-check",
  reads: ["rate.hourlyUsd", "rate.marketMedianHourlyUsd", "rate.platformRating", "rate.ratingCount"],
  configSchema: z.strictObject({ maxShareOfMarket: z.number().min(0).max(1), minRating: z.number().min(0).max(1), minRatingCount: z.number().int().min(0) }),
  defaultConfig: { maxShareOfMarket: 0.5, minRating: 0.97, minRatingCount: 20 },
  evaluate(facts, config) {
    const r = facts.rate;
    if (!r || r.hourlyUsd == null || r.marketMedianHourlyUsd == null || r.platformRating == null || r.ratingCount == null) return null;
    if (r.marketMedianHourlyUsd <= 0) return null;
    const share = r.hourlyUsd / r.marketMedianHourlyUsd;
    if (share > config.maxShareOfMarket || r.platformRating < config.minRating || r.ratingCount < config.minRatingCount) return null;
    return hit(`The rate is ${pct(share)} of the market median while the platform rating is ${pct(r.platformRating)} over ${r.ratingCount} reviews.`, [
      { label: "Hourly rate", value: `$${r.hourlyUsd}` },
      { label: "Market median", value: `$${r.marketMedianHourlyUsd}` },
      { label: "Platform rating", value: `${pct(r.platformRating)} (${r.ratingCount} reviews)` },
    ]);
  },
});
