// Runs lists of shared cases in whatever runtime imports it, and returns
// plain JSON results, so that any host (a Worker's response, a page's
// window, Deno's stdout) can hand them back to the Node test that checks
// them. Each case is `{ name, run(api, assert, fixtures) }`.

export async function runCases(lists, api, assert, fixtures) {
  const results = [];
  for (const [suite, cases] of Object.entries(lists)) {
    for (const c of cases) {
      try {
        await c.run(api, assert, fixtures);
        results.push({ suite, name: c.name, ok: true });
      } catch (e) {
        results.push({ suite, name: c.name, ok: false, error: String((e && e.stack) || e) });
      }
    }
  }
  return results;
}
