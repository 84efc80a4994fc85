// What is measured: ours, the floor, the peer pipelines and the HMACs, as
// functions of one payload form. Shared by the main run and the
// no-code-generation child, so both measure the same code.

import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hmac as stablelibHmac } from '@stablelib/hmac';
import { SHA256 } from '@stablelib/sha256';
import fastSha256 from 'fast-sha256';
import { normalizePayload, normalizeWebhook, payloadModel } from '../normalize.js';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PKG = path.join(ROOT, 'pkg');

/**
 * The package's files, wherever this build of pkg/ puts them (the layout has
 * moved: the .wasm in pkg/ or in pkg/node/, the Node glue as .cjs or .js).
 */
export function pkgFiles() {
  const first = (...rels) => rels.map((r) => path.join(PKG, r)).find((f) => fs.existsSync(f)) ?? null;
  const files = {
    wasm: first('periskope_events_bg.wasm', 'node/periskope_events_bg.wasm'),
    nodeGlue: first('node/periskope_events.cjs', 'node/periskope_events.js'),
    nodeApi: first('node/index.cjs'),
    // The JSON Schemas, which the Node entry reads on the first jsonSchema
    // call (not loaded with it; the web entries embed them).
    nodeSchemas: first('node/json-schemas.json'),
    webEntry: ['web/browser.mjs', 'web/periskope_events.mjs', 'web/api.mjs'].map((r) => path.join(PKG, r)),
  };
  if (!files.webEntry.every((f) => fs.existsSync(f))) files.webEntry = null;
  return files;
}

/** The modes: input form × output. */
export const MODES = [
  { id: 'bytes-validate', title: 'raw bytes → validity report', input: 'bytes' },
  { id: 'bytes-parse', title: 'raw bytes → normalized object', input: 'bytes' },
  { id: 'string-validate', title: 'string → validity report', input: 'text' },
  { id: 'string-parse', title: 'string → normalized object', input: 'text' },
  { id: 'object-validate', title: 'SDK object → validity report', input: 'object' },
  { id: 'object-parse', title: 'SDK object → normalized object', input: 'object' },
  { id: 'floor', title: 'the floor: JSON.parse alone', input: null },
  { id: 'hmac', title: 'HMAC-SHA256 signature check of the raw body', input: 'bytes' },
];

export const PEERS = ['ajv', 'typebox', 'zod', 'valibot'];
export const PEER_TITLES = {
  ajv: 'ajv 8 (standalone, strict)',
  typebox: 'TypeBox TypeCompiler',
  zod: 'zod 4',
  valibot: 'valibot 1',
  'zod-nocodegen': 'zod 4, no codegen [child]',
};

export function loadPeer(name) {
  switch (name) {
    case 'ajv': return import('../schemas/ajv.js').then((m) => m.create());
    case 'typebox': return import('../schemas/typebox.js').then((m) => m.create());
    case 'zod':
    case 'zod-nocodegen': return import('../schemas/zod.js').then((m) => m.create());
    case 'valibot': return import('../schemas/valibot.js').then((m) => m.create());
    default: throw new Error('unknown peer ' + name);
  }
}

const decoder = new TextDecoder();
/** How the peers turn a raw body into text (as fast as Node offers for a Uint8Array). */
export const decode = (bytes) => decoder.decode(bytes);

/** The envelope schema a webhook body's event calls for, as a receiver switching on `event` would pick it. */
function envelopeModel(body) {
  if (body === null || typeof body !== 'object') return 'Envelope';
  const model = payloadModel(body.event);
  return model === 'TicketInfo' ? 'TicketEnvelope' : model === 'Message' ? 'MessageEnvelope' : 'Envelope';
}

/**
 * A peer's pipelines for payloads of `event`: its validator, plus the shared
 * normalizer for parse. The object forms exist for the events the table
 * models (ticket.* and message.*).
 */
