import "server-only";
import { AppError } from "@/lib/errors";
import { parseCandidateListQuery } from "@/lib/schemas/candidate";
import type { CandidateListFilter } from "../candidates/candidate-list-sql";

/**
 * An export's filters from its URL: the candidates list's parameters, validated by the list's own schema. The list
 * page links here with the filters it parsed; a hand-made URL with an invalid one is a 400 naming the parameter
 * (never a 500, never a silently unfiltered file). The page (cursor, limit) is not part of an export.
 */
export function parseExportFilter(params: URLSearchParams): CandidateListFilter {
  const { query, invalid } = parseCandidateListQuery((name) => (name === "cursor" || name === "limit" ? undefined : (params.get(name) ?? undefined)));
  if (Object.keys(invalid).length) throw new AppError("VALIDATION", "Some filters are invalid.", { fieldErrors: invalid });
  const { cursor: _cursor, limit: _limit, ...filter } = query;
  return filter;
}
