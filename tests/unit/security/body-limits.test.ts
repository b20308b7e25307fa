import { describe, expect, it } from "vitest";
import { checkBodyLimit } from "../../../scripts/lib/body-limits.mjs";

describe("body limits by route (issue 9: the public sign-in accepted 60 MB)", () => {
  it("keeps the public sign-in to a few KB, and insists on a length there", () => {
    expect(checkBodyLimit("POST", "/sign-in", String(2_000), false)).toBeNull();
    expect(checkBodyLimit("POST", "/sign-in", String(60 * 1024 * 1024), false)).toMatchObject({ status: 413 });
    expect(checkBodyLimit("POST", "/sign-in", String(17 * 1024), false)).toMatchObject({ status: 413 });
    expect(checkBodyLimit("POST", "/api/auth/callback/credentials", String(17 * 1024), false)).toMatchObject({ status: 413 });
    expect(checkBodyLimit("POST", "/sign-in", undefined, true)).toMatchObject({ status: 411 });
  });

  it("gives the API 1 MB, forms 2 MB and uploads what the UI promises", () => {
    expect(checkBodyLimit("POST", "/api/v1/candidates", String(1024 * 1024), false)).toBeNull();
    expect(checkBodyLimit("POST", "/api/v1/candidates", String(1024 * 1024 + 1), false)).toMatchObject({ status: 413 });
    expect(checkBodyLimit("POST", "/candidates/new", String(2 * 1024 * 1024), false)).toBeNull();
    expect(checkBodyLimit("POST", "/candidates/new", String(3 * 1024 * 1024), false)).toMatchObject({ status: 413 });
    expect(checkBodyLimit("POST", "/api/imports", String(20 * 1024 * 1024), false)).toBeNull();
    expect(checkBodyLimit("POST", "/api/admin/sanctions", String(45 * 1024 * 1024), false)).toBeNull();
    expect(checkBodyLimit("POST", "/api/resume-text", String(6 * 1024 * 1024), false)).toMatchObject({ status: 413 });
  });

  it("leaves bodiless methods alone and refuses a nonsense length", () => {
    expect(checkBodyLimit("GET", "/sign-in", String(10 ** 9), false)).toBeNull();
    expect(checkBodyLimit("POST", "/api/v1/candidates", "-5", false)).toMatchObject({ status: 400 });
  });
});
