// Writes the npm package into pkg/ from wasm-pack's output and pkg-template/.
//
//   node scripts/build-pkg.mjs
//
// scripts/build.sh runs wasm-pack once, with --target web, into
// target/wasm-pack/web/, and this script assembles one package from it:
//
//   periskope_events_bg.wasm   the one .wasm every entry loads
//   node/index.cjs             Node require: compiles the .wasm once
//                              (synchronously, when required) and builds the
//                              API over an instance of the glue factory
//   node/index.mjs             Node import: re-exports index.cjs (one API)
//   node/periskope_events.cjs  the web glue as a CommonJS factory (createGlue)
//   node/json-schemas.json     the JSON Schemas without annotations, read by
//                              node/index.cjs on the first jsonSchema call
//   web/periskope_events.mjs   the web glue as an ES module factory (createGlue)
//   web/api.mjs                the shared API as an ES module
//   web/workerd.mjs            Workers: static .wasm import + initSync
//   web/edge-light.mjs         Vercel Edge / Next.js: static .wasm?module import + initSync
//   web/deno.mjs               Deno: `import source` of the .wasm + initSync
//   web/browser.mjs            browsers and bundlers: top-level await init(URL)
//   types/index.d.cts|d.mts    one set of declarations for every entry
//   schemas/*.json             the JSON Schemas of every event (input and
//                              output) and of the webhook, from pkg-template/schemas/
//
// Every entry wraps the same code, pkg-template/src/api.js followed by
// pkg-template/src/standard-schema.js and pkg-template/src/handler.js (the
// webhook handlers), around the same glue factory, and
// gives the API an `instantiate` that makes a fresh instance of the module it
// compiled once: the API's reload, after a trap or a call that left the
// instance's memory large (see api.js). The export names come from the API
// object itself, so a function added to api.js is exported everywhere
// without touching this script.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// esbuild (a pinned dev dependency) minifies the JavaScript the package
// ships: what a user downloads, and what Node reads and scans when the
// package is required. The sources stay readable in pkg-template/src/.
const esbuild = createRequire(import.meta.url)('esbuild');
const template = path.join(root, 'pkg-template');
const out = path.join(root, 'pkg');
const wasmPack = path.join(root, 'target', 'wasm-pack');
const WASM = 'periskope_events_bg.wasm';

const cargo = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
const field = (name) => {
  const m = cargo.match(new RegExp('^' + name + '\\s*=\\s*"([^"]*)"', 'm'));
  if (!m) throw new Error('Cargo.toml has no ' + name);
  return m[1];
};
const version = field('version');

const read = (...p) => fs.readFileSync(path.join(...p), 'utf8');
function write(rel, text) {
  const to = path.join(out, rel);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.writeFileSync(to, text);
}
function copy(from, rel) {
  const to = path.join(out, rel);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

// Replaces `from` with `to` in wasm-bindgen's glue, and fails loudly if the
// glue no longer has exactly one `from` (a new wasm-bindgen version).
function patch(text, from, to, what) {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`${what}: expected one ${JSON.stringify(from)}, found ${count}; has wasm-bindgen's glue changed?`);
  return text.replace(from, () => to);
}

