// The public JavaScript API, shared by every build of the package.
//
// This file is plain script, no import or export: scripts/build-pkg.mjs
// wraps it into each entry (CommonJS, ES module, and later the browser and
// edge builds) around that build's wasm-bindgen glue, so every runtime runs
// the same code. It stays thin on purpose: it turns the input into bytes,
// calls the wasm export, and turns the one JSON text it returns into objects.
// Every rule lives in the Rust core.

/* eslint-disable no-unused-vars */
// `wasm` is one instance of the build's wasm-bindgen glue; `reload()` returns
// a fresh instance of the same compiled module. Every call into wasm goes
// through `guarded` below, which replaces the instance after a trap (which
// should never happen, and would leave the instance in an unknown state) and
// after a call that left its memory over MEMORY_RESET_BYTES (wasm memory
// never shrinks): the next call runs on a fresh instance, and the old one,
// no longer referenced, is garbage. `internal`, when given, receives the
// pieces the webhook handlers (handler.js) share with verifyRequest; they are
// not exports. `host`, where the runtime has a faster HMAC-SHA256 (Node's
// node:crypto), is `{ hmacSha256(key, body), equal(a, b) }`: then only the
// MAC is computed outside wasm; the core still checks the keys, reads the
// header and applies the replay window. `core` is what the core says about
// itself (`{ contract, events }`: its defaults, flag bits and verification
// errors, and the events it knows), read from the same .wasm by
// scripts/build-pkg.mjs when it writes the package: asking the module at
// start-up compiled and ran its JSON writer, a millisecond of a fresh
// process's first result (docs/performance.md, round seven).
function createApi(wasm, reload, internal, host, core) {
  'use strict';

  const MAX_U32 = 0xffffffff;
  /** After a call leaves the instance's memory above this, it is replaced by a fresh one. */
  const MEMORY_RESET_BYTES = 64 * 1024 * 1024;
  const encoder = new TextEncoder();
  const readTape = createTapeReader();
  const toTag = Object.prototype.toString;

  // --- The one way into wasm ----------------------------------------------

  /** What `guarded` returns when the call threw: the instance has been replaced. */
  const TRAPPED = Object.freeze({ trapped: true });

  function guarded(call) {
    let result;
    try {
      result = call(wasm);
    } catch (e) {
      replaceInstance();
      return TRAPPED;
    }
    let large;
    try {
      large = wasm.memory_bytes() > MEMORY_RESET_BYTES;
    } catch (e) {
      large = true;
    }
    if (large) replaceInstance();
    return result;
  }

  function replaceInstance() {
    try {
      wasm = reload();
      // The old instance's memory is let go, not kept by the reader's views.
      readTape.forgetViews();
    } catch (e) {
      // Keep the old instance: the next call will report again.
    }
  }

  // The package's JavaScript is minified, which renames functions: one that
  // is handed to the caller is named here (the exports are named after
  // their export names by createPackage).
  function named(name, fn) {
    return Object.defineProperty(fn, 'name', { value: name });
  }

  function internalFailure() {
    return new Error('periskope-events failed unexpectedly (its wasm instance has been replaced); please report this input');
  }

  const { defaults: DEFAULTS, flags: FLAGS, verificationErrors: VERIFICATION_ERRORS } = core.contract;
  const MAX_DEPTH = DEFAULTS.maxDepth;
  const UNKNOWN_EVENT_FLAGS = { warn: 0, error: FLAGS.unknownEventsError, ignore: FLAGS.unknownEventsIgnore };
  const VERIFY_MESSAGES = Object.create(null);
  for (const { code, message } of VERIFICATION_ERRORS) VERIFY_MESSAGES[code] = message;

  /** The number of `signature_mismatch` in the core's numbering. */
  const SIGNATURE_MISMATCH = VERIFICATION_ERRORS.findIndex((e) => e.code === 'signature_mismatch') + 1;

  /** The code of verification error number `n` from the core. */
  function verificationCode(n) {
    const entry = VERIFICATION_ERRORS[n - 1];
    if (!entry) throw new Error('periskope-events: the core answered verification error ' + n + ', which its contract does not list');
    return entry.code;
  }

  const OPTION_NAMES = ['strict', 'maxBytes', 'maxIssues', 'unknownEvents'];
  // constructEvent and verifyRequest also take the replay window.
  const REPLAY_OPTION_NAMES = OPTION_NAMES.concat(['tolerance', 'now']);

  /** The error thrown by the parse functions: `issues` lists every problem. */
  class PayloadError extends Error {
    constructor(issues, what) {
      const errors = issues.filter((i) => i.severity === 'error');
      super(summarize(errors, what));
      this.name = 'PayloadError';
      this.issues = issues;
      this.errors = errors;
      this.warnings = issues.filter((i) => i.severity !== 'error');
    }
  }

  function describe(issue) {
    return (issue.path === '' ? '(root)' : issue.path) + ': ' + issue.message + ' [' + issue.code + ']';
  }

  function summarize(errors, what) {
    const first = errors.slice(0, 3).map(describe).join('; ');
    const more = errors.length > 3 ? ' (and ' + (errors.length - 3) + ' more)' : '';
    return 'invalid ' + what + ': ' + first + more;
  }

  function readOptions(options, names = OPTION_NAMES) {
    if (options === undefined || options === null) {
      return { flags: 0, maxBytes: DEFAULTS.maxBytes, maxIssues: DEFAULTS.maxIssues, tolerance: -1, nowMs: undefined };
    }
    if (typeof options !== 'object') {
      throw new TypeError('options must be an object such as { strict: true, maxBytes: 1048576 }');
    }
    for (const key of Object.keys(options)) {
      if (!names.includes(key)) {
        const only = REPLAY_OPTION_NAMES.includes(key) ? ' (' + key + ' is an option of constructEvent and verifyRequest only)' : '';
        throw new TypeError('unknown option ' + JSON.stringify(key) + only + ' (known: ' + names.join(', ') + ')');
      }
    }
    const { strict = false, maxBytes = DEFAULTS.maxBytes, maxIssues = DEFAULTS.maxIssues, unknownEvents = 'warn', tolerance, now } = options;
    if (typeof strict !== 'boolean') throw new TypeError('option strict must be a boolean');
    if (!Number.isInteger(maxBytes) || maxBytes < 1 || maxBytes > MAX_U32) {
      throw new TypeError('option maxBytes must be an integer from 1 to ' + MAX_U32);
    }
    if (!Number.isInteger(maxIssues) || maxIssues < 1 || maxIssues > MAX_U32) {
      throw new TypeError('option maxIssues must be an integer from 1 to ' + MAX_U32);
    }
    if (!Object.prototype.hasOwnProperty.call(UNKNOWN_EVENT_FLAGS, unknownEvents)) {
      throw new TypeError("option unknownEvents must be 'warn', 'error' or 'ignore'");
    }
    // Whole seconds, as the core counts them (Stripe's and Standard Webhooks'
    // tolerances are whole seconds too): 0.5 would silently mean 0.
    if (tolerance !== undefined && !(Number.isSafeInteger(tolerance) && tolerance > 0)) {
      throw new TypeError('option tolerance must be a positive whole number of seconds, such as 300');
    }
    let nowMs;
    if (now !== undefined) {
      nowMs = toTag.call(now) === '[object Date]' ? Date.prototype.getTime.call(now) : typeof now === 'number' ? now : NaN;
      if (!Number.isFinite(nowMs)) throw new TypeError('option now must be a valid Date or a number of milliseconds since the epoch');
    }
    return {
      flags: (strict ? FLAGS.strict : 0) | UNKNOWN_EVENT_FLAGS[unknownEvents],
      maxBytes,
      maxIssues,
      tolerance: tolerance === undefined ? -1 : tolerance,
      nowMs,
    };
  }

  const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  const isWellFormed = typeof String.prototype.isWellFormed === 'function'
    ? (text) => text.isWellFormed()
    : (text) => !LONE_SURROGATE.test(text);

  function rootIssue(code, message) {
    return { path: '', code, message, severity: 'error', segments: [] };
  }

  function tooLarge(length, maxBytes) {
    return rootIssue('too_large', 'the input is ' + length + ' bytes, over the limit of ' + maxBytes + ' (option maxBytes)');
  }

  const LONE_SURROGATE_MESSAGE = 'the string has a lone surrogate, which is not a Unicode character';

  // The bytes of a string, or the issue that stops us before encoding it.
  // Each UTF-16 unit is at least one UTF-8 byte: a string this long is over
  // the limit whatever it holds, and is refused before encoding it.
  // TextEncoder would silently turn a lone surrogate into U+FFFD; it is
  // refused instead, as a lone surrogate escape is.
  // `stringified`: the text is JSON.stringify's, which escapes lone
  // surrogates, so it is well formed. The bytes are in the reused buffer
  // (see `encodeScratch`): good until the next encoding, so every caller
  // hands them to its wasm call (or the host's MAC) at once.
  function textBytes(text, maxBytes, stringified) {
    if (text.length > maxBytes) return { issue: tooLarge(text.length, maxBytes) };
    if (!stringified && !isWellFormed(text)) return { issue: rootIssue('invalid_encoding', LONE_SURROGATE_MESSAGE) };
    const bytes = encodeScratch(text);
    if (bytes.length > maxBytes) return { issue: tooLarge(bytes.length, maxBytes) };
    return { bytes };
  }

  // The text's UTF-8 in a buffer reused from call to call (up to
  // SCRATCH_BYTES; a larger one is the call's own): `TextEncoder.encode`
  // allocates a new buffer each time, which was more than half of its cost
  // (29 KiB: 44 against 19 µs for `encodeInto`). The bytes are copied into
  // wasm by the call that reads them, before anything else can use the
  // buffer again. A first try with room for mostly ASCII text, then with
  // room for three bytes a unit.
  const SCRATCH_BYTES = 1 << 20;
  let scratchBuffer = new Uint8Array(0);
  function encodeScratch(text) {
    let room = text.length + (text.length >> 3) + 16;
    for (;;) {
      let buffer = scratchBuffer;
      if (buffer.length < room) {
        buffer = new Uint8Array(room);
        if (room <= SCRATCH_BYTES) scratchBuffer = buffer;
      }
      const { read, written } = encoder.encodeInto(text, buffer);
      if (read === text.length) return buffer.subarray(0, written);
      room = text.length * 3;
    }
  }

  // The bytes of any realm's typed array, DataView, ArrayBuffer or
  // SharedArrayBuffer, checked against the limit before anything is copied.
  // Shared memory can be written by another thread at any time: it is copied
  // once, here, so that what one call checks is what it reads.
  function binaryBytes(input, maxBytes) {
    if (input.byteLength > maxBytes) return { issue: tooLarge(input.byteLength, maxBytes) };
    // A Uint8Array (a Node Buffer is one) is used as it is, and a buffer of
    // this realm that is an ArrayBuffer is not shared: the common case makes
    // no view and asks for no tag. Shared bytes are copied with the
    // constructor, never `slice` (a Buffer's is a view of the same memory).
    const bytes = input instanceof Uint8Array ? input : ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
    const shared = !(bytes.buffer instanceof ArrayBuffer) && toTag.call(bytes.buffer) === '[object SharedArrayBuffer]';
    return { bytes: shared ? new Uint8Array(bytes) : bytes };
  }

  function isArrayBuffer(value) {
    const tag = toTag.call(value);
    return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
  }

  // Bytes for the core, or the issue that stops us before it. Strings are
  // encoded with TextEncoder (much cheaper than wasm-bindgen's string
  // passing); objects, the SDK's parsed payloads, go through JSON.stringify so
  // that every form of input meets the same reader and gives the same result.
  function toBytes(input, maxBytes) {
    if (typeof input === 'string') return textBytes(input, maxBytes);
    if (ArrayBuffer.isView(input) || isArrayBuffer(input)) return binaryBytes(input, maxBytes);
    if (input === undefined || typeof input === 'function' || typeof input === 'symbol') {
      return { issue: rootIssue('invalid_input', 'expected a string, a Uint8Array, an ArrayBuffer or a parsed JSON object, got ' + typeof input) };
    }
    let text;
    try {
      const problem = inspect(input, maxBytes);
      if (problem) return { issue: problem, fromObject: true };
      text = JSON.stringify(input);
    } catch (e) {
      // A throwing getter, toJSON or Proxy trap. The engine's message is
      // not repeated: it can quote the payload.
      return { issue: rootIssue('invalid_input', 'the object cannot be read: reading one of its properties threw'), fromObject: true };
    }
    const prepared = textBytes(text, maxBytes, true);
    prepared.fromObject = true;
    return prepared;
  }

  function pointer(keys) {
    return keys.map((k) => '/' + String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
  }

  // Finds, before JSON.stringify runs, what it would silently drop or change
  // in an object: the SDK hands over plain JSON data, and anything else is
  // reported with its path instead of vanishing. `undefined` properties are
  // absent, as in JSON. Recursion is bounded by MAX_DEPTH.
  //
  // The cost is bounded by maxBytes whatever the object graph: every visited
  // value is charged at least the length of its JSON text (a skipped
  // `undefined` property, 1), so a walk that would write more than maxBytes
  // stops with too_large. Without it, shared sub-objects (a DAG built in
  // code, `o = { a: o, b: o }` 24 times over) would be visited an
  // exponential number of times.
  //
  // The walk runs on every object input, so it is kept cheap: no cycle
  // bookkeeping (`ancestors` is null). A cycle, like genuinely deep nesting,
  // then ends at the depth limit, and only then is the walk repeated with
  // the set of ancestors, to tell the two apart.
  function inspect(root, maxBytes) {
    const problem = walk(root, [], 0, null, { left: maxBytes, limit: maxBytes }, false);
    return problem === DEEP ? walk(root, [], 0, new Set(), { left: maxBytes, limit: maxBytes }, false) : problem;
  }

  const DEEP = {};
  const OBJECT_PROTO = Object.prototype;

  // Charges `n` characters; true when that goes over the budget.
  function charge(budget, n) {
    return (budget.left -= n) < 0;
  }

  function tooLargeObject(budget) {
    return rootIssue('too_large', 'the object would be more than ' + budget.limit + ' bytes as JSON, over the limit (option maxBytes)');
  }

  const LONE_IN_STRING = 'this string has a lone surrogate, which is not a Unicode character';

  // `self`: the value is what its own toJSON returned (`return this`), so
  // JSON.stringify writes its own properties whatever its prototype.
  function walk(value, keys, depth, ancestors, budget, self) {
    const type = typeof value;
    if (type === 'string') {
      if (charge(budget, value.length + 2)) return tooLargeObject(budget);
      return isWellFormed(value) ? null : fail(keys, 'invalid_encoding', LONE_IN_STRING);
    }
    if (type === 'number') {
      if (charge(budget, 1)) return tooLargeObject(budget);
      return Number.isFinite(value) ? null : fail(keys, 'invalid_input', 'NaN and Infinity are not JSON numbers');
    }
    if (value === null || type === 'boolean') return charge(budget, value === false ? 5 : 4) ? tooLargeObject(budget) : null;
    if (type !== 'object') return fail(keys, 'invalid_input', 'a ' + type + ' is not JSON data');
    if (depth >= MAX_DEPTH) {
      return ancestors === null ? DEEP : fail(keys, 'too_deep', 'arrays and objects nest too deeply (limit ' + MAX_DEPTH + ')');
    }
    if (ancestors !== null && ancestors.has(value)) return fail(keys, 'invalid_input', 'the object contains itself (a cycle)');
    const isArray = Array.isArray(value);
    // An array or an object of a plain prototype is no ArrayBuffer (whose
    // test, through Object.prototype.toString, was a tenth of the walk on
    // the bench's objects); a typed array or DataView is told by its brand.
    const proto = isArray ? null : Object.getPrototypeOf(value);
    const plainProto = isArray || proto === OBJECT_PROTO || proto === null;
    if (ArrayBuffer.isView(value) || (!plainProto && isArrayBuffer(value))) {
      return fail(keys, 'invalid_input', 'binary data is not JSON data (JSON.stringify would write its bytes as an object or drop them)');
    }
    if (!self && typeof value.toJSON === 'function') {
      // A Date, or an object that says how it serializes: what it says is
      // what is read, so that is what is checked (JSON.stringify calls
      // toJSON once per value).
      if (toTag.call(value) === '[object Date]' && Number.isNaN(Date.prototype.getTime.call(value))) {
        return fail(keys, 'invalid_input', 'an invalid Date is not JSON data');
      }
      const replaced = value.toJSON(keys.length > 0 ? String(keys[keys.length - 1]) : '');
      if (replaced === undefined) return fail(keys, 'invalid_input', 'its toJSON returns nothing, so JSON.stringify would drop it');
      if (replaced === value) return walk(value, keys, depth, ancestors, budget, true);
      if (replaced !== null && typeof replaced === 'object' && typeof replaced.toJSON === 'function') {
        // JSON.stringify would not call this one: checked as it is written.
        return walk(replaced, keys, depth + 1, ancestors, budget, true);
      }
      return walk(replaced, keys, depth + 1, ancestors, budget, false);
    }
    if (!isArray && !self) {
      // Plain objects, from this realm or another (Object.prototype's own prototype is null).
      const plain = plainProto || (Object.getPrototypeOf(proto) === null && toTag.call(value) === '[object Object]');
      if (!plain) {
        const name = (proto && proto.constructor && proto.constructor.name) || 'object';
        return fail(keys, 'invalid_input', 'a ' + name + ' is not plain JSON data (JSON.stringify would drop its contents)');
      }
    }
    if (Object.getOwnPropertySymbols(value).length > 0) return fail(keys, 'invalid_input', 'symbol-keyed properties are not JSON data');
    const names = isArray ? null : Object.keys(value);
    const length = isArray ? value.length : names.length;
    // Brackets and commas; an array is also refused outright when even one
    // character per item would not fit.
    if (isArray && budget.left < 2 * length) return tooLargeObject(budget);
    if (charge(budget, isArray && length > 0 ? length + 1 : 2)) return tooLargeObject(budget);
    if (ancestors !== null) ancestors.add(value);
    let members = 0;
    for (let i = 0; i < length; i++) {
      const key = isArray ? i : names[i];
      const child = value[key];
      if (!isArray) {
        if (child === undefined || (self && key === 'toJSON' && typeof child === 'function')) {
          // Dropped by JSON.stringify: only the visit is charged.
          if (charge(budget, 1)) return tooLargeObject(budget);
          continue;
        }
        // `"key":`, and a comma before every member but the first.
        if (charge(budget, key.length + 3 + (members++ > 0 ? 1 : 0))) return tooLargeObject(budget);
        if (!isWellFormed(key)) return fail(keys, 'invalid_encoding', 'a key of this object has a lone surrogate, which is not a Unicode character');
      }
      // Nulls, booleans and well-formed strings need no call.
      if (child === null || typeof child === 'boolean') {
        if (charge(budget, child === false ? 5 : 4)) return tooLargeObject(budget);
        continue;
      }
      if (typeof child === 'string') {
        if (charge(budget, child.length + 2)) return tooLargeObject(budget);
        if (isWellFormed(child)) continue;
        keys.push(key);
        return fail(keys, 'invalid_encoding', LONE_IN_STRING);
      }
      keys.push(key);
      const problem = child === undefined ? fail(keys, 'invalid_input', 'undefined is not JSON data') : walk(child, keys, depth + 1, ancestors, budget, false);
      keys.pop();
      if (problem) return problem;
    }
    if (ancestors !== null) ancestors.delete(value);
    return null;
  }

  function fail(keys, code, message) {
    return { path: pointer(keys), code, message, severity: 'error', segments: keys.slice() };
  }

  // Runs `call(w, bytes, flags, maxBytes, maxIssues)`, one wasm export
  // answering with a tape, on the input's bytes. Returns the answer read
  // from it, `{ data, issues }` (or `{ signature_error }`).
  function run(call, input, options, validateOnly) {
    const { flags, maxBytes, maxIssues } = readOptions(options);
    return callCore(call, toBytes(input, maxBytes), flags | (validateOnly ? FLAGS.validateOnly : 0), maxBytes, maxIssues);
  }

  function callCore(call, prepared, flags, maxBytes, maxIssues) {
    if (prepared.issue) return { data: null, issues: [prepared.issue] };
    const result = guarded((w) => {
      const header = call(w, prepared.bytes, flags, maxBytes, maxIssues);
      try {
        return readTape(w.memory(), header);
      } finally {
        w.release_answer();
      }
    });
    if (result === TRAPPED) {
      return { data: null, issues: [rootIssue('internal_error', 'periskope-events failed unexpectedly; please report this input')] };
    }
    if (result.signature_error) return result;
    if (prepared.fromObject) {
      // Positions refer to text the caller never saw.
      for (const issue of result.issues) {
        delete issue.line;
        delete issue.column;
      }
    }
    return result;
  }

  function split(issues) {
    const errors = [];
    const warnings = [];
    for (const issue of issues) (issue.severity === 'error' ? errors : warnings).push(issue);
    return { errors, warnings };
  }

  function validateWith(call, input, options) {
    const { errors, warnings } = split(run(call, input, options, true).issues);
    return { valid: errors.length === 0, errors, warnings };
  }

  function safeParseWith(call, input, options, what) {
    const { data, issues } = run(call, input, options, false);
    if (data === null) return { success: false, error: new PayloadError(issues, what) };
    return { success: true, data, warnings: issues };
  }

  function unwrap(result) {
    if (!result.success) throw result.error;
    return result.data;
  }

  // --- Events -------------------------------------------------------------

  const knownEvents = Object.freeze(core.events);
  const knownEventSet = new Set(knownEvents);

  function isKnownEvent(name) {
    return typeof name === 'string' && knownEventSet.has(name);
  }

  function eventCall(name) {
    if (!isKnownEvent(name)) {
      throw new TypeError('unknown event ' + JSON.stringify(name) + '; known events: ' + knownEvents.join(', '));
    }
    return (w, bytes, flags, maxBytes, maxIssues) => w.event_payload(name, bytes, flags, maxBytes, maxIssues);
  }

  const webhookCall = (w, bytes, flags, maxBytes, maxIssues) => w.webhook(bytes, flags, maxBytes, maxIssues);

  const validateEvent = (name, input, options) => validateWith(eventCall(name), input, options);
  const safeParseEvent = (name, input, options) => safeParseWith(eventCall(name), input, options, name + ' payload');
  const parseEvent = (name, input, options) => unwrap(safeParseEvent(name, input, options));

  const validateWebhook = (body, options) => validateWith(webhookCall, body, options);
  const safeParseWebhook = (body, options) => safeParseWith(webhookCall, body, options, 'webhook body');
  const parseWebhook = (body, options) => unwrap(safeParseWebhook(body, options));

  // --- Signatures ---------------------------------------------------------

  const SIGNATURE_HEADER = 'x-periskope-signature';

  /** Thrown by signature checks. `code` is stable; nothing secret is ever in it. */
  class WebhookVerificationError extends Error {
    constructor(code, message) {
      super(message || VERIFY_MESSAGES[code]);
      this.name = 'WebhookVerificationError';
      this.code = code;
    }
  }

  // The exact bytes of a raw body (`{ bytes }`), or the issue that stops it
  // (`{ issue }`: too large, or a string with a lone surrogate, which cannot
  // be bytes that were received and which TextEncoder would silently
  // change), or the most common mistake named.
  function rawBody(body, maxBytes) {
    if (typeof body === 'string') return textBytes(body, maxBytes);
    if (ArrayBuffer.isView(body) || isArrayBuffer(body)) return binaryBytes(body, maxBytes);
    if (body !== null && typeof body === 'object') throw new WebhookVerificationError('body_was_parsed');
    throw new TypeError('the body must be the raw request body: a string, Buffer, Uint8Array or ArrayBuffer');
  }

  // All keys as one byte buffer plus their lengths: one crossing into wasm.
  // The rules on a key's bytes (none given, empty, surrounding whitespace)
  // are the core's; here, only what cannot be bytes at all.
  // The last key given as a string, already encoded and checked: a receiver
  // passes the same key on every request, and a string cannot change.
  let lastKey = null;
  let lastKeyBytes = null;

  function keyBytes(keys) {
    if (typeof keys === 'string' && keys === lastKey) return lastKeyBytes;
    const list = Array.isArray(keys) ? keys : keys === undefined || keys === null ? [] : [keys];
    const encoded = list.map((k) => {
      // A key read from an unset environment variable: the core says missing_key.
      if (k === undefined || k === null) return new Uint8Array(0);
      if (typeof k === 'string') {
        if (!isWellFormed(k)) {
          throw new WebhookVerificationError('malformed_key', 'a signing key has a lone surrogate, which is not a Unicode character: it cannot be the key Periskope shows');
        }
        return encoder.encode(k);
      }
      // Any realm's typed arrays and ArrayBuffers (a test runner's, a vm context's).
      if (ArrayBuffer.isView(k)) return new Uint8Array(k.buffer, k.byteOffset, k.byteLength);
      if (isArrayBuffer(k)) return new Uint8Array(k);
      throw new TypeError('a signing key must be a string, a Uint8Array or an ArrayBuffer');
    });
    const lengths = new Uint32Array(encoded.map((k) => k.length));
    const bytes = new Uint8Array(lengths.reduce((a, b) => a + b, 0));
    let at = 0;
    for (const k of encoded) {
      bytes.set(k, at);
      at += k.length;
    }
    const code = guarded((w) => w.check_keys(bytes, lengths));
    if (code === TRAPPED) throw internalFailure();
    if (code !== 0) throw new WebhookVerificationError(verificationCode(code));
    if (typeof keys === 'string') {
      lastKey = keys;
      lastKeyBytes = { bytes, lengths };
    }
    return { bytes, lengths };
  }

  // The signature from a header value, a plain object of headers (any case;
  // Node's IncomingHttpHeaders included) or a Fetch API Headers.
  function readSignature(source) {
    return readHeader(source, SIGNATURE_HEADER, 'the signature must be a header value, a headers object or a Headers instance');
  }

  function readHeader(source, header, wrongType) {
    if (source === undefined || source === null) return '';
    if (typeof source === 'string') return source;
    // A Map has case-sensitive names; read it like a plain object.
    if (source instanceof Map) return readHeader(Object.fromEntries(source), header, wrongType);
    if (typeof source.get === 'function') return source.get(header) || '';
    if (typeof source === 'object') {
      for (const name of Object.keys(source)) {
        if (name.toLowerCase() !== header) continue;
        const value = source[name];
        // Node joins repeated headers; an array here means several values,
        // which cannot be one signature.
        if (Array.isArray(value)) return value.length === 1 ? String(value[0]) : value.join(', ');
        return value === undefined || value === null ? '' : String(value);
      }
      return '';
    }
    throw new TypeError(wrongType);
  }

  // `options.maxBytes` bounds the body here too: a body over it is not
  // encoded nor copied into wasm at all (the module's memory never shrinks),
  // and does not verify. So does a string with a lone surrogate, and a call
  // that failed inside wasm.
  function verifySignature(body, signature, keys, options) {
    const { maxBytes } = readOptions(options);
    const prepared = rawBody(body, maxBytes);
    const { bytes: keyData, lengths } = keyBytes(keys);
    if (prepared.issue) return false;
    const header = readSignature(signature);
    if (host) return hostVerify(prepared.bytes, header, keyData, lengths) === 0;
    return guarded((w) => w.verify_signature(prepared.bytes, header, keyData, lengths)) === 0;
  }

  // The signature checked with the host's MAC (the keys were checked by the
  // core when they were read): 0 when one key's MAC is the header's, else
  // the core's error number. The header is read by the core's rules.
  function hostVerify(bytes, header, keyData, lengths) {
    const received = guarded((w) => w.signature_bytes(header));
    if (received === TRAPPED) throw internalFailure();
    if (received.length !== 32) return received[0];
    // In order until one matches, as the core does.
    let at = 0;
    for (const length of lengths) {
      const key = keyData.subarray(at, at + length);
      at += length;
      if (host.equal(host.hmacSha256(key, bytes), received)) return 0;
    }
    return SIGNATURE_MISMATCH;
  }

  // Verification and reading in one call, on one copy of the bytes: the safe
  // path (verifySignature then parseWebhook, on shared memory, can see two
  // different bodies).
  function constructEvent(body, signatureOrHeaders, keys, options) {
    const { flags, maxBytes, maxIssues, tolerance, nowMs } = readOptions(options, REPLAY_OPTION_NAMES);
    const prepared = rawBody(body, maxBytes);
    const { bytes: keyData, lengths } = keyBytes(keys);
    if (prepared.issue) throw new PayloadError([prepared.issue], 'webhook body');
    const signature = readSignature(signatureOrHeaders);
    const now = nowMs === undefined ? Date.now() : nowMs;
    let call;
    if (host) {
      const refused = hostVerify(prepared.bytes, signature, keyData, lengths);
      if (refused !== 0) throw new WebhookVerificationError(verificationCode(refused));
      call = (w, input, f, mb, mi) => w.read_verified(input, f, mb, mi, tolerance, now);
    } else {
      call = (w, input, f, mb, mi) => w.construct_event(input, signature, keyData, lengths, f, mb, mi, tolerance, now);
    }
    const result = callCore(call, prepared, flags, maxBytes, maxIssues);
    if (result.signature_error) throw new WebhookVerificationError(verificationCode(result.signature_error));
    if (result.data === null) throw new PayloadError(result.issues, 'webhook body');
    return result.data;
  }

  // Reads at most maxBytes + 1 bytes of the request: a declared
  // Content-Length over the limit is refused before reading, and a body
  // stream is read with a running count and cancelled once over it.
  async function verifyRequest(request, keys, options) {
    if (!request || typeof request.arrayBuffer !== 'function' || !request.headers) {
      throw new TypeError('verifyRequest takes a Fetch API Request');
    }
    if (request.bodyUsed) throw new WebhookVerificationError('body_was_parsed');
    // Mistakes in the arguments are reported before the body is consumed.
    const { maxBytes } = readOptions(options, REPLAY_OPTION_NAMES);
    keyBytes(keys);
    const body = await readRequest(request, maxBytes);
    return constructEvent(body, request.headers, keys, options);
  }

  // The body of a Fetch API Request, at most maxBytes of it; throws a
  // PayloadError (too_large) only when the body is over the limit.
  async function readRequest(request, maxBytes) {
    checkDeclaredLength(request.headers, maxBytes);
    return readBody(request, maxBytes);
  }

  // A declared Content-Length over the limit, refused before reading (the
  // headers: a Fetch API Headers or a plain object, Node's included).
  function checkDeclaredLength(headers, maxBytes) {
    const declared = readHeader(headers, 'content-length', 'the request headers must be a Headers instance or a headers object');
    if (/^\s*\d+\s*$/.test(declared) && Number(declared) > maxBytes) {
      throw new PayloadError([rootIssue('too_large', 'the body is ' + Number(declared) + ' bytes (Content-Length), over the limit of ' + maxBytes + ' (option maxBytes)')], 'webhook body');
    }
  }

  function bodyTooLarge(maxBytes) {
    return new PayloadError([rootIssue('too_large', 'the body is over the limit of ' + maxBytes + ' bytes (option maxBytes); it was not read further')], 'webhook body');
  }

  // The running count of a body read in chunks, whatever delivers them:
  // `add(chunk)` is false once the total passes maxBytes (the chunk is not
  // kept, and the caller stops reading and throws `tooLarge()`); `bytes()`
  // joins what was kept.
  function bodyCollector(maxBytes) {
    const chunks = [];
    let total = 0;
    return {
      add(value) {
        total += value.byteLength;
        if (total > maxBytes) return false;
        chunks.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
        return true;
      },
      tooLarge: () => bodyTooLarge(maxBytes),
      bytes() {
        const body = new Uint8Array(total);
        let at = 0;
        for (const chunk of chunks) {
          body.set(chunk, at);
          at += chunk.byteLength;
        }
        return body;
      },
    };
  }

  async function readBody(request, maxBytes) {
    const stream = request.body;
    if (stream === null || stream === undefined || typeof stream.getReader !== 'function') {
      // No body (an empty one), or a request-like object without a stream:
      // its bytes, checked by constructEvent.
      return new Uint8Array(await request.arrayBuffer());
    }
    const reader = stream.getReader();
    const body = bodyCollector(maxBytes);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!ArrayBuffer.isView(value)) {
        reader.cancel().catch(() => {});
        throw new TypeError('the request body stream must give bytes (Uint8Array chunks)');
      }
      if (!body.add(value)) {
        reader.cancel().catch(() => {});
        throw body.tooLarge();
      }
    }
    return body.bytes();
  }

  function signPayload(body, key) {
    if (Array.isArray(key)) throw new TypeError('signPayload takes one key');
    const { bytes } = keyBytes(key);
    const data = rawBody(body, Infinity);
    if (data.issue) throw new PayloadError([data.issue], 'webhook body');
    const signature = guarded((w) => w.sign_payload(data.bytes, bytes));
    if (signature === TRAPPED) throw internalFailure();
    return signature;
  }

  // --- Test helpers and the SDK ------------------------------------------

  // Merges `overrides` into `target`: objects recursively, anything else
  // replaced. Keys are defined, not assigned, so `__proto__` stays data.
  function merge(target, overrides) {
    for (const key of Object.keys(overrides)) {
      const value = overrides[key];
      // Own properties only: an inherited one (`__proto__`) is never merged into.
      const current = Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
      const bothObjects = value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' && !Array.isArray(current);
      Object.defineProperty(target, key, {
        value: bothObjects ? merge(current, value) : value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return target;
  }

  function sampleEvent(name, overrides) {
    if (!isKnownEvent(name)) throw new TypeError('unknown event ' + JSON.stringify(name));
    const data = guarded((w) => JSON.parse(w.sample_payload(name)));
    if (data === TRAPPED) throw internalFailure();
    const envelope = {
      event: name,
      data,
      org_id: typeof data.org_id === 'string' ? data.org_id : SAMPLE_ORG_ID,
      timestamp: SAMPLE_TIMESTAMP,
    };
    if (overrides === undefined) return envelope;
    if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
      throw new TypeError('sampleEvent overrides must be an object, such as { data: { ticket: { priority: 4 } } }');
    }
    return merge(envelope, overrides);
  }

  const SAMPLE_ORG_ID = '2997dd64-89bf-48d3-9a22-b314fca017e5';
  const SAMPLE_TIMESTAMP = '2025-01-26T13:46:55.758+00:00';

  function withValidation(eventName, handler, options) {
    eventCall(eventName); // an unknown event name is a mistake: say it now
    if (typeof handler !== 'function') throw new TypeError('withValidation needs a handler function');
    const { onInvalid, ...parseOptions } = options || {};
    readOptions(parseOptions);
    if (onInvalid !== undefined && typeof onInvalid !== 'function') throw new TypeError('onInvalid must be a function');
    const reject =
      onInvalid ||
      ((error) => {
        const first = error.errors[0];
        console.warn('periskope-events: skipped an invalid ' + eventName + ' payload: ' + (first ? describe(first) : error.message));
      });
    return named('validated', function (payload) {
      const result = safeParseEvent(eventName, payload, parseOptions);
      if (!result.success) {
        try {
          reject(result.error, payload);
        } catch (e) {
          // A throwing onInvalid must not take the socket's listener down either.
          console.error('periskope-events: onInvalid threw', e);
        }
        return undefined;
      }
      return handler(result.data, result.warnings);
    });
  }

  function wasmMemoryBytes() {
    const bytes = guarded((w) => w.memory_bytes());
    if (bytes === TRAPPED) throw internalFailure();
    return bytes;
  }

  const ticketCreated = (fn) => (input, options) => fn('ticket.created', input, options);

  if (internal) {
    Object.assign(internal, {
      verifyOptions: (options) => readOptions(options, REPLAY_OPTION_NAMES),
      checkKeys: (keys) => void keyBytes(keys),
      readRequest,
      checkDeclaredLength,
      bodyCollector,
      named,
    });
  }

  return {
    PayloadError,
    WebhookVerificationError,
    knownEvents,
    isKnownEvent,
    isEvent: (hook, event) => hook !== null && typeof hook === 'object' && hook.known === true && hook.event === event,
    validateEvent,
    parseEvent,
    safeParseEvent,
    validateTicketCreated: ticketCreated(validateEvent),
    parseTicketCreated: ticketCreated(parseEvent),
    safeParseTicketCreated: ticketCreated(safeParseEvent),
    validateWebhook,
    parseWebhook,
    safeParseWebhook,
    verifySignature,
    constructEvent,
    verifyRequest,
    signPayload,
    sampleEvent,
    withValidation,
    formatIssue: describe,
    wasmMemoryBytes,
    defaults: Object.freeze({ maxBytes: DEFAULTS.maxBytes, maxIssues: DEFAULTS.maxIssues, maxDepth: DEFAULTS.maxDepth }),
  };
}
