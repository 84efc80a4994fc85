// The public JavaScript API, shared by every build of the package.
//
// This file is plain script, no import or export: scripts/build-pkg.mjs
// wraps it into each entry (CommonJS, ES module, and later the browser and
// edge builds) around that build's wasm-bindgen glue, so every runtime runs
// the same code. It stays thin on purpose: it turns the input into bytes,
// calls the wasm export, and turns the one JSON text it returns into objects.
// Every rule lives in the Rust core.

/* eslint-disable no-unused-vars */
function createApi(wasm) {
  'use strict';

  const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
  const DEFAULT_MAX_ISSUES = 100;
  const MAX_U32 = 0xffffffff;
  const FLAG_STRICT = 1;
  const FLAG_VALIDATE_ONLY = 2;
  const OPTION_NAMES = ['strict', 'maxBytes', 'maxIssues'];
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
    const { strict = false, maxBytes = DEFAULT_MAX_BYTES, maxIssues = DEFAULT_MAX_ISSUES } = options;
    if (typeof strict !== 'boolean') throw new TypeError('option strict must be a boolean');
    if (!Number.isInteger(maxBytes) || maxBytes < 1 || maxBytes > MAX_U32) {
      throw new TypeError('option maxBytes must be an integer from 1 to ' + MAX_U32);
    }
    if (!Number.isInteger(maxIssues) || maxIssues < 1 || maxIssues > MAX_U32) {
      throw new TypeError('option maxIssues must be an integer from 1 to ' + MAX_U32);
    }
    return { flags: strict ? FLAG_STRICT : 0, maxBytes, maxIssues };
  }

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
        text = JSON.stringify(input);
      } catch (e) {
        // A cycle, a BigInt, or a throwing getter or toJSON. The engine's own
        // message is not repeated: it can quote the payload's keys.
        const why = typeof input === 'object' && e instanceof TypeError ? 'it has a cycle or a BigInt' : 'reading it threw';
        return { issue: rootIssue('invalid_input', 'the object cannot be converted to JSON: ' + why) };
      }
      if (text === undefined) {
        return { issue: rootIssue('invalid_input', 'the value cannot be converted to JSON') };
      }
      const prepared = toBytes(text, maxBytes);
      prepared.fromObject = true;
      return prepared;
    }
    // Each UTF-16 unit is at least one UTF-8 byte: a string this long is over
    // the limit whatever it holds, and is refused before encoding it.
    if (text.length > maxBytes) return { issue: tooLarge(text.length, maxBytes) };
    return { bytes: encoder.encode(text) };
  }

  function run(exportFn, input, options, validateOnly) {
    const { flags, maxBytes, maxIssues } = readOptions(options);
    const prepared = toBytes(input, maxBytes);
    if (prepared.issue) return { data: null, issues: [prepared.issue] };
    let result;
    try {
      result = JSON.parse(exportFn(prepared.bytes, flags | (validateOnly ? FLAG_VALIDATE_ONLY : 0), maxBytes, maxIssues));
    } catch (e) {
      return { data: null, issues: [rootIssue('internal_error', 'periskope-events failed unexpectedly; please report this input')] };
    }
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

  function validator(exportFn) {
    return function validate(input, options) {
      const { errors, warnings } = split(run(exportFn, input, options, true).issues);
      return { valid: errors.length === 0, errors, warnings };
    };
  }

  function safeParser(exportFn, what) {
    return function safeParse(input, options) {
      const { data, issues } = run(exportFn, input, options, false);
      if (data === null) return { success: false, error: new PayloadError(issues, what) };
      return { success: true, data, warnings: issues };
    };
  }

  function parser(safeParse) {
    return function parse(input, options) {
      const result = safeParse(input, options);
      if (!result.success) throw result.error;
      return result.data;
    };
  }

  const safeParseTicketCreated = safeParser(wasm.ticket_created, 'ticket.created payload');
  const safeParseWebhook = safeParser(wasm.webhook, 'webhook body');

  return {
    PayloadError,
    validateTicketCreated: validator(wasm.ticket_created),
    safeParseTicketCreated,
    parseTicketCreated: parser(safeParseTicketCreated),
    validateWebhook: validator(wasm.webhook),
    safeParseWebhook,
    parseWebhook: parser(safeParseWebhook),
    formatIssue: describe,
  };
}