// The JSON Schemas (pkg-template/schemas/, generated from the Rust models by
// tests/json_schema.rs): shipped as files in schemas/, and, for the Standard
// JSON Schema methods, as one JSON text with each definition once
// (`{ defs, roots }`, roots keyed by event and `webhook`; see
// standard-schema.js), parsed on first use: embedded in the web entries,
// node/json-schemas.json for Node. A definition two files spell differently,
// or a file missing, is an error.
const schemaDir = path.join(template, 'schemas');
const schemaFiles = fs.readdirSync(schemaDir).filter((f) => f.endsWith('.json')).sort();
const jsonSchemaLibrary = { defs: {}, roots: {} };
for (const file of schemaFiles) {
  const m = /^(.+)\.(input|output)\.json$/.exec(file);
  if (!m) throw new Error(`pkg-template/schemas/${file}: expected <event>.input.json or <event>.output.json`);
  const schema = JSON.parse(read(schemaDir, file));
  const { $defs: defs, ...root } = schema;
  for (const [name, def] of Object.entries(defs || {})) {
    const seen = jsonSchemaLibrary.defs[name];
    if (seen !== undefined && JSON.stringify(seen) !== JSON.stringify(def)) throw new Error(`pkg-template/schemas/${file}: $defs/${name} differs from another file's`);
    jsonSchemaLibrary.defs[name] = def;
  }
  (jsonSchemaLibrary.roots[m[1]] ||= {})[m[2]] = root;
}
for (const [key, both] of Object.entries(jsonSchemaLibrary.roots)) {
  if (!both.input || !both.output) throw new Error(`pkg-template/schemas/: ${key} needs an input and an output schema`);
}
// That copy leaves out the annotations (`description`, `examples`):
// every entry carries it, and they took 5.7 of its 9.9 KB gzip; the files
// in schemas/ keep them, for OpenAPI and other tools. `description` and
// `examples` are annotations only: what the schemas accept is the same.
const withoutAnnotations = (v) =>
  Array.isArray(v) ? v.map(withoutAnnotations)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'description' && k !== 'examples').map(([k, x]) => [k, withoutAnnotations(x)]))
      : v;

// The shared API: a plain script defining createApi(wasm), then the Standard
// Schema layer defining createStandardSchemas(api), then the webhook
// handlers defining createHandlers(api, internal) (`internal`: the pieces of
// verifyRequest that createApi shares with them, never exported);
// `createPackage` is the one call every entry makes. Its last argument,
// `loadJsonSchemas`, returns the JSON text of the schemas (see
// standard-schema.js), asked for on the first `jsonSchema` call: the web
// entries embed the text (their API is synchronous and they cannot read a
// file), the Node entry reads it from node/json-schemas.json, so that
// loading the package neither downloads nor scans it.
const jsonSchemaText = JSON.stringify(withoutAnnotations(jsonSchemaLibrary));
const createPackageSource = (loader) => `/** The package's exports for one build's wasm-bindgen glue. */
function createPackage(wasm, reload, host, loadJsonSchemas) {
  'use strict';
  const internal = {};
  const api = createApi(wasm, reload, internal, host, coreContract);
  Object.assign(api, createStandardSchemas(api, ${loader}));
  Object.assign(api, createHandlers(api, internal));
  // Each exported function and class is named as it is exported: the
  // minified code's own names are short.
  for (const name of Object.keys(api)) {
    if (typeof api[name] === 'function') Object.defineProperty(api[name], 'name', { value: name });
  }
  return api;
}
`;
// The tape's reader is one function's body: the generated tags and shapes
// (shapes.js), then the reader (tape.js), so that their names stay private
// to it (and are minified).
const tapeReaderSource = `/** Builds an answer's objects from the core's tape (see tape.js). */
function createTapeReader() {
'use strict';
${read(template, 'src', 'shapes.js')}
${read(template, 'src', 'tape.js')}
}
`;
// What the core says about itself (its option defaults, flag bits,
// verification errors and known events), asked of the .wasm this package
// ships, here, once: every entry has it as a constant, so that starting the
// package runs no wasm code (asking at start-up compiled and ran the core's
// JSON writer: about a millisecond of a fresh process's first result).
// tests/js/instances.test.mjs checks the constant against the module.
const shippedGlue = await import(pathToFileURL(path.join(wasmPack, 'web', 'periskope_events.js')).href);
shippedGlue.initSync({ module: new WebAssembly.Module(fs.readFileSync(path.join(wasmPack, 'web', WASM))) });
const coreContract = { contract: JSON.parse(shippedGlue.contract()), events: JSON.parse(shippedGlue.known_events()) };
const coreContractSource = `/** What the core says about itself, read from its .wasm by scripts/build-pkg.mjs (see api.js). */
const coreContract = ${JSON.stringify(coreContract)};
`;
const apiSources = [coreContractSource, tapeReaderSource, ...['api.js', 'standard-schema.js', 'handler.js'].map((f) => read(template, 'src', f))];
const nodeSharedSource = [...apiSources, createPackageSource('loadJsonSchemas')].join('\n');
const webSharedSource = [
  ...apiSources,
  `/** The JSON Schemas of pkg-template/schemas/, as JSON text (see standard-schema.js). */
const jsonSchemaText = ${JSON.stringify(jsonSchemaText)};
`,
  createPackageSource('loadJsonSchemas || (() => jsonSchemaText)'),
].join('\n');
const banner = `// periskope-events ${version}: generated by scripts/build-pkg.mjs from pkg-template/src/; edit those.\n`;

