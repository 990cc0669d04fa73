// Evaluates a compiled .railway/railway.ts the way the Railway CLI does (the default export is
// called with a context and project()) and prints the resulting project definition as JSON.
// Usage: node evaluate-railway-iac.mjs <compiled railway.js> [environment] [export name, default "default"]
import { pathToFileURL } from "node:url";
import { createRailwayContext, project } from "railway/iac";

const [file, environment = "production", exportName = "default"] = process.argv.slice(2);
if (!file) {
  console.error("usage: evaluate-railway-iac.mjs <compiled railway.js> [environment]");
  process.exit(2);
}
const module = await import(pathToFileURL(file).href);
if (typeof module[exportName] !== "function") {
  console.error(`${file} has no export ${exportName} made with defineRailway()`);
  process.exit(1);
}
const context = createRailwayContext({ command: "plan", environment });
const definition = await module[exportName](context, project);
process.stdout.write(JSON.stringify(definition, null, 2) + "\n");
