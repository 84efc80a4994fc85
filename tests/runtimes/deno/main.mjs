// Deno: the package imported by name from the project's node_modules (Deno
// reads package.json and picks the `deno` entry), the shared cases run,
// the results printed as JSON for deno.test.mjs.
import { runAll } from '../lib/host.mjs';

const results = await runAll();
console.log(JSON.stringify({ entry: import.meta.resolve('periskope-events'), results }));
