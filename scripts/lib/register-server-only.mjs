// For scripts that run lib/server code outside Next (seed, CLI, benchmarks): `server-only` guards against bundling
// server code into the browser and throws when imported outside React Server Components. Here we *are* on the
// server, so resolve it to an empty module. Use: node --import tsx --import ./scripts/lib/register-server-only.mjs …
import { register } from "node:module";

const hook = `
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export%20%7B%7D", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
