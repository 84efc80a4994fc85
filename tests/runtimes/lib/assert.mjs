// The part of node:assert/strict that tests/js/cases.mjs uses, for the hosts
// that have no node:assert (workerd without nodejs_compat, Vercel's Edge
// runtime, browsers; Deno uses it too, so every non-Node host runs the cases
// with the same checks). Strict semantics: equal is Object.is, deepEqual
// compares own enumerable keys, prototypes and values recursively.
// package.test.mjs runs the cases with it in Node too, next to node:assert.

export class AssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AssertionError';
  }
}

function show(value) {
  try {
    const text = typeof value === 'bigint' ? `${value}n` : JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 200 ? text.slice(0, 200) + '...' : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function fail(message, fallback) {
  if (message instanceof Error) throw message;
  throw new AssertionError(message === undefined ? fallback : `${message}: ${fallback}`);
}

function deepEqualValues(a, b, seen) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.has(a)) return seen.get(a) === b;
  seen.set(a, b);
  if (Array.isArray(a) && a.length !== b.length) return false;
  if (a instanceof Date) return Object.is(a.getTime(), b.getTime());
  if (ArrayBuffer.isView(a)) {
    if (a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    return x.every((v, i) => v === y[i]);
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    const va = Object.getOwnPropertyDescriptor(a, key).value;
    const vb = Object.getOwnPropertyDescriptor(b, key).value;
    if (!deepEqualValues(va, vb, seen)) return false;
  }
  return true;
}

function ok(value, message) {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

export const assert = Object.assign(ok, {
  ok,
  equal(actual, expected, message) {
    if (!Object.is(actual, expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
  },
  notEqual(actual, expected, message) {
    if (Object.is(actual, expected)) fail(message, `expected anything but ${show(expected)}`);
  },
  deepEqual(actual, expected, message) {
    if (!deepEqualValues(actual, expected, new Map())) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
  },
  notDeepEqual(actual, expected, message) {
    if (deepEqualValues(actual, expected, new Map())) fail(message, `expected anything but ${show(expected)}`);
  },
  match(string, regexp, message) {
    if (typeof string !== 'string' || !regexp.test(string)) fail(message, `${show(string)} does not match ${regexp}`);
  },
  doesNotMatch(string, regexp, message) {
    if (typeof string !== 'string' || regexp.test(string)) fail(message, `${show(string)} matches ${regexp}`);
  },
  // expected: an Error class (instanceof), a RegExp (on the message), an
  // object of properties, or a validation function returning true; as
  // node:assert tells a class from a validation function.
  throws(fn, expected, message) {
    if (typeof expected === 'string') [message, expected] = [expected, undefined];
    let threw = false;
    let error;
    try {
      fn();
    } catch (e) {
      threw = true;
      error = e;
    }
    if (!threw) fail(message, 'expected the function to throw');
    if (expected === undefined) return;
    if (expected instanceof RegExp) {
      if (!expected.test(String(error && error.message))) fail(message, `the error ${show(String(error))} does not match ${expected}`);
    } else if (typeof expected === 'function') {
      if (expected.prototype !== undefined && error instanceof expected) return;
      if (Error.isPrototypeOf(expected) || expected === Error) fail(message, `expected a ${expected.name}, got ${show(String(error))}`);
      if (expected.call({}, error) !== true) fail(message, `the error did not pass the validation function: ${show(String(error))}`);
    } else if (typeof expected === 'object' && expected !== null) {
      for (const [key, value] of Object.entries(expected)) {
        const got = error[key];
        const same = value instanceof RegExp && typeof got === 'string' ? value.test(got) : deepEqualValues(got, value, new Map());
        if (!same) fail(message, `error.${key}: expected ${show(value)}, got ${show(got)}`);
      }
    }
  },
  fail(message) {
    fail(message, 'failed');
  },
});
assert.strict = assert;
assert.strictEqual = assert.equal;
assert.deepStrictEqual = assert.deepEqual;
assert.notStrictEqual = assert.notEqual;
assert.notDeepStrictEqual = assert.notDeepEqual;

export default assert;
