// Run by instances.test.mjs and limits.test.mjs in a child process (node --expose-gc):
//
//   node --expose-gc tests/js/lib/scenarios.cjs SCENARIO
//
// Before the package is required, its Node glue factory (createGlue in
// node/periskope_events.cjs, which node/index.cjs calls for every instance)
// is wrapped so that this script sees each instance the API creates: it can
// then make every export of the current one throw, as a trap would (the real
// exports never trap: see SECURITY.md), and hold a WeakRef to each
// instance's memory to see whether a replaced one is collected. It also
// counts WebAssembly.Module compilations. It exits non-zero, with the
// assertion on stderr, when a check fails.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');

const entry = require.resolve('periskope-events');
const glue = require(path.join(path.dirname(entry), 'periskope_events.cjs'));

let compiled = 0;
const NativeModule = WebAssembly.Module;
WebAssembly.Module = new Proxy(NativeModule, {
  construct(target, args) {
    compiled++;
    return Reflect.construct(target, args);
  },
});

const memories = []; // a WeakRef to every instance's memory
let current = null; // the newest instance (the one the API uses)
let created = 0;
let startCalls = null; // when set, the next instance's export calls, recorded by spy()
const createGlue = glue.createGlue;
glue.createGlue = () => {
  const instance = createGlue();
  const initSync = instance.initSync;
  instance.initSync = (options) => {
    const exports = initSync(options);
    memories.push(new WeakRef(exports.memory));
    return exports;
  };
  created++;
  current = instance;
  if (startCalls !== null) {
    for (const [name, fn] of Object.entries(instance)) {
      if (typeof fn === 'function' && name !== 'initSync' && name !== 'init' && name !== 'memory') spy(name, startCalls);
    }
  }
  return instance;
};

/** Makes every export of the current instance throw, as after a trap inside it. */
function trapCurrent() {
  for (const [name, fn] of Object.entries(current)) {
    if (typeof fn === 'function' && name !== 'initSync' && name !== 'init') {
      current[name] = () => {
        throw new WebAssembly.RuntimeError('unreachable');
      };
    }
  }
}

/** Wraps one export of the current instance to see its arguments. */
function spy(name, seen) {
  const original = current[name];
  current[name] = (...args) => {
    seen.push(args);
    return original(...args);
  };
}

