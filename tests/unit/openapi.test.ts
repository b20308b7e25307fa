import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { PROTECTED_ATTRIBUTE_KEYS } from "@/lib/engine";
import { buildOpenApiDocument } from "@/lib/schemas/api";

type Schema = Record<string, unknown>;

/** Follows `properties` by name, looking through anyOf/oneOf/allOf (nullable fields are `anyOf [T, null]`) and arrays. */
function propertyAt(schema: unknown, names: string[]): Schema | undefined {
  if (!schema || typeof schema !== "object") return undefined;
  const s = schema as Schema;
  if (names.length === 0) return s;
  const props = s.properties as Record<string, unknown> | undefined;
  if (props && names[0] in props) {
    const found = propertyAt(props[names[0]], names.slice(1));
    if (found) return found;
  }
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    for (const branch of (s[key] as unknown[] | undefined) ?? []) {
      const found = propertyAt(branch, names);
      if (found) return found;
    }
  }
  return s.items ? propertyAt(s.items, names) : undefined;
}

function allPropertyNames(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => allPropertyNames(n, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "properties" && value && typeof value === "object") Object.keys(value).forEach((k) => out.add(k));
      allPropertyNames(value, out);
    }
  }
  return out;
}

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument();

  it("is an OpenAPI 3.1 document with the API's paths, bearer security and the error schema", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/candidates", "/api/v1/candidates/{id}", "/api/v1/candidates/{id}/screenings", "/api/admin/users"]));
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(propertyAt(doc.components.schemas.Error, ["error", "fieldErrors"])).toBeDefined();
    // Every $ref resolves inside the document.
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const name = ref.split("/").pop()!.replace(/"$/, "");
      expect(doc.components.schemas).toHaveProperty(name);
    }
    expect(JSON.stringify(doc)).not.toContain("$defs");
  });

  it("describes the submission document the API accepts", () => {
    const submission = doc.components.schemas.CandidateSubmission;
    for (const p of [["profile", "observations", "ips"], ["profile", "candidate", "email"], ["profile", "onboarding", "payment"], ["externalId"], ["stage"]]) {
      expect(propertyAt(submission, p), p.join(".")).toBeDefined();
    }
    expect(propertyAt(doc.components.schemas.SubmitResponse, ["assessment", "hits", "verificationStep"])).toBeDefined();
    // Internal fields are not part of the contract.
    expect(propertyAt(doc.components.schemas.SubmitResponse, ["assessment", "hits", "points"])).toBeUndefined();
  });

  it("describes the enrichment each screening recorded, in the screenings list and the submit response", () => {
    const fields = [
      ["ip", "country"],
      ["ip", "city"],
      ["ip", "asn"],
      ["ip", "organisation"],
      ["ip", "networkClass"],
      ["phone", "lineType"],
      ["email", "disposable"],
      ["email", "freeProvider"],
      ["timeZone", "shareInClaimedWorkHours"],
      ["ipAttribution", "href"],
    ];
    for (const f of fields) {
      expect(propertyAt(doc.components.schemas.ScreeningListResponse, ["screenings", "enrichment", ...f]), f.join(".")).toBeDefined();
      expect(propertyAt(doc.components.schemas.SubmitResponse, ["enrichment", ...f]), f.join(".")).toBeDefined();
    }
    expect(propertyAt(doc.components.schemas.ScreeningListResponse, ["screenings", "enrichment", "ip", "networkClass"])?.enum).toEqual(["hosting", "vpn", "tor", "relay", "none", "unknown"]);
  });

  it("names no protected attribute anywhere", () => {
    const names = allPropertyNames(doc);
    for (const key of PROTECTED_ATTRIBUTE_KEYS) expect(names.has(key), key).toBe(false);
  });

  it("is served as JSON by the public route", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect((await res.json()).openapi).toBe("3.1.0");
  });
});