export function peerPipelines(peer, event) {
  const { check, parse } = peer;
  const checkBody = (b) => check[envelopeModel(b)](b);
  const parseBody = (b) => normalizeWebhook(parse[envelopeModel(b)](b));
  const rows = {
    'bytes-validate': (bytes) => checkBody(JSON.parse(decode(bytes))),
    'bytes-parse': (bytes) => parseBody(JSON.parse(decode(bytes))),
    'string-validate': (text) => checkBody(JSON.parse(text)),
    'string-parse': (text) => parseBody(JSON.parse(text)),
  };
  const model = payloadModel(event);
  if (model) {
    const checkData = check[model];
    const parseData = parse[model];
    rows['object-validate'] = (object) => checkData(object);
    rows['object-parse'] = (object) => normalizePayload(event, parseData(object));
  }
  return rows;
}

/** The package, and what this build of it offers (feature detection, never hard-coded). */
export function loadOurs() {
  const ours = require(PKG);
  return ours;
}

/**
 * Our pipelines for one payload. `payload.event` decides what the object
 * form can use: ticket.created goes to validate/parseTicketCreated (as in
 * earlier tables); any other event to validateEvent/parseEvent(event, object)
 * when the package has them, else to a per-event export
 * (parseMessageCreated...), else those rows are n/a. `ourCall` names them.
 */
export function ourPipelines(ours, payload) {
  const rows = {
    'bytes-validate': (bytes) => ours.validateWebhook(bytes).valid,
    'bytes-parse': (bytes) => ours.parseWebhook(bytes),
    'string-validate': (text) => ours.validateWebhook(text).valid,
    'string-parse': (text) => ours.parseWebhook(text),
  };
  if (payload.event === 'ticket.created') {
    rows['object-validate'] = (object) => ours.validateTicketCreated(object).valid;
    rows['object-parse'] = (object) => ours.parseTicketCreated(object);
  } else if (typeof ours.parseEvent === 'function' && typeof ours.validateEvent === 'function') {
    const event = payload.event;
    rows['object-validate'] = (object) => ours.validateEvent(event, object).valid;
    rows['object-parse'] = (object) => ours.parseEvent(event, object);
  } else {
    const name = payload.event.replace(/(^|\.)(\w)/g, (_, dot, c) => c.toUpperCase());
    if (typeof ours['validate' + name] === 'function') rows['object-validate'] = (o) => ours['validate' + name](o).valid;
    if (typeof ours['parse' + name] === 'function') rows['object-parse'] = (o) => ours['parse' + name](o);
  }
  return rows;
}

/** The call behind one of our rows, for the report. */
export function ourCall(ours, mode, payload) {
  const objectFn = (verb) => {
    if (payload.event === 'ticket.created') return `${verb}TicketCreated(object)`;
    if (typeof ours[verb + 'Event'] === 'function') return `${verb}Event('${payload.event}', object)`;
    return `${verb}${payload.event.replace(/(^|\.)(\w)/g, (_, dot, c) => c.toUpperCase())}(object)`;
  };
  switch (mode) {
    case 'bytes-validate': return 'validateWebhook(Uint8Array)';
    case 'bytes-parse': return 'parseWebhook(Uint8Array)';
    case 'string-validate': return 'validateWebhook(string)';
    case 'string-parse': return 'parseWebhook(string)';
    case 'object-validate': return objectFn('validate');
    case 'object-parse': return objectFn('parse');
    case 'hmac': return 'verifySignature';
    default: return mode;
  }
}

/**
 * The wasm-bindgen glue's raw exports, to split our time into its parts
 * (the wasm call, which leaves its answer as a tape in wasm memory, then
 * the objects built from the tape): an instance of the Node glue factory
 * (node/periskope_events.cjs: createGlue, initialized with the compiled
 * .wasm), as node/index.cjs makes one, and the tape's reader made from its
 * sources (pkg-template/src/shapes.js and tape.js, the body of the
 * package's createTapeReader). Internal, so checked: null, with the reason,
 * when the glue no longer has the shape this expects (webhook(bytes, flags,
 * maxBytes, maxIssues) → the tape's header, release_answer(), flag 2 =
 * validation only).
 */