async function collect() {
  for (let i = 0; i < 6; i++) {
    globalThis.gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const ORG = '2997dd64-89bf-48d3-9a22-b314fca017e5';
const GOOD = { ticket: { org_id: ORG, ticket_id: 'BKT-1', subject: 'Hello', created_at: '2025-01-11 11:52:27+00', priority: 2 } };
const MiB = 1024 * 1024;

const scenarios = {
  // Defect 4: every reload instantiates the module compiled once; the
  // replaced instance (and its memory) is garbage.
  async 'reload-after-trap'() {
    const api = require('periskope-events');
    assert.equal(compiled, 1);
    assert.equal(created, 1);
    // Grow each instance's memory to tens of MiB (below the reset
    // threshold), so that a retained instance would show in RSS too.
    const big = JSON.stringify({ ticket: { ...GOOD.ticket, subject: 'x'.repeat(20 * MiB) } });
    const rounds = 12;
    await collect();
    const rssBefore = process.memoryUsage().rss;
    for (let i = 0; i < rounds; i++) {
      assert.equal(api.validateTicketCreated(big, { maxBytes: 32 * MiB }).valid, true);
      trapCurrent();
      assert.deepEqual(api.validateTicketCreated(GOOD).errors.map((e) => e.code), ['internal_error']);
      assert.equal(api.validateTicketCreated(GOOD).valid, true, 'the call after a trap runs on a fresh instance');
    }
    assert.equal(created, 1 + rounds);
    assert.equal(compiled, 1, 'the .wasm is compiled once, whatever the reloads');
    await collect();
    const alive = memories.filter((m) => m.deref() !== undefined).length;
    assert.equal(alive, 1, `${alive} instances' memories are still alive after ${rounds} reloads`);
    const grown = process.memoryUsage().rss - rssBefore;
    // Retained, 12 instances would hold over 12 × 40 MiB.
    assert.ok(grown < 150 * MiB, `RSS grew by ${(grown / MiB).toFixed(0)} MiB over ${rounds} traps`);
  },

  // Defect 5: a trap inside any export, the next call works. Each function
  // of the API that calls into wasm, with the trap in the instance it uses.
  async 'every-export'() {
    const api = require('periskope-events');
    const body = JSON.stringify(api.sampleEvent('reaction.created'));
    const header = api.signPayload(body, 'k');
    const calls = {
      verifySignature: [() => api.verifySignature(body, header, 'k'), (r) => r === true],
      signPayload: [() => api.signPayload(body, 'k'), (r) => r === header],
      sampleEvent: [() => api.sampleEvent('ticket.created'), (r) => r.event === 'ticket.created'],
      wasmMemoryBytes: [() => api.wasmMemoryBytes(), (r) => Number.isInteger(r) && r > 0],
      constructEvent: [() => api.constructEvent(body, header, 'k'), (r) => r.event === 'reaction.created'],
      parseWebhook: [() => api.parseWebhook(body), (r) => r.event === 'reaction.created'],
      validateEvent: [() => api.validateEvent('ticket.created', GOOD), (r) => r.valid === true],
      safeParseEvent: [() => api.safeParseEvent('ticket.created', GOOD), (r) => r.success === true],
      webhookSchema: [() => api.webhookSchema['~standard'].validate(body), (r) => !r.issues],
    };
    for (const [name, [call, ok]] of Object.entries(calls)) {
      assert.ok(ok(call()), name + ' before the trap');
      const before = created;
      trapCurrent();
      let outcome;
      try {
        outcome = call();
      } catch (e) {
        outcome = e;
      }
      // The trapping call fails closed: false, an internal_error issue, or a
      // plain Error; never the engine's RuntimeError.
      assert.ok(!(outcome instanceof WebAssembly.RuntimeError), name + ' let the RuntimeError through');
      if (name === 'verifySignature') assert.ok(outcome === false || outcome instanceof Error, 'verifySignature: ' + outcome);
      if (name === 'parseWebhook') assert.equal(outcome.issues[0].code, 'internal_error', name);
      assert.equal(created, before + 1, name + ': the instance was replaced');
      assert.ok(ok(call()), name + ' after the trap');
    }
    // A trap in the key check (inside verifySignature, constructEvent, signPayload).
    trapCurrent();
    assert.throws(() => api.signPayload(body, 'k'), (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError));
    assert.equal(api.signPayload(body, 'k'), header);
  },

  // Defect 6: verifyRequest on a 200 MiB streamed body reads at most
  // maxBytes + a chunk or two, and memory stays flat.
  async 'request-200mib'() {
    const api = require('periskope-events');
    const total = 200 * MiB;
    const chunk = 256 * 1024;
    let pulled = 0;
    const stream = new ReadableStream({
      pull(controller) {
        if (pulled >= total) return controller.close();
        pulled += chunk;
        controller.enqueue(new Uint8Array(chunk).fill(0x20));
      },
    });
    const request = new Request('http://127.0.0.1/hook', {
      method: 'POST', body: stream, duplex: 'half', headers: { 'x-periskope-signature': 'a'.repeat(64) },
    });
    await collect();
    const before = process.memoryUsage().rss;
    await assert.rejects(api.verifyRequest(request, 'k'), (e) => e.name === 'PayloadError' && e.issues.length === 1 && e.issues[0].code === 'too_large' && e.issues[0].path === '');
    const grown = process.memoryUsage().rss - before;
    assert.ok(pulled <= 8 * MiB + 4 * chunk, `pulled ${pulled} bytes of the stream`);
    assert.ok(grown < 100 * MiB, `RSS grew by ${(grown / MiB).toFixed(0)} MiB`);
  },

  // A trap while the API starts (in contract() or known_events()): it
  // starts on a fresh instance.
  // Starting the package runs no wasm code: what the core says about
  // itself (defaults, flag bits, verification errors, known events) was read
  // from this same .wasm when the package was written (scripts/build-pkg.mjs),
  // and is what the module says.
  async 'nothing-runs-at-start'() {
    startCalls = [];
    const api = require('periskope-events');
    assert.equal(created, 1);
    assert.equal(compiled, 1);
    assert.equal(startCalls.length, 0);
    const contract = JSON.parse(current.contract());
    assert.deepEqual([...api.knownEvents], JSON.parse(current.known_events()));
    assert.deepEqual({ ...api.defaults }, contract.defaults);
    // Every verification error the core can answer with has the core's code and message.
    const errors = contract.verificationErrors;
    for (let n = 1; n <= errors.length; n++) {
      // In Node the core reads the header (signature_bytes: one byte, the
      // error's number, when it refuses it) and node:crypto computes the MAC.
      const saved = current.signature_bytes;
      current.signature_bytes = () => new Uint8Array([n]);
      let raised = null;
      try {
        api.constructEvent('{}', 'sha256=' + '0'.repeat(64), 'k');
      } catch (e) {
        raised = e;
      }
      current.signature_bytes = saved;
      assert.equal(raised.code, errors[n - 1].code, `error ${n}`);
      assert.equal(raised.message, errors[n - 1].message, `error ${n}`);
    }
    assert.equal(api.validateTicketCreated(GOOD).valid, true);
  },

  // Defect 11: shared memory is copied once: the core is never handed a
  // view of a SharedArrayBuffer, which another thread could change while
  // it is read.
  async 'shared-memory'() {
    const api = require('periskope-events');
    const body = JSON.stringify(api.sampleEvent('note.created'));
    const header = api.signPayload(body, 'k');
    const shared = new SharedArrayBuffer(Buffer.byteLength(body) + 8);
    new Uint8Array(shared).set(Buffer.from(body), 4);
    const seen = [];
    // In Node the MAC is node:crypto's: the core reads the header
    // (signature_bytes) and the verified body (read_verified).
    for (const name of ['verify_signature', 'construct_event', 'signature_bytes', 'read_verified', 'webhook', 'event_payload']) spy(name, seen);
    const view = new Uint8Array(shared, 4, Buffer.byteLength(body));
    assert.equal(api.verifySignature(view, header, 'k'), true);
    assert.equal(api.constructEvent(new DataView(shared, 4, view.length), header, 'k').event, 'note.created');
    assert.equal(api.parseWebhook(view).event, 'note.created');
    // A Node Buffer over shared memory: its slice() is a view, not a copy.
    const buffer = Buffer.from(shared, 4, view.length);
    assert.equal(api.constructEvent(buffer, header, 'k').event, 'note.created');
    assert.equal(api.validateEvent('note.created', view).valid, true);
    const keyShared = new SharedArrayBuffer(1);
    new Uint8Array(keyShared)[0] = 107; // 'k'
    assert.equal(api.verifySignature(view, header, keyShared), true);
    // verifySignature: signature_bytes; constructEvent (twice):
    // signature_bytes and read_verified; parseWebhook: webhook;
    // validateEvent: event_payload; the shared key: signature_bytes.
    assert.equal(seen.length, 8);
    for (const args of seen) {
      for (const arg of args) {
        if (ArrayBuffer.isView(arg)) assert.notEqual(Object.prototype.toString.call(arg.buffer), '[object SharedArrayBuffer]');
      }
    }
  },
};

const name = process.argv[2];
if (!scenarios[name]) throw new Error('unknown scenario ' + name + '; known: ' + Object.keys(scenarios).join(', '));
scenarios[name]().then(
  () => process.stdout.write('ok ' + name + '\n'),
  (e) => {
    process.stderr.write((e && e.stack) || String(e));
    process.exitCode = 1;
  },
);