// Minifies plain script (no import or export): top-level names
// (createGlue, createApi, createPackage...) are kept, as the entries and the
// tests refer to them; every name inside is shortened. Node's entry targets
// the package's oldest Node (engines), the web entries what has top-level
// await (browser.mjs needs it). `PKG_MINIFY=0 node scripts/build-pkg.mjs`
// writes the same package unminified, for reading stack traces and
// profiles (benches/profile.js) against the sources.
const NODE_TARGET = 'node18';
const WEB_TARGET = 'es2022';
const MINIFY = process.env.PKG_MINIFY !== '0';
function minify(code, target) {
  if (!MINIFY) return code.endsWith('\n') ? code : code + '\n';
  return esbuild.transformSync(code, { minify: true, target, legalComments: 'none', charset: 'ascii' }).code;
}

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

copy(path.join(wasmPack, 'web', WASM), WASM);

// The web glue, made a factory: each createGlue() call is a separate
// instance with its own memory (an ES module, or a CommonJS module, is
// evaluated once, and the API's reload needs a fresh instance). Patches, each
// failing loudly when wasm-bindgen's glue changes:
// - initSync's test for a compiled module must not depend on the realm:
//   Next.js and `vercel dev` run edge code in a Node vm context and hand it a
//   WebAssembly.Module compiled outside, which fails `instanceof
//   WebAssembly.Module` there, and the glue would then try to compile it from
//   bytes (refused, or a TypeError);
// - the asynchronous init (`__wbg_init`, `__wbg_init_once`, `__wbg_load`:
//   fetching or compiling the .wasm, the default URL of the .wasm) is cut
//   out: every entry compiles the module its own way and calls initSync, and
//   it was a fifth of the glue. What is left has no import.meta, so the ES
//   module and the CommonJS copies are the same code.
const webGlue = patch(
  read(wasmPack, 'web', 'periskope_events.js'),
  'if (!(module instanceof WebAssembly.Module)) {',
  "if (!(module instanceof WebAssembly.Module) && Object.prototype.toString.call(module) !== '[object WebAssembly.Module]') {",
  'web glue',
);
// Removes the text from the one `from` up to the one `to` after it.
function cut(text, from, to, what) {
  const at = text.indexOf(from);
  const until = text.indexOf(to, at);
  if (at < 0 || text.indexOf(from, at + 1) >= 0 || until < 0 || text.indexOf(to, until + 1) >= 0) {
    throw new Error(`${what}: expected one ${JSON.stringify(from)} and one ${JSON.stringify(to)} after it; has wasm-bindgen's glue changed?`);
  }
  return text.slice(0, at) + text.slice(until);
}
const glueExports = [...webGlue.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
const glueTail = /^export \{ initSync, __wbg_init as default \};\s*$/m;
if (!glueTail.test(webGlue)) throw new Error("web glue: its final export clause has changed; has wasm-bindgen's glue changed?");
const syncGlue = cut(
  cut(webGlue, 'async function __wbg_load(', 'function initSync(', 'web glue'),
  'let __wbg_init_promise;',
  'export { initSync, __wbg_init as default };',
  'web glue',
);
const glueBody = syncGlue.replace(/^export function /gm, 'function ').replace(glueTail, '');
if (/^export\b/m.test(glueBody)) throw new Error('web glue: it exports something this script does not know');
if (/__wbg_init|__wbg_load|\bimport\.meta\b|^\s*import\b/m.test(glueBody)) throw new Error('web glue: the asynchronous init is still there in part');
// `memory()` gives the instance's memory, where the reading exports leave
// their answer (the tape, read in place by api.js), from the glue's own
// binding of the instance's exports.
if (!/^let wasmModule, wasmInstance, wasm;$/m.test(glueBody) || !/^\s*wasm = instance\.exports;$/m.test(glueBody)) {
  throw new Error("web glue: it no longer keeps the instance's exports in `wasm`; has wasm-bindgen's glue changed?");
}
const factory = (body) => `function createGlue() {
${body}
return { ${glueExports.join(', ')}, initSync, memory: () => wasm.memory };
}`;
// The ES module one for the web entries, the CommonJS one for Node, which
// node/index.cjs initializes with the module it compiled once.
write('web/periskope_events.mjs', `${banner}export ${minify(factory(glueBody), WEB_TARGET)}`);
write(
  'node/periskope_events.cjs',
  `${banner}'use strict';
${minify(factory(glueBody), NODE_TARGET)}module.exports = { createGlue };
`,
);

// Node: the .wasm read and compiled once, when index.cjs is required; each
// instantiate() is a fresh instance of that module, and the previous one,
// no longer referenced, is garbage. The JSON Schemas' text is read on the
// first jsonSchema call. In Node, the MAC is node:crypto's (OpenSSL,
// synchronous, about 4 times faster than SHA-256 in wasm); the keys, the
// header and every other rule stay the core's. Every other runtime computes
// it in wasm. node:crypto is required on the first MAC, not when the
// package is: loading it is about 2 ms of a fresh process's start-up. This
// part is not minified (tests/js/hmac-paths.test.mjs, tests/js/lib/scenarios.cjs
// and benches/profile.js rely on its shape).
const nodeInstantiate = `const glue = require('./periskope_events.cjs');
const wasmModule = new WebAssembly.Module(require('node:fs').readFileSync(require('node:path').join(__dirname, '..', '${WASM}')));
const loadJsonSchemas = () => {
  const file = require('node:path').join(__dirname, 'json-schemas.json');
  try {
    return require('node:fs').readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error('periskope-events: jsonSchema needs ' + file + ', which is missing (a bundler that copies node/index.cjs must copy node/json-schemas.json beside it)', { cause: e });
  }
};
function instantiate() {
  const instance = glue.createGlue();
  instance.initSync({ module: wasmModule });
  return instance;
}
let crypto = null;
const host = {
  hmacSha256: (key, body) => (crypto || (crypto = require('node:crypto'))).createHmac('sha256', key).update(body).digest(),
  equal: (a, b) => a.length === b.length && (crypto || (crypto = require('node:crypto'))).timingSafeEqual(a, b),
};`;
write('node/json-schemas.json', jsonSchemaText);
write('node/index.cjs', `${banner}'use strict';\n${minify(nodeSharedSource, NODE_TARGET)}${nodeInstantiate}\nmodule.exports = createPackage(instantiate(), instantiate, host, loadJsonSchemas);\n`);

// The export names, read off the real API object.
const nodeApi = createRequire(import.meta.url)(path.join(out, 'node', 'index.cjs'));
const EXPORTS = Object.keys(nodeApi);
for (const name of EXPORTS) {
  if (typeof nodeApi[name] === 'function' && nodeApi[name].name !== name) throw new Error(`node/index.cjs: the export ${name} is named ${JSON.stringify(nodeApi[name].name)}`);
}
const named = `export const {\n${EXPORTS.map((n) => `  ${n},`).join('\n')}\n} = api;\n`;
write('node/index.mjs', `${banner}import api from './index.cjs';\n\n${named}`);
write('web/api.mjs', `${banner}${minify(webSharedSource, WEB_TARGET)}export { createPackage };\n`);

// The ES module entries: each gets the compiled .wasm the way its runtime
// allows, instantiates it before the module finishes evaluating (so no init
// call is ever needed), and exports the same API; `instantiate` is also the
// API's reload. Every import binding is used, so no module is imported for
// its side effects alone (see "sideEffects" in package.json).
const entries = {
  // Cloudflare Workers (workerd, and the older `worker` condition): code
  // generation from bytes is forbidden, so the .wasm is imported statically;
  // wrangler uploads it as a module and the import is a WebAssembly.Module.
  workerd: `import wasmModule from '../${WASM}';`,
  // Vercel Edge and Next.js edge routes: the same, with the `?module` suffix
  // their bundlers use for a precompiled WebAssembly.Module.
  'edge-light': `import wasmModule from '../${WASM}?module';`,
  // Deno: a source phase import gives the compiled module with no permission
  // (fetch or Deno.readFile of a file would need --allow-read).
  deno: `import source wasmModule from '../${WASM}';`,
  // Browsers and bundlers (Vite, webpack, esbuild with a loader): fetched
  // and compiled with top-level await; bundlers see the
  // new URL(..., import.meta.url) and emit the .wasm as an asset.
  browser: `async function compile(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error('periskope-events: fetching ' + url + ' failed with HTTP ' + response.status);
  const type = (response.headers.get('content-type') || '').split(';')[0].trim();
  if (typeof WebAssembly.compileStreaming === 'function' && type === 'application/wasm') return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}
const wasmModule = await compile(new URL('../${WASM}', import.meta.url));`,
};
for (const [name, load] of Object.entries(entries)) {
  const imports = `import { createGlue } from './periskope_events.mjs';\nimport { createPackage } from './api.mjs';`;
  const [before, after] = load.startsWith('import') ? [`${load}\n${imports}`, ''] : [imports, `${load}\n`];
  write(
    `web/${name}.mjs`,
    `${banner}${before}

${after}function instantiate() {
  const glue = createGlue();
  glue.initSync({ module: wasmModule });
  return glue;
}
const api = createPackage(instantiate(), instantiate);

${named}`,
  );
}

// One set of declarations for every entry: the generated models, the API,
// the Standard Schema types, the webhook handlers, then the schema
// constants, generated from what the API object has: one per known event,
// eventSchema(name), one per other safeParse function.
const declaredTypes = ['models.d.ts', 'api.d.ts', 'standard-schema.d.ts', 'handler.d.ts'].map((f) => read(template, 'types', f));
const schemaNameOf = (event) => event.split(/[._]/).filter(Boolean).map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('') + 'Schema';
const schemaDecls = [];
const declaredSchemas = new Set();
for (const event of nodeApi.knownEvents) {
  const name = schemaNameOf(event);
  schemaDecls.push(`/** The \`${event}\` payload as a Standard Schema v1 validator (errors only; \`value\` is the normalized payload). */\nexport declare const ${name}: PeriskopeStandardSchema<EventDataInputMap['${event}'], EventDataMap['${event}']>;\n`);
  declaredSchemas.add(name);
}
schemaDecls.push('/** The Standard Schema of any known event, by name, optionally with options. */\nexport declare function eventSchema<E extends KnownEvent>(event: E, options?: Options): PeriskopeStandardSchema<EventDataInputMap[E], EventDataMap[E]>;\n');
for (const name of EXPORTS.filter((n) => /^[a-z]\w*Schema$/.test(n) && n !== 'eventSchema' && !declaredSchemas.has(n))) {
  const fn = 'safeParse' + name[0].toUpperCase() + name.slice(1, -'Schema'.length);
  schemaDecls.push(`/** \`${fn}\` as a Standard Schema v1 validator (errors only; \`value\` is the normalized output). */\nexport declare const ${name}: StandardSchemaOf<typeof ${fn}>;\n`);
}
const types = [
  `// periskope-events ${version} type declarations.\n`,
  ...declaredTypes,
  '// Generated by scripts/build-pkg.mjs: the Standard Schema objects.\n',
  ...schemaDecls,
].join('\n');
for (const name of ['index.d.cts', 'index.d.mts']) write(`types/${name}`, types);

// Every export needs a declaration; the reverse is checked by tsc in the
// tests. A missing one is reported, not fatal, so that a half-finished API
// change elsewhere does not stop every other build.
const undeclared = EXPORTS.filter((n) => !new RegExp(`export\\s+(declare\\s+)?(function|const|class|let|var)\\s+${n}\\b`).test(types));
if (undeclared.length) console.warn(`warning: exported but not declared in pkg-template/types/: ${undeclared.join(', ')}`);

// The verification error codes come from the core (its contract()); the
// declared VerificationErrorCode must name exactly those.
{
  const instance = createRequire(import.meta.url)(path.join(out, 'node', 'periskope_events.cjs')).createGlue();
  instance.initSync({ module: new WebAssembly.Module(fs.readFileSync(path.join(out, WASM))) });
  const core = JSON.parse(instance.contract()).verificationErrors.map((e) => e.code).sort();
  const m = /export type VerificationErrorCode =([^;]*);/.exec(types);
  const declared = m ? [...m[1].matchAll(/'([a-z_]+)'/g)].map((x) => x[1]).sort() : [];
  if (core.join() !== declared.join()) {
    throw new Error(`VerificationErrorCode in pkg-template/types/api.d.ts (${declared.join(', ')}) differs from the core's contract (${core.join(', ')})`);
  }
}

// Every known event and the webhook have their two schema files.
for (const key of [...nodeApi.knownEvents, 'webhook']) {
  if (!jsonSchemaLibrary.roots[key]) throw new Error(`pkg-template/schemas/ has no schemas for ${key}: run \`UPDATE_DTS=1 cargo test --test json_schema\``);
}
for (const file of schemaFiles) copy(path.join(schemaDir, file), `schemas/${file}`);

copy(path.join(template, 'bin', 'periskope-events.cjs'), 'bin/periskope-events.cjs');
fs.chmodSync(path.join(out, 'bin', 'periskope-events.cjs'), 0o755);
copy(path.join(template, 'README.md'), 'README.md');
for (const licence of ['LICENSE-MIT', 'LICENSE-APACHE']) copy(path.join(root, licence), licence);

const pkg = JSON.parse(read(template, 'package.json'));
pkg.version = version;
pkg.description = field('description');
pkg.license = field('license');
// npm's form of a repository URL (publint suggests it; npm publish would rewrite it).
pkg.repository = { type: 'git', url: 'git+' + field('repository').replace(/\.git$/, '') + '.git' };
write('package.json', JSON.stringify(pkg, null, 2) + '\n');

// Sizes: what a user downloads for the .wasm, and for the JS of each entry
// (the entry, its glue and the API).
const gzip = (b) => zlib.gzipSync(b, { level: 9 }).length;
const brotli = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const n = (x) => x.toLocaleString('en-US');
const wasmBytes = fs.readFileSync(path.join(out, WASM));
const jsOf = (...files) => Buffer.concat(files.map((f) => fs.readFileSync(path.join(out, f))));
console.log(`pkg/ written: periskope-events ${version}, ${EXPORTS.length} exports${MINIFY ? '' : ', not minified (PKG_MINIFY=0)'}`);
console.log(`  ${WASM}: ${n(wasmBytes.length)} bytes raw, ${n(gzip(wasmBytes))} gzip, ${n(brotli(wasmBytes))} brotli`);
const js = {
  node: jsOf('node/index.cjs', 'node/periskope_events.cjs'),
  browser: jsOf('web/browser.mjs', 'web/periskope_events.mjs', 'web/api.mjs'),
};
for (const [name, bytes] of Object.entries(js)) {
  console.log(`  JS (${name} entry, glue and API): ${n(bytes.length)} bytes raw, ${n(gzip(bytes))} gzip, ${n(brotli(bytes))} brotli`);
}
const schemaBytes = fs.readFileSync(path.join(out, 'node', 'json-schemas.json'));
console.log(`  node/json-schemas.json (read on the first jsonSchema call; embedded in web/api.mjs): ${n(schemaBytes.length)} bytes raw, ${n(gzip(schemaBytes))} gzip`);