export function loadInternals(bytes) {
  try {
    const { nodeGlue, wasm } = pkgFiles();
    if (!nodeGlue || !wasm) return { why: 'no Node glue or .wasm found in pkg/' };
    const factory = require(nodeGlue);
    if (typeof factory.createGlue !== 'function') return { why: 'the Node glue is not a factory (createGlue)' };
    const module = new WebAssembly.Module(fs.readFileSync(wasm));
    const instance = () => {
      const glue = factory.createGlue();
      glue.initSync({ module });
      return glue;
    };
    // Two instances: one for the calls, one that keeps a tape to read
    // (another call on the same instance would overwrite it).
    const glue = instance();
    const keeper = instance();
    const source = ['shapes.js', 'tape.js'].map((f) => fs.readFileSync(path.join(ROOT, 'pkg-template', 'src', f), 'utf8')).join('\n');
    const readTape = new Function(source)();
    const answer = (flags) => {
      const header = glue.webhook(bytes, flags, 8 * 1024 * 1024, 100);
      try {
        return readTape(glue.memory(), header);
      } finally {
        glue.release_answer();
      }
    };
    const full = answer(0);
    const validateOnly = answer(2);
    if (!full.data || validateOnly.data !== null) return { why: 'the glue\'s webhook export answers in another shape' };
    return { glue, keeper, readTape, why: null };
  } catch (e) {
    return { why: 'the glue could not be read: ' + e.message };
  }
}

/** Whether parseWebhook validates this payload's event (`known: true`), or passes its data through. */
export function oursValidates(ours, payload) {
  return ours.parseWebhook(payload.bytes).known === true;
}

// HMAC-SHA256 of the raw body, hex, checked against the header in constant time.
export const SIGNING_KEY = 'peri_0b7f5a9e-3c1d-4e2a-9f6b-8d2c4a1e7b3f';
const KEY_BYTES = Buffer.from(SIGNING_KEY, 'utf8');
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const toHex = (bytes) => {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]];
  return s;
};
/** Constant-time comparison of two hex strings, as every webhook library does. */
function equalHex(a, b) {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return d === 0;
}

export function signature(bytes) {
  return crypto.createHmac('sha256', KEY_BYTES).update(bytes).digest('hex');
}

/**
 * Our signature check, if the package has one: issue 3 names
 * verifySignature(body, signature, keys) → boolean and signPayload(body, key).
 * Tried on a good and a bad signature before use; null with the reason when
 * absent or not recognised.
 */
export function detectOurHmac(ours, bytes) {
  const sig = signature(bytes);
  if (typeof ours.verifySignature === 'function') {
    try {
      const good = ours.verifySignature(bytes, sig, SIGNING_KEY);
      const bad = ours.verifySignature(bytes, sig.replace(/^./, sig[0] === '0' ? '1' : '0'), SIGNING_KEY);
      if (good === true && bad === false) return { fn: (b) => ours.verifySignature(b, sig, SIGNING_KEY), how: 'verifySignature' };
      return { fn: null, how: 'verifySignature(body, signature, key) did not answer true/false as expected' };
    } catch (e) {
      return { fn: null, how: 'verifySignature threw: ' + e.message };
    }
  }
  if (typeof ours.signPayload === 'function') {
    try {
      const header = String(ours.signPayload(bytes, SIGNING_KEY)).replace(/^sha256=/, '');
      if (header === sig) return { fn: (b) => equalHex(String(ours.signPayload(b, SIGNING_KEY)).replace(/^sha256=/, ''), sig), how: 'signPayload' };
      return { fn: null, how: 'signPayload(body, key) gave another digest' };
    } catch (e) {
      return { fn: null, how: 'signPayload threw: ' + e.message };
    }
  }
  return { fn: null, how: 'n/a: the package exports no verifySignature or signPayload yet' };
}

/** The peer HMACs: node:crypto, and the pure-JS ones webhook libraries bundle. */
export function hmacPipelines(bytes) {
  const sig = signature(bytes);
  return {
    'node:crypto': (b) => equalHex(crypto.createHmac('sha256', KEY_BYTES).update(b).digest('hex'), sig),
    // standardwebhooks 1.x and svix 1.x depend on fast-sha256 (Dmitry
    // Chestnykh's standalone build of @stablelib/sha256's code).
    'fast-sha256': (b) => equalHex(toHex(fastSha256.hmac(KEY_BYTES, b)), sig),
    '@stablelib/hmac+sha256': (b) => equalHex(toHex(stablelibHmac(SHA256, KEY_BYTES, b)), sig),
  };
}
