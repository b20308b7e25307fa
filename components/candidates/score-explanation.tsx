import type { Corroboration } from "@/lib/engine";

/**
 * One or two sentences under the flags: how the hits became the score (ADR 0008). Shown only for screenings scored
 * with the corroboration model; engine-1 screenings simply add up their hits.
 */
export function ScoreExplanation({ corroboration, score }: { corroboration: Corroboration | null; score: number }) {
  if (!corroboration) return null;
  const { base, signals, categories, multiplier, capped, specific } = corroboration;
  let text: string;
  if (capped)
    text = `One signal with common innocent explanations and nothing specific to the scheme: held at ${score} (the most an uncorroborated signal can score), whatever its own points (${Math.round(base)}).`;
  else if (signals >= 2)
    text = `${signals} medium or high signals in ${categories} ${categories === 1 ? "category" : "different categories"} corroborate each other: their combined points (${Math.round(base)}) were raised with exponent ${multiplier} to ${score}.`;
  else if (specific) text = `A signal specific to the scheme counts on its own: score ${score}.`;
  else text = `Score ${score} from the flags' points; a second, independent signal would raise it.`;
  return (
    <p className="mt-3 text-xs text-slate-600" data-testid="score-explanation">
      <span className="font-medium">How the score was reached: </span>
      {text} The shares shown next to each flag add up to the score.
    </p>
  );
}
