import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "lib/server/db/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Playwright fixtures call `use(...)`, which is not React's hook.
    files: ["tests/e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // The rules engine is pure: zod and its own files only (see ARCHITECTURE.md).
    files: ["lib/engine/**/*.ts"],
    ignores: ["lib/engine/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!zod$|zod/|\\.{1,2}/|@/lib/engine/).*",
              message: "lib/engine is pure: import only zod and files inside lib/engine.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "process", message: "No env access in lib/engine." }, { name: "fetch", message: "No I/O in lib/engine." }],
      "no-restricted-properties": ["error", { object: "Date", property: "now", message: "Pass asOf instead of reading the clock." }, { object: "Math", property: "random", message: "The engine is deterministic." }],
      "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Pass asOf instead of reading the clock." }],
    },
  },
  {
    // Components render data; they never reach the server layer directly.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/server/*", "@/lib/server"], message: "components/ must not import lib/server." }] }],
    },
  },
  {
    // Enrichment is data lookup beside the engine; it never reaches the framework or the server layer.
    files: ["lib/enrichment/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/server/*", "@/lib/server", "next", "next/*", "react"], message: "lib/enrichment must not import lib/server or the framework." }] }],
    },
  },
]);
