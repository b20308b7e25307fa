// Black-box tests of the offline schema-engine shim (prisma/schema-engine/schema-engine.mjs):
// run it as the Prisma CLI does and speak its protocol. No database needed.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { describe, expect, it } from "vitest";

const SHIM = path.resolve(import.meta.dirname, "../../prisma/schema-engine/schema-engine.mjs");

type RpcMessage = { id?: number; method?: string; params?: { content?: string }; result?: unknown; error?: unknown };

describe("schema-engine shim", () => {
  it("answers --version like the native engine", () => {
    const run = spawnSync(SHIM, ["--version"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^schema-engine-cli [0-9a-f]{40}\n$/);
  });

  it("reports an unreachable server as P1001 on the second stderr line of a cli command", () => {
    const datasource = JSON.stringify({ url: "postgresql://postgres@127.0.0.1:1/nothing" });
    const run = spawnSync(SHIM, ["--datasource", datasource, "cli", "can-connect-to-database"], { encoding: "utf8" });
    expect(run.status).toBe(1);
    // The CLI skips the first line (the banner) and parses the rest as JSON.
    const [, ...lines] = run.stderr.trim().split("\n");
    const errors = lines.map((line) => JSON.parse(line)).filter((l) => l.level === "ERROR");
    expect(errors[0]).toMatchObject({ target: "schema_engine::logger", fields: { error_code: "P1001" } });
  });

  it("diffs an empty schema to a datamodel over JSON-RPC, printing the SQL through the CLI", async () => {
    const child = spawn(SHIM, [], { stdio: ["pipe", "pipe", "pipe"] });
    const messages = readline.createInterface({ input: child.stdout });
    const printed: string[] = [];
    const result = new Promise<RpcMessage>((resolve) => {
      messages.on("line", (line) => {
        const message = JSON.parse(line) as RpcMessage;
        if (message.method === "print") {
          printed.push(message.params?.content ?? "");
          child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id: message.id, result: {} })}\n`);
        } else if (message.id === 1) {
          resolve(message);
        }
      });
    });
    const schema = 'datasource db {\n  provider = "postgresql"\n}\n\nmodel Thing {\n  id Int @id\n  kind String @db.Char(1)\n}\n';
    const request = {
      jsonrpc: "2.0",
      id: 1,
      method: "diff",
      params: {
        from: { tag: "empty" },
        to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
        script: true,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      },
    };
    child.stdin.write(`${JSON.stringify(request)}\n`);
    const response = await result;
    child.stdin.end();
    expect(response.error).toBeUndefined();
    expect(response.result).toEqual({ exitCode: 0, stdout: null });
    expect(printed.join("\n")).toContain('CREATE TABLE "Thing"');
  }, 60_000);
});
