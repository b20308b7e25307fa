// The cluster of linked applicants (issue 11, link graph): two hops over shared identifiers on real Postgres, values
// shared by too many applicants listed but not followed, and only security reviewers may see it.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/auth/authorization";
import { getDb } from "@/lib/server/db";
import { clusterOf, getCandidateCluster } from "@/lib/server/linkage/get-candidate-cluster";
import type { LinkageInput } from "@/lib/server/linkage/linkage-input";
import { createTestUser } from "../support/factories";
import { recordCandidateLinkage } from "../support/record-candidate-linkage";

let recruiter: Actor;
let security: Actor;

beforeAll(async () => {
  recruiter = await createTestUser("RECRUITER");
  security = await createTestUser("SECURITY");
});

const input = (o: Partial<LinkageInput>): LinkageInput => ({ emails: [], phones: [], addresses: [], shipTo: [], deviceFingerprints: [], ips: [], bankAccounts: [], govIds: [], employers: [], ...o });

async function candidateWith(fullName: string, linkage: LinkageInput) {
  const c = await getDb().candidate.create({ data: { fullName, email: `${randomUUID().slice(0, 8)}@example.org`, createdById: recruiter.id, updatedById: recruiter.id }, select: { id: true } });
  await getDb().$transaction((tx) => recordCandidateLinkage(tx, { candidateId: c.id, input: linkage }));
  return c.id;
}

describe("candidate cluster", () => {
  it("follows shared identifiers two hops out, says what each link shares, and stops at values shared by too many", async () => {
    const t = randomUUID().slice(0, 6);
    const phone = { number: `+1 602 555 ${String(1000 + Math.floor(Math.random() * 8999))}` };
    const farm = { line1: `${t} W Thomas Rd`, city: "Phoenix", region: "AZ", postalCode: "85015", country: "US" };
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
    const a = await candidateWith(`Alpha ${t}`, input({ phones: [phone], ips: [ip] }));
    const b = await candidateWith(`Bravo ${t}`, input({ phones: [phone], shipTo: [farm] }));
    const c = await candidateWith(`Charlie ${t}`, input({ shipTo: [farm] }));
    const d = await candidateWith(`Delta ${t}`, input({ shipTo: [{ ...farm, line1: farm.line1.replace("W ", "West ") }] })); // the same address, written differently
    const far = await candidateWith(`Echo ${t}`, input({ deviceFingerprints: [`fp-${t}`] }));
    const foxtrot = await candidateWith(`Foxtrot ${t}`, input({ deviceFingerprints: [`fp-${t}`], shipTo: [farm] })); // 2 hops (the ship-to); Echo, behind its device, is 3
    // A value shared by more applicants than the fan-out limit is listed, not followed.
    for (let i = 0; i < 4; i++) await candidateWith(`Office ${t} ${i}`, input({ ips: [ip] }));

    const cluster = await getDb().$transaction((tx) => clusterOf(tx, a, 2, 4, 150));
    const hop = new Map(cluster.candidates.map((x) => [x.id, x.hop]));
    expect(hop.get(a)).toBe(0);
    expect(hop.get(b)).toBe(1);
    expect(hop.get(c)).toBe(2);
    expect(hop.get(d)).toBe(2);
    expect(hop.has(far)).toBe(false); // three hops: Alpha → Bravo → Foxtrot (ship-to) → Echo (device)
    expect(cluster.links.find((l) => l.kind === "PHONE")?.candidateIds.sort()).toEqual([a, b].sort());
    expect(cluster.links.find((l) => l.kind === "SHIP_TO")?.candidateIds.length).toBe(4); // Bravo, Charlie, Delta, Foxtrot
    expect(cluster.tooCommon).toEqual([expect.objectContaining({ kind: "IP", display: ip, candidateCount: 5 })]);
    expect(hop.get(foxtrot)).toBe(2);
    expect(cluster.candidates.filter((x) => x.fullName.startsWith("Office "))).toEqual([]);
    expect(cluster.truncated).toBe(false);

    const cut = await getDb().$transaction((tx) => clusterOf(tx, a, 2, 4, 3));
    expect(cut.truncated).toBe(true);
    expect(cut.candidates).toHaveLength(3);
  });

  it("is for security reviewers only; an unknown candidate is not found", async () => {
    const id = await candidateWith(`Solo ${randomUUID().slice(0, 6)}`, input({}));
    await expect(getCandidateCluster({ actor: recruiter, candidateId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const alone = await getCandidateCluster({ actor: security, candidateId: id });
    expect(alone).toMatchObject({ rootId: id, links: [], candidates: [expect.objectContaining({ id, hop: 0 })] });
    const missing = await getCandidateCluster({ actor: security, candidateId: randomUUID() }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(AppError);
    expect((missing as AppError).code).toBe("NOT_FOUND");
  });
});
