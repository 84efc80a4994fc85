// The webhook receivers over real HTTP on 127.0.0.1, with Node's fetch as
// the sender: createNodeMiddleware as http.createServer's listener, and
// createWebhookHandler behind a tiny Node server that turns each request
// into a Fetch API Request (as @hono/node-server and others do). The same
// cases run through both; then what is particular to each (a body already
// read, Content-Length refused before a byte is sent, options refused when
// the handler is created). Every loop is bounded, every server closed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as api from 'periskope-events';

const KEY = 'whsec_handler_test_key';
const ORG = '2997dd64-89bf-48d3-9a22-b314fca017e5';
const SMALL = 4096;
const KiB = 1024;
const LIVENESS = { timeout: 60_000 };

const ticketBody = JSON.stringify(api.sampleEvent('ticket.created', { data: { ticket: { priority: 4 } } }));
const unknownBody = JSON.stringify({ event: 'invoice.paid', org_id: ORG, timestamp: '2025-01-26T13:46:55.758+00:00', data: { amount: 5 } });
const sign = (body, key = KEY) => ({ 'x-periskope-signature': api.signPayload(body, key) });

// --- Servers ---------------------------------------------------------------

const servers = [];
after(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(listener) {
  const server = http.createServer(listener);
  servers.push(server);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return `http://127.0.0.1:${server.address().port}/hook`;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'expect']);

// A Node request as a Fetch API Request, its body a stream that pauses the
// request rather than destroying it when cancelled (so that a 413 can still
// be written), and the Response written back.
function fetchServer(handler) {
  return async (req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name)) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let cancelled = false;
    const body =
      req.method === 'GET' || req.method === 'HEAD'
        ? undefined
        : new ReadableStream({
            start(controller) {
              req.on('data', (chunk) => {
                if (cancelled) return;
                controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
                if (controller.desiredSize <= 0) req.pause();
              });
              req.on('end', () => !cancelled && controller.close());
              req.on('error', (e) => !cancelled && controller.error(e));
            },
            pull() {
              req.resume();
            },
            cancel() {
              cancelled = true;
              req.pause();
            },
          });
    const request = new Request(new URL(req.url, 'http://127.0.0.1'), { method: req.method, headers, body, duplex: 'half' });
    const response = await handler(request);
    const out = Object.fromEntries(response.headers);
    if (cancelled) out.connection = 'close';
    res.writeHead(response.status, out);
    res.end(Buffer.from(await response.arrayBuffer()));
  };
}

// One receiver's record of what it was called with.
function receiver(extra = {}) {
  const r = { handled: [], unknown: [], errors: [], duplicateChecks: [], seen: new Set() };
  r.options = {
    keys: KEY,
    on: {
      'ticket.created': async (data, event) => {
        r.handled.push({ data, event });
        r.seen.add(event.dedup_key);
      },
    },
    onUnknown: (event) => {
      r.unknown.push(event);
      r.seen.add(event.dedup_key);
    },
    onError: (error, context) => {
      r.errors.push({ error, context });
    },
    isDuplicate: async (key, event) => {
      r.duplicateChecks.push([key, event.event]);
      return r.seen.has(key);
    },
    ...extra,
  };
  r.reset = () => {
    for (const list of [r.handled, r.unknown, r.errors, r.duplicateChecks]) list.length = 0;
    r.seen.clear();
  };
  return r;
}

const post = (url, body, headers = {}) =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, duplex: 'half', signal: AbortSignal.timeout(20_000) });

async function reply(response) {
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text), headers: response.headers };
}

