// The public JavaScript API, shared by every build of the package.
//
// This file is plain script, no import or export: scripts/build-pkg.mjs
// wraps it into each entry (CommonJS, ES module, and later the browser and
// edge builds) around that build's wasm-bindgen glue, so every runtime runs
// the same code. It stays thin on purpose: it turns the input into bytes,
// calls the wasm export, and turns the one JSON text it returns into objects.
// Every rule lives in the Rust core.

/* eslint-disable no-unused-vars */
// `wasm` is the build's wasm-bindgen glue; `reload`, where the build can
// offer one, returns a fresh instance of it: after a trap (which should never
// happen, and would leave the instance in an unknown state) the next call
// runs on a new instance instead of a possibly corrupted one.
function createApi(wasm, reload) {
  'use strict';

  const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
  const DEFAULT_MAX_ISSUES = 100;
  const MAX_U32 = 0xffffffff;
  const FLAG_STRICT = 1;
  const FLAG_VALIDATE_ONLY = 2;
  const UNKNOWN_EVENT_FLAGS = { warn: 0, error: 4, ignore: 8 };
  const OPTION_NAMES = ['strict', 'maxBytes', 'maxIssues', 'unknownEvents'];
  const encoder = new TextEncoder();

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

  function readOptions(options) {
    if (options === undefined || options === null) {
      return { flags: 0, maxBytes: DEFAULT_MAX_BYTES, maxIssues: DEFAULT_MAX_ISSUES };
    }
    if (typeof options !== 'object') {
      throw new TypeError('options must be an object such as { strict: true, maxBytes: 1048576 }');
    }
    for (const key of Object.keys(options)) {
      if (!OPTION_NAMES.includes(key)) {
        throw new TypeError('unknown option ' + JSON.stringify(key) + ' (known: ' + OPTION_NAMES.join(', ') + ')');
      }
    }
    const { strict = false, maxBytes = DEFAULT_MAX_BYTES, maxIssues = DEFAULT_MAX_ISSUES, unknownEvents = 'warn' } = options;
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
    return { flags: (strict ? FLAG_STRICT : 0) | UNKNOWN_EVENT_FLAGS[unknownEvents], maxBytes, maxIssues };
  }

  const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  const isWellFormed = typeof String.prototype.isWellFormed === 'function'
    ? (text) => text.isWellFormed()
    : (text) => !LONE_SURROGATE.test(text);

  function rootIssue(code, message) {
    return { path: '', code, message, severity: 'error' };
  }

  function tooLarge(length, maxBytes) {
    return rootIssue('too_large', 'the input is ' + length + ' bytes, over the limit of ' + maxBytes + ' (option maxBytes)');
  }

  // Bytes for the core, or the issue that stops us before it. Strings are
  // encoded with TextEncoder (much cheaper than wasm-bindgen's string
  // passing); objects, the SDK's parsed payloads, go through JSON.stringify so
  // that every form of input meets the same reader and gives the same result.
  function toBytes(input, maxBytes) {
    let text;
    if (typeof input === 'string') {
      text = input;
    } else if (input instanceof Uint8Array) {
      return input.byteLength > maxBytes ? { issue: tooLarge(input.byteLength, maxBytes) } : { bytes: input };
    } else if (ArrayBuffer.isView(input)) {
      if (input.byteLength > maxBytes) return { issue: tooLarge(input.byteLength, maxBytes) };
      return { bytes: new Uint8Array(input.buffer, input.byteOffset, input.byteLength) };
    } else if (input instanceof ArrayBuffer || Object.prototype.toString.call(input) === '[object ArrayBuffer]' ||
      (typeof SharedArrayBuffer !== 'undefined' && input instanceof SharedArrayBuffer)) {
      if (input.byteLength > maxBytes) return { issue: tooLarge(input.byteLength, maxBytes) };
      return { bytes: new Uint8Array(input) };
    } else if (input === undefined || typeof input === 'function' || typeof input === 'symbol') {
      return { issue: rootIssue('invalid_input', 'expected a string, a Uint8Array, an ArrayBuffer or a parsed JSON object, got ' + typeof input) };
    } else {
      try {
        const problem = inspect(input);
        if (problem) return { issue: problem, fromObject: true };
        text = JSON.stringify(input);
      } catch (e) {
        // A throwing getter, toJSON or Proxy trap. The engine's message is
        // not repeated: it can quote the payload.
        return { issue: rootIssue('invalid_input', 'the object cannot be read: reading one of its properties threw'), fromObject: true };
      }
      const prepared = toBytes(text, maxBytes);
      prepared.fromObject = true;
      return prepared;
    }
    // Each UTF-16 unit is at least one UTF-8 byte: a string this long is over
    // the limit whatever it holds, and is refused before encoding it.
    if (text.length > maxBytes) return { issue: tooLarge(text.length, maxBytes) };
    // TextEncoder would silently turn a lone surrogate into U+FFFD; it is
    // refused instead, as a lone surrogate escape is.
    if (!isWellFormed(text)) {
      return { issue: rootIssue('invalid_encoding', 'the string has a lone surrogate, which is not a Unicode character') };
    }
    return { bytes: encoder.encode(text) };
  }

  // Calls the core with the input's bytes; `call(bytes, flags, maxBytes,
  // maxIssues)` is one wasm export. Returns the parsed `{ data, issues }`.
  const MAX_DEPTH = 64;

  function pointer(keys) {
    return keys.map((k) => '/' + String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
  }

  // Finds, before JSON.stringify runs, what it would silently drop or change
  // in an object: the SDK hands over plain JSON data, and anything else is
  // reported with its path instead of vanishing. `undefined` properties are
  // absent, as in JSON. Recursion is bounded by MAX_DEPTH.
  //
  // The walk runs on every object input, so it is kept cheap: no cycle
  // bookkeeping (`ancestors` is null). A cycle, like genuinely deep nesting,
  // then ends at the depth limit, and only then is the walk repeated with
  // the set of ancestors, to tell the two apart.
  function inspect(root) {
    const problem = walk(root, [], 0, null);
    return problem === DEEP ? walk(root, [], 0, new Set()) : problem;
  }

  const DEEP = {};
  const OBJECT_PROTO = Object.prototype;
  const toTag = Object.prototype.toString;

  function walk(value, keys, depth, ancestors) {
    const type = typeof value;
    if (type === 'string') return isWellFormed(value) ? null : fail(keys, 'invalid_encoding', 'this string has a lone surrogate, which is not a Unicode character');
    if (value === null || type === 'boolean') return null;
    if (type === 'number') return Number.isFinite(value) ? null : fail(keys, 'invalid_input', 'NaN and Infinity are not JSON numbers');
    if (type !== 'object') return fail(keys, 'invalid_input', 'a ' + type + ' is not JSON data');
    if (depth >= MAX_DEPTH) {
      return ancestors === null ? DEEP : fail(keys, 'too_deep', 'arrays and objects nest too deeply (limit ' + MAX_DEPTH + ')');
    }
    if (ancestors !== null && ancestors.has(value)) return fail(keys, 'invalid_input', 'the object contains itself (a cycle)');
    if (ArrayBuffer.isView(value) || isArrayBuffer(value)) {
      return fail(keys, 'invalid_input', 'binary data is not JSON data (JSON.stringify would write its bytes as an object or drop them)');
    }
    if (typeof value.toJSON === 'function') {
      // A Date, or an object that says how it serializes: what it says is
      // what is read, so that is what is checked.
      if (toTag.call(value) === '[object Date]' && Number.isNaN(Date.prototype.getTime.call(value))) {
        return fail(keys, 'invalid_input', 'an invalid Date is not JSON data');
      }
      const replaced = value.toJSON(keys.length > 0 ? String(keys[keys.length - 1]) : '');
      if (replaced === undefined) return fail(keys, 'invalid_input', 'its toJSON returns nothing, so JSON.stringify would drop it');
      return replaced === value ? null : walk(replaced, keys, depth + 1, ancestors);
    }
    const isArray = Array.isArray(value);
    if (!isArray) {
      const proto = Object.getPrototypeOf(value);
      // Plain objects, from this realm or another (Object.prototype's own prototype is null).
      const plain = proto === OBJECT_PROTO || proto === null ||
        (Object.getPrototypeOf(proto) === null && toTag.call(value) === '[object Object]');
      if (!plain) {
        const name = (proto && proto.constructor && proto.constructor.name) || 'object';
        return fail(keys, 'invalid_input', 'a ' + name + ' is not plain JSON data (JSON.stringify would drop its contents)');
      }
    }
    if (Object.getOwnPropertySymbols(value).length > 0) return fail(keys, 'invalid_input', 'symbol-keyed properties are not JSON data');
    if (ancestors !== null) ancestors.add(value);
    const names = isArray ? null : Object.keys(value);
    const length = isArray ? value.length : names.length;
    for (let i = 0; i < length; i++) {
      const key = isArray ? i : names[i];
      if (!isArray && !isWellFormed(key)) {
        return fail(keys, 'invalid_encoding', 'a key of this object has a lone surrogate, which is not a Unicode character');
      }
      const child = value[key];
      if (child === undefined && !isArray) continue;
      // Nulls and booleans need no call; strings only a well-formedness check.
      if (child === null || typeof child === 'boolean') continue;
      if (typeof child === 'string' && isWellFormed(child)) continue;
      keys.push(key);
      const problem = child === undefined ? fail(keys, 'invalid_input', 'undefined is not JSON data') : walk(child, keys, depth + 1, ancestors);
      keys.pop();
      if (problem) return problem;
    }
    if (ancestors !== null) ancestors.delete(value);
    return null;
  }

  function fail(keys, code, message) {
    return { path: pointer(keys), code, message, severity: 'error' };
  }

  function run(call, input, options, validateOnly) {
    const { flags, maxBytes, maxIssues } = readOptions(options);
    const prepared = toBytes(input, maxBytes);
    if (prepared.issue) return { data: null, issues: [prepared.issue] };
    let result;
    try {
      result = JSON.parse(call(prepared.bytes, flags | (validateOnly ? FLAG_VALIDATE_ONLY : 0), maxBytes, maxIssues));
    } catch (e) {
      if (reload) {
        try {
          wasm = reload();
        } catch (_) {
          // Keep the old instance: the next call will report again.
        }
      }
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

  const knownEvents = Object.freeze(JSON.parse(wasm.known_events()));
  const knownEventSet = new Set(knownEvents);

  function isKnownEvent(name) {
    return typeof name === 'string' && knownEventSet.has(name);
  }

  function eventCall(name) {
    if (!isKnownEvent(name)) {
      throw new TypeError('unknown event ' + JSON.stringify(name) + '; known events: ' + knownEvents.join(', '));
    }
    return (bytes, flags, maxBytes, maxIssues) => wasm.event_payload(name, bytes, flags, maxBytes, maxIssues);
  }

  const validateEvent = (name, input, options) => validateWith(eventCall(name), input, options);
  const safeParseEvent = (name, input, options) => safeParseWith(eventCall(name), input, options, name + ' payload');
  const parseEvent = (name, input, options) => unwrap(safeParseEvent(name, input, options));

  const validateWebhook = (body, options) => validateWith(wasm.webhook, body, options);
  const safeParseWebhook = (body, options) => safeParseWith(wasm.webhook, body, options, 'webhook body');
  const parseWebhook = (body, options) => unwrap(safeParseWebhook(body, options));

  // --- Signatures ---------------------------------------------------------

  const SIGNATURE_HEADER = 'x-periskope-signature';
  const VERIFY_CODES = ['', 'missing_signature', 'malformed_signature', 'signature_mismatch', 'missing_key'];
  const VERIFY_MESSAGES = {
    missing_signature: 'no signature: the request has no x-periskope-signature header, or it is empty',
    malformed_signature: 'the signature is not 64 hexadecimal characters (optionally after sha256=)',
    signature_mismatch: 'the signature does not match the body for any of the signing keys',
    missing_key: "no signing key was given: pass the key from Periskope's webhook settings (or several, while rotating)",
    body_was_parsed:
      'the body was already parsed into an object: the signature covers the exact bytes received, so pass the raw body ' +
      '(a string, Buffer, Uint8Array or ArrayBuffer), e.g. express.raw() instead of express.json()',
  };

  /** Thrown by signature checks. `code` is stable; nothing secret is ever in it. */
  class WebhookVerificationError extends Error {
    constructor(code) {
      super(VERIFY_MESSAGES[code]);
      this.name = 'WebhookVerificationError';
      this.code = code;
    }
  }

  // The exact bytes of a raw body, or the most common mistake named.
  // A string with a lone surrogate cannot be bytes that were received (they
  // decode to well-formed text), and TextEncoder would silently change it.
  const MALFORMED = null;

  function rawBody(body) {
    if (typeof body === 'string') return isWellFormed(body) ? encoder.encode(body) : MALFORMED;
    if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    if (isArrayBuffer(body)) return new Uint8Array(body);
    if (body !== null && typeof body === 'object') throw new WebhookVerificationError('body_was_parsed');
    throw new TypeError('the body must be the raw request body: a string, Buffer, Uint8Array or ArrayBuffer');
  }

  function isArrayBuffer(value) {
    const tag = Object.prototype.toString.call(value);
    return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
  }

  function malformedBody() {
    return new PayloadError([rootIssue('invalid_encoding', 'the string has a lone surrogate, which is not a Unicode character')], 'webhook body');
  }

  // All keys as one byte buffer plus their lengths: one crossing into wasm.
  function keyBytes(keys) {
    const list = Array.isArray(keys) ? keys : keys === undefined || keys === null ? [] : [keys];
    const encoded = list.map((k) => {
      if (typeof k === 'string') return encoder.encode(k);
      // Any realm's Uint8Array (a test runner's, a vm context's).
      if (ArrayBuffer.isView(k)) return new Uint8Array(k.buffer, k.byteOffset, k.byteLength);
      throw new TypeError('a signing key must be a string or a Uint8Array');
    });
    if (encoded.length === 0 || encoded.some((k) => k.length === 0)) throw new WebhookVerificationError('missing_key');
    const lengths = new Uint32Array(encoded.map((k) => k.length));
    const bytes = new Uint8Array(lengths.reduce((a, b) => a + b, 0));
    let at = 0;
    for (const k of encoded) {
      bytes.set(k, at);
      at += k.length;
    }
    return { bytes, lengths };
  }

  // The signature from a header value, a plain object of headers (any case;
  // Node's IncomingHttpHeaders included) or a Fetch API Headers.
  function readSignature(source) {
    if (source === undefined || source === null) return '';
    if (typeof source === 'string') return source;
    // A Map has case-sensitive names; read it like a plain object.
    if (source instanceof Map) return readSignature(Object.fromEntries(source));
    if (typeof source.get === 'function') return source.get(SIGNATURE_HEADER) || '';
    if (typeof source === 'object') {
      for (const name of Object.keys(source)) {
        if (name.toLowerCase() !== SIGNATURE_HEADER) continue;
        const value = source[name];
        // Node joins repeated headers; an array here means several values,
        // which cannot be one signature.
        if (Array.isArray(value)) return value.length === 1 ? String(value[0]) : value.join(', ');
        return value === undefined || value === null ? '' : String(value);
      }
      return '';
    }
    throw new TypeError('the signature must be a header value, a headers object or a Headers instance');
  }

  // `options.maxBytes` bounds the body here too: a body over it is not
  // copied into wasm at all (the module's memory never shrinks).
  function verifySignature(body, signature, keys, options) {
    const { maxBytes } = readOptions(options);
    const bytes = rawBody(body);
    const { bytes: keyData, lengths } = keyBytes(keys);
    if (bytes === MALFORMED || bytes.byteLength > maxBytes) return false;
    const code = wasm.verify_signature(bytes, readSignature(signature), keyData, lengths);
    return code === 0;
  }

  function constructEvent(body, signatureOrHeaders, keys, options) {
    readOptions(options);
    const bytes = rawBody(body);
    const { bytes: keyData, lengths } = keyBytes(keys);
    if (bytes === MALFORMED) throw malformedBody();
    const signature = readSignature(signatureOrHeaders);
    const result = run(
      (input, flags, maxBytes, maxIssues) => wasm.construct_event(input, signature, keyData, lengths, flags, maxBytes, maxIssues),
      bytes,
      options,
      false,
    );
    if (result.signature_error) throw new WebhookVerificationError(VERIFY_CODES[result.signature_error]);
    if (result.data === null) throw new PayloadError(result.issues, 'webhook body');
    return result.data;
  }

  async function verifyRequest(request, keys, options) {
    if (!request || typeof request.arrayBuffer !== 'function' || !request.headers) {
      throw new TypeError('verifyRequest takes a Fetch API Request');
    }
    if (request.bodyUsed) throw new WebhookVerificationError('body_was_parsed');
    // Mistakes in the arguments are reported before the body is consumed.
    readOptions(options);
    keyBytes(keys);
    const body = new Uint8Array(await request.arrayBuffer());
    return constructEvent(body, request.headers, keys, options);
  }

  function signPayload(body, key) {
    if (Array.isArray(key)) throw new TypeError('signPayload takes one key');
    const { bytes } = keyBytes(key);
    const data = rawBody(body);
    if (data === MALFORMED) throw malformedBody();
    return wasm.sign_payload(data, bytes);
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
    const data = JSON.parse(wasm.sample_payload(name));
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
    return function validated(payload) {
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
    };
  }

  const ticketCreated = (fn) => (input, options) => fn('ticket.created', input, options);

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
    wasmMemoryBytes: () => wasm.memory_bytes(),
  };
}
