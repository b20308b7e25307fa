import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/schemas/api";

// Public on purpose: the document describes the API's shape and holds no data. Built from the same zod schemas the
// handlers parse with, at request time, so it always matches the running code.
export const dynamic = "force-dynamic";

export async function GET() {
  return NextResponse.json(buildOpenApiDocument(), { headers: { "cache-control": "no-store" } });
}