// A stream of up to `max` chunks of `size` bytes (spaces), counting the pulls.
function chunks(size, max) {
  const state = { pulled: 0 };
  state.stream = new ReadableStream({
    pull(controller) {
      if (state.pulled >= max) return controller.close();
      state.pulled++;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return state;
}

// --- The same cases through both transports --------------------------------

const transports = {
  'createNodeMiddleware': (options) => serve(api.createNodeMiddleware(options)),
  'createWebhookHandler': (options) => serve(fetchServer(api.createWebhookHandler(options))),
};

for (const [name, start] of Object.entries(transports)) {
  const main = receiver();
  const small = receiver({ maxBytes: SMALL });
  const failing = receiver({
    on: {
      'ticket.created': () => {
        throw new Error('the database is down');
      },
    },
  });
  const strict = receiver({ strict: true });
  const urls = {};
  const ready = (async () => {
    for (const [key, r] of Object.entries({ main, small, failing, strict })) urls[key] = await start(r.options);
  })();

  test(`[${name}] a valid signed event: 200, its handler called once with the normalized data`, LIVENESS, async () => {
    await ready;
    main.reset();
    const r = await reply(await post(urls.main, ticketBody, sign(ticketBody)));
    assert.deepEqual([r.status, r.body], [200, { received: true }]);
    assert.match(r.headers.get('content-type'), /^application\/json/);
    assert.equal(main.handled.length, 1);
    const expected = api.parseWebhook(ticketBody);
    assert.deepEqual(main.handled[0].data, expected.data);
    assert.equal(main.handled[0].data.ticket.priority_label, 'urgent');
    assert.equal(main.handled[0].event.event, 'ticket.created');
    assert.equal(main.handled[0].event.dedup_key, expected.dedup_key);
    assert.deepEqual(main.duplicateChecks, [[expected.dedup_key, 'ticket.created']]);
    assert.deepEqual(main.errors, []);
  });

  test(`[${name}] tampered, unsigned or signed with another key: 401 { code }, no handler`, LIVENESS, async () => {
    await ready;
    main.reset();
    const tampered = await reply(await post(urls.main, ticketBody.replace('"priority":4', '"priority":1'), sign(ticketBody)));
    assert.deepEqual([tampered.status, tampered.body], [401, { code: 'signature_mismatch' }]);
    const unsigned = await reply(await post(urls.main, ticketBody));
    assert.deepEqual([unsigned.status, unsigned.body], [401, { code: 'missing_signature' }]);
    const wrongKey = await reply(await post(urls.main, ticketBody, sign(ticketBody, 'whsec_another_key')));
    assert.deepEqual([wrongKey.status, wrongKey.body], [401, { code: 'signature_mismatch' }]);
    const garbled = await reply(await post(urls.main, ticketBody, { 'x-periskope-signature': 'not hex' }));
    assert.deepEqual([garbled.status, garbled.body], [401, { code: 'malformed_signature' }]);
    assert.equal(main.handled.length, 0);
    assert.deepEqual(main.duplicateChecks, []);
    assert.deepEqual(
      main.errors.map((e) => [e.context.status, e.context.code, e.context.event, e.error.name, e.error.code]),
      [
        [401, 'signature_mismatch', null, 'WebhookVerificationError', 'signature_mismatch'],
        [401, 'missing_signature', null, 'WebhookVerificationError', 'missing_signature'],
        [401, 'signature_mismatch', null, 'WebhookVerificationError', 'signature_mismatch'],
        [401, 'malformed_signature', null, 'WebhookVerificationError', 'malformed_signature'],
      ],
    );
  });

  test(`[${name}] an unknown event: 200, onUnknown called and no event handler (strict mode too)`, LIVENESS, async () => {
    await ready;
    for (const [key, r] of [['main', main], ['strict', strict]]) {
      r.reset();
      const res = await reply(await post(urls[key], unknownBody, sign(unknownBody)));
      assert.deepEqual([res.status, res.body], [200, { received: true }], key);
      assert.equal(r.handled.length, 0, key);
      assert.equal(r.unknown.length, 1, key);
      assert.equal(r.unknown[0].known, false);
      assert.equal(r.unknown[0].event, 'invoice.paid');
      assert.deepEqual(r.unknown[0].data, { amount: 5 });
      assert.deepEqual(r.errors, [], key);
    }
    // A known event without a handler in `on` is acknowledged too.
    main.reset();
    const note = JSON.stringify(api.sampleEvent('note.created'));
    const res = await reply(await post(urls.main, note, sign(note)));
    assert.deepEqual([res.status, res.body, main.handled.length, main.unknown.length], [200, { received: true }, 0, 0]);
  });

  test(`[${name}] a duplicate delivery: 200 without calling the handler again`, LIVENESS, async () => {
    await ready;
    main.reset();
    const first = await reply(await post(urls.main, ticketBody, sign(ticketBody)));
    const second = await reply(await post(urls.main, ticketBody, sign(ticketBody)));
    assert.deepEqual([first.status, first.body], [200, { received: true }]);
    assert.deepEqual([second.status, second.body], [200, { received: true, duplicate: true }]);
    assert.equal(main.handled.length, 1);
    assert.equal(main.duplicateChecks.length, 2);
    // Unknown events are deduplicated the same way.
    for (let i = 0; i < 2; i++) await reply(await post(urls.main, unknownBody, sign(unknownBody)));
    assert.equal(main.unknown.length, 1);
  });

  test(`[${name}] over maxBytes with a Content-Length: 413, no handler`, LIVENESS, async () => {
    await ready;
    small.reset();
    const big = JSON.stringify(api.sampleEvent('ticket.created', { data: { ticket: { subject: 'x'.repeat(16 * KiB) } } }));
    const r = await reply(await post(urls.small, big, sign(big)));
    assert.deepEqual([r.status, r.body], [413, { issues: [{ path: '', code: 'too_large', severity: 'error' }] }]);
    assert.equal(small.handled.length, 0);
    assert.deepEqual(small.errors.map((e) => [e.context.status, e.context.code, e.error.name]), [[413, 'too_large', 'PayloadError']]);
    assert.match(small.errors[0].error.issues[0].message, /Content-Length/);
    // At the limit, accepted.
    small.reset();
    const fits = JSON.stringify(api.sampleEvent('ticket.created'));
    assert.ok(Buffer.byteLength(fits) <= SMALL);
    assert.equal((await post(urls.small, fits, sign(fits))).status, 200);
  });

  test(`[${name}] over maxBytes, chunked (no Content-Length): 413, reading stopped`, LIVENESS, async () => {
    await ready;
    small.reset();
    // Up to 16 MiB offered; the receiver stops after 4 KiB and closes.
    const source = chunks(64 * KiB, 256);
    const r = await reply(await post(urls.small, source.stream, sign('whatever')));
    assert.deepEqual([r.status, r.body], [413, { issues: [{ path: '', code: 'too_large', severity: 'error' }] }]);
    assert.equal(small.handled.length, 0);
    assert.deepEqual(small.errors.map((e) => [e.context.status, e.context.code]), [[413, 'too_large']]);
    assert.match(small.errors[0].error.issues[0].message, /not read further/);
    assert.ok(source.pulled < 256, `${source.pulled} of 256 chunks pulled`);
  });

  test(`[${name}] a handler that throws: 500, reported to onError with the event`, LIVENESS, async () => {
    await ready;
    failing.reset();
    const r = await reply(await post(urls.failing, ticketBody, sign(ticketBody)));
    assert.deepEqual([r.status, r.body], [500, { code: 'handler_failed' }]);
    assert.equal(failing.errors.length, 1);
    const { error, context } = failing.errors[0];
    assert.equal(error.message, 'the database is down');
    assert.deepEqual([context.status, context.code, context.event.event, context.event.dedup_key], [500, 'handler_failed', 'ticket.created', api.parseWebhook(ticketBody).dedup_key]);
    // Not recorded as seen: the retry runs the handler again.
    assert.equal((await post(urls.failing, ticketBody, sign(ticketBody))).status, 500);
  });

  test(`[${name}] GET: 405 with Allow: POST`, LIVENESS, async () => {
    await ready;
    main.reset();
    const r = await reply(await fetch(urls.main, { signal: AbortSignal.timeout(20_000) }));
    assert.deepEqual([r.status, r.body, r.headers.get('allow')], [405, { code: 'method_not_allowed' }, 'POST']);
    assert.deepEqual(main.errors.map((e) => [e.context.status, e.context.code]), [[405, 'method_not_allowed']]);
    const put = await fetch(urls.main, { method: 'PUT', body: ticketBody, headers: sign(ticketBody), signal: AbortSignal.timeout(20_000) });
    assert.equal(put.status, 405);
    await put.arrayBuffer();
    assert.equal(main.handled.length, 0);
  });

  test(`[${name}] an invalid payload, signed: 400 with the issues' paths, codes and severities only`, LIVENESS, async () => {
    await ready;
    main.reset();
    const bad = JSON.stringify(api.sampleEvent('ticket.created', { data: { ticket: { priority: 9, ticket_id: 42 } } }));
    const r = await reply(await post(urls.main, bad, sign(bad)));
    assert.equal(r.status, 400);
    assert.deepEqual(
      r.body.issues.map((i) => `${i.path} ${i.code} ${i.severity}`).sort(),
      ['/data/ticket/priority out_of_range error', '/data/ticket/ticket_id invalid_type error'],
    );
    for (const issue of r.body.issues) assert.deepEqual(Object.keys(issue), ['path', 'code', 'severity']);
    assert.equal(main.handled.length, 0);
    assert.deepEqual(main.errors.map((e) => [e.context.status, e.context.code, e.error.name]), [[400, 'invalid_payload', 'PayloadError']]);
    // Not JSON at all.
    const notJson = await reply(await post(urls.main, '{"event":', sign('{"event":')));
    assert.equal(notJson.status, 400);
    assert.equal(notJson.body.issues[0].code, 'invalid_json');
    // Strict mode: a warning is an error.
    const warned = JSON.stringify(api.sampleEvent('ticket.created', { data: { ticket: { surprise: 1 } } }));
    assert.equal((await post(urls.main, warned, sign(warned))).status, 200);
    const refused = await reply(await post(urls.strict, warned, sign(warned)));
    assert.deepEqual([refused.status, refused.body.issues.map((i) => i.code)], [400, ['unknown_field']]);
  });
}

// --- Node: what only the middleware does ----------------------------------

test('[createNodeMiddleware] a Content-Length over maxBytes is answered before a byte of the body is sent', LIVENESS, async () => {
  const r = receiver({ maxBytes: SMALL });
  const url = await serve(api.createNodeMiddleware(r.options));
  let req;
  const response = await new Promise((resolve, reject) => {
    req = http.request(url, { method: 'POST', headers: { 'content-length': String(64 * 1024 * 1024), ...sign('x') } }, resolve);
    req.on('error', reject);
    req.setTimeout(20_000, () => req.destroy(new Error('no answer within 20 s')));
    req.flushHeaders(); // the headers only: the body is never written
  });
  let text = '';
  for await (const chunk of response) text += chunk;
  assert.equal(response.statusCode, 413);
  assert.equal(response.headers.connection, 'close');
  assert.deepEqual(JSON.parse(text), { issues: [{ path: '', code: 'too_large', severity: 'error' }] });
  req.destroy();
  assert.deepEqual(r.errors.map((e) => [e.context.status, e.context.code]), [[413, 'too_large']]);
  // A 405 does not read the body either.
  const put = await new Promise((resolve, reject) => {
    const other = http.request(url, { method: 'PUT', headers: { 'content-length': String(64 * 1024 * 1024) } }, resolve);
    other.on('error', reject);
    other.setTimeout(20_000, () => other.destroy(new Error('no answer within 20 s')));
    other.flushHeaders();
    req = other;
  });
  put.resume();
  assert.deepEqual([put.statusCode, put.headers.allow, put.headers.connection], [405, 'POST', 'close']);
  req.destroy();
});

test('[createNodeMiddleware] a body a parser already read: 500 body_was_parsed, unless the parser kept the bytes', LIVENESS, async () => {
  const r = receiver();
  const middleware = api.createNodeMiddleware(r.options);
  // What express.json() and express.raw() leave: the stream read to its end, req.body set.
  const parser = (keep) => (req, res) => {
    const parts = [];
    req.on('data', (c) => parts.push(c));
    req.on('end', () => {
      const bytes = Buffer.concat(parts);
      req.body = keep ? bytes : JSON.parse(bytes.toString('utf8'));
      middleware(req, res);
    });
  };
  const parsed = await serve(parser(false));
  const raw = await serve(parser(true));

  const refused = await reply(await post(parsed, ticketBody, sign(ticketBody)));
  assert.deepEqual([refused.status, refused.body], [500, { code: 'body_was_parsed' }]);
  assert.equal(r.errors.length, 1);
  const { error, context } = r.errors[0];
  assert.deepEqual([context.status, context.code, error.name, error.code], [500, 'body_was_parsed', 'WebhookVerificationError', 'body_was_parsed']);
  assert.match(error.message, /body parser/);
  assert.match(error.message, /before any body parser/);
  assert.equal(r.handled.length, 0);

  r.reset();
  const kept = await reply(await post(raw, ticketBody, sign(ticketBody)));
  assert.deepEqual([kept.status, kept.body, r.handled.length], [200, { received: true }, 1]);
});

test('[createNodeMiddleware] Express-style next is not called when the middleware answers, and the promise settles after', LIVENESS, async () => {
  const r = receiver();
  const middleware = api.createNodeMiddleware(r.options);
  const nexts = [];
  const settled = [];
  const url = await serve((req, res) => {
    middleware(req, res, (e) => nexts.push(e)).then(() => settled.push(res.writableEnded));
  });
  assert.equal((await post(url, ticketBody, sign(ticketBody))).status, 200);
  assert.equal((await post(url, ticketBody, sign('other'))).status, 401);
  assert.deepEqual(nexts, []);
  assert.deepEqual(settled, [true, true]);
});

// --- The Fetch API: what only the handler does -----------------------------

const request = (body, headers = {}, init = {}) =>
  new Request('http://127.0.0.1/hook', { method: 'POST', body, duplex: 'half', headers: { ...sign(typeof body === 'string' ? body : 'x'), ...headers }, ...init });

test('[createWebhookHandler] a Content-Length over maxBytes: 413 with the body not read', LIVENESS, async () => {
  const r = receiver({ maxBytes: SMALL });
  const handler = api.createWebhookHandler(r.options);
  const source = chunks(1024 * KiB, 64);
  const req = request(source.stream, { 'content-length': String(64 * 1024 * KiB) });
  const res = await handler(req);
  assert.equal(res.status, 413);
  assert.deepEqual(await res.json(), { issues: [{ path: '', code: 'too_large', severity: 'error' }] });
  assert.equal(req.bodyUsed, false);
  assert.ok(source.pulled <= 1, `${source.pulled} chunks pulled`);
  // Without it, the stream is cancelled at the chunk that passes the limit.
  const unsized = chunks(KiB, 100);
  assert.equal((await handler(request(unsized.stream))).status, 413);
  assert.ok(unsized.pulled <= 7, `${unsized.pulled} chunks of 1 KiB pulled for a 4 KiB limit`);
});

test('[createWebhookHandler] called directly: the cases answer as over HTTP; a used body is body_was_parsed', LIVENESS, async () => {
  const r = receiver();
  const handler = api.createWebhookHandler(r.options);
  assert.equal((await handler(request(ticketBody))).status, 200);
  assert.equal(r.handled.length, 1);
  assert.equal((await handler(request(ticketBody))).status, 200);
  assert.equal(r.handled.length, 1, 'the duplicate was not handled');
  assert.equal((await handler(request(ticketBody.replace('BKT', 'XKT'), sign(ticketBody)))).status, 401);
  const used = request(ticketBody);
  await used.text();
  const res = await handler(used);
  assert.deepEqual([res.status, await res.json()], [500, { code: 'body_was_parsed' }]);
  assert.equal(r.errors.at(-1).context.code, 'body_was_parsed');
  await assert.rejects(handler({}), TypeError);
});

test('[createWebhookHandler] an isDuplicate that rejects, or an async handler that rejects: 500, reported', LIVENESS, async () => {
  const errors = [];
  const onError = (error, context) => errors.push([context.status, context.code, error.message]);
  const dedupDown = api.createWebhookHandler({ keys: KEY, isDuplicate: async () => Promise.reject(new Error('redis is down')), onError });
  const handlerDown = api.createWebhookHandler({ keys: KEY, on: { 'ticket.created': async () => Promise.reject(new Error('later')) }, onError });
  assert.equal((await dedupDown(request(ticketBody))).status, 500);
  assert.equal((await handlerDown(request(ticketBody))).status, 500);
  assert.deepEqual(errors, [[500, 'handler_failed', 'redis is down'], [500, 'handler_failed', 'later']]);
  // A throwing onError does not change the answer.
  const loud = api.createWebhookHandler({ keys: KEY, onError: () => { throw new Error('logger down'); } });
  const original = console.error;
  const logged = [];
  console.error = (...args) => logged.push(args);
  try {
    assert.equal((await loud(request(ticketBody, sign(ticketBody, 'nope')))).status, 401);
  } finally {
    console.error = original;
  }
  assert.equal(logged.length, 1);
});

// --- Options, checked when the handler is created --------------------------

test('a missing, empty or malformed key is a TypeError when the handler is created', () => {
  for (const create of [api.createWebhookHandler, api.createNodeMiddleware]) {
    for (const [keys, code] of [[undefined, 'missing_key'], [null, 'missing_key'], ['', 'missing_key'], [[], 'missing_key'], [new Uint8Array(0), 'missing_key'], [['k', ''], 'missing_key'], ['k\n', 'malformed_key'], [' k', 'malformed_key']]) {
      assert.throws(() => create({ keys }), (e) => {
        assert.ok(e instanceof TypeError, `${JSON.stringify(keys)}: ${e}`);
        assert.equal(e.code, code);
        assert.equal(e.cause.name, 'WebhookVerificationError');
        assert.doesNotMatch(e.message, /\bk\n/);
        return true;
      }, JSON.stringify(keys));
    }
    assert.throws(() => create({}), (e) => e instanceof TypeError && e.code === 'missing_key');
    assert.throws(() => create({ keys: 42 }), TypeError);
    // Several keys while rotating, as bytes or text.
    create({ keys: ['old', new TextEncoder().encode('new')] });
  }
});

test('other mistakes in the options are TypeErrors when the handler is created', () => {
  for (const create of [api.createWebhookHandler, api.createNodeMiddleware]) {
    assert.throws(() => create(), TypeError);
    assert.throws(() => create('k'), TypeError);
    assert.throws(() => create({ keys: KEY, on: { 'ticket.create': () => {} } }), /unknown event "ticket\.create"/);
    assert.throws(() => create({ keys: KEY, on: { 'ticket.created': 'handler' } }), TypeError);
    assert.throws(() => create({ keys: KEY, on: [] }), TypeError);
    assert.throws(() => create({ keys: KEY, onError: true }), TypeError);
    assert.throws(() => create({ keys: KEY, isDuplicate: {} }), TypeError);
    assert.throws(() => create({ keys: KEY, unknownEvents: 'error' }), /always acknowledged/);
    assert.throws(() => create({ keys: KEY, maxBytes: 0 }), /maxBytes/);
    assert.throws(() => create({ keys: KEY, tolerance: 0.5 }), /tolerance/);
    assert.throws(() => create({ keys: KEY, strict: 'yes' }), /strict/);
  }
});

test('the replay window: a delivery outside tolerance is 401 timestamp_out_of_tolerance', async () => {
  const handler = api.createWebhookHandler({ keys: KEY, tolerance: 300 });
  // The sample's timestamp is in January 2025, far outside 300 s of now.
  const res = await handler(request(ticketBody));
  assert.deepEqual([res.status, await res.json()], [401, { code: 'timestamp_out_of_tolerance' }]);
  const fresh = JSON.stringify(api.sampleEvent('ticket.created', { timestamp: new Date().toISOString() }));
  assert.equal((await handler(request(fresh))).status, 200);
});

// --- Types with Node's own declarations -----------------------------------

test('tsc --strict: the middleware takes Node\'s IncomingMessage and ServerResponse (types/handler-node.ts, with @types/node)', LIVENESS, () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const repo = path.resolve(here, '..', '..');
  const tsc = path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = ['--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', '--target', 'es2022', '--types', 'node', '--typeRoots', path.join(repo, 'node_modules', '@types'), path.join(here, 'types', 'handler-node.ts')];
  const r = spawnSync(process.execPath, [tsc, ...args], { encoding: 'utf8', timeout: 50_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
