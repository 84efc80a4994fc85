// No parser differential: over a generated corpus of JSON texts and
// near-JSON mutations of them, our reader accepts exactly what JSON.parse
// accepts and reads the same values, except where we deliberately refuse
// what JSON.parse lets through: duplicate keys, lone surrogates, nesting
// over 64 levels. The corpus is generated from a fixed seed, so failures
// reproduce.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as api from 'periskope-events';

function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20261125);
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (n) => Math.floor(random() * n);

const STRING_PARTS = ['a', 'Z', ' ', 'é', '😀', '\\"', '\\\\', '\\/', '\\n', '\\t', '\\b', '\\f', '\\r', '\\u0000', '\\u00e9', '\\uD83D\\uDE00',
  '\\ud800', '\\udc00', '\\u2028', '\u2028', '~', '/', '__proto__', '\\u005f'];
const NUMBERS = ['0', '-0', '1', '-1', '1.5', '1e3', '1E-3', '-2.5e+10', '123456789012345678901234567890', '1e400', '-1e400', '1e-400',
  '0.1', '9007199254740993'];
const BAD_NUMBERS = ['00', '01', '1.', '.5', '+1', '1e', '-', '1.0e+', 'NaN', 'Infinity'];
const WS = ['', ' ', '\n', '\t', '\r\n'];
const BAD_WS = ['\u00a0', '\v', '\u2028'];

function str() {
  let s = '"';
  for (let i = int(6); i > 0; i--) s += pick(STRING_PARTS);
  return s + '"';
}

// A JSON value; with `loose`, now and then a token JSON does not allow.
function value(depth, loose) {
  const w = () => (loose && random() < 0.05 ? pick(BAD_WS) : pick(WS));
  switch (depth > 3 ? int(4) : int(7)) {
    case 0: return pick(['null', 'true', 'false']);
    case 1: return loose && random() < 0.3 ? pick(BAD_NUMBERS) : pick(NUMBERS);
    case 2: case 3: return str();
    case 4: {
      const items = [];
      for (let i = int(4); i > 0; i--) items.push(w() + value(depth + 1, loose) + w());
      return '[' + items.join(',') + ']';
    }
    default: {
      const members = [];
      for (let i = int(4); i > 0; i--) members.push(w() + (random() < 0.2 ? '"k"' : str()) + w() + ':' + w() + value(depth + 1, loose));
      return '{' + members.join(',') + '}';
    }
  }
}

function mutate(text) {
  const at = int(text.length + 1);
  switch (int(4)) {
    case 0: return text.slice(0, at) + text.slice(at + 1);
    case 1: return text.slice(0, at) + pick([',', '}', ']', '"', '\\', ':', '\u0001', 'x']) + text.slice(at);
    case 2: return text + pick([',', ' ', '}', '0']);
    default: return text.slice(0, at);
  }
}

// What we deliberately refuse although JSON.parse accepts it.
function deliberateRefusal(text, issues) {
  return issues.some((i) => ['duplicate_key', 'invalid_encoding', 'too_deep'].includes(i.code));
}

function sameValue(a, b) {
  if (typeof a === 'number') return Object.is(a, b);
  if (a === null || typeof a !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue(a[k], b[k]));
}

const TICKET = '{"org_id":"2997dd64-89bf-48d3-9a22-b314fca017e5","ticket_id":"T","subject":"s","created_at":"2025-01-01"';

test('our reader and JSON.parse agree over a generated corpus', () => {
  let accepted = 0;
  let rejected = 0;
  for (let n = 0; n < 4000; n++) {
    // A third valid JSON, a third with foreign tokens, a third mutated.
    const fragment = n % 3 === 0 ? value(0, false) : n % 3 === 1 ? value(0, true) : mutate(value(0, false));
    // The fragment as an unknown field of the ticket: passed through as read.
    const text = `{"ticket":${TICKET},"extra":${fragment}}}`;
    let theirs;
    let parsedOk = true;
    try {
      theirs = JSON.parse(text);
    } catch {
      parsedOk = false;
    }
    const ours = api.safeParseTicketCreated(text);
    if (!parsedOk) {
      assert.equal(ours.success, false, `we accepted what JSON.parse rejects: ${text}`);
      // The reader stops at the first problem, which may be one JSON.parse
      // lets through (a lone surrogate) before the syntax error.
      const codes = ours.error.issues.map((i) => i.code);
      assert.ok(codes.some((c) => ['invalid_json', 'invalid_encoding', 'too_deep'].includes(c)), `${text}: ${codes}`);
      rejected++;
      continue;
    }
    if (!ours.success) {
      assert.ok(deliberateRefusal(text, ours.error.issues), `we rejected what JSON.parse accepts: ${text}: ${ours.error.message}`);
      continue;
    }
    assert.ok(sameValue(ours.data.ticket.extra, theirs.ticket.extra), `different values for ${text}`);
    accepted++;
  }
  // The corpus exercises both sides.
  assert.ok(accepted > 1000 && rejected > 500, `accepted ${accepted}, rejected ${rejected}`);
});

test('known string fields read escapes exactly as JSON.parse does', () => {
  for (let n = 0; n < 2000; n++) {
    const s = str();
    const text = `{"ticket":${TICKET.replace('"s"', s)}}}`;
    let theirs;
    try {
      theirs = JSON.parse(text);
    } catch {
      continue;
    }
    const ours = api.safeParseTicketCreated(text);
    if (!ours.success) {
      assert.ok(deliberateRefusal(text, ours.error.issues), text);
      continue;
    }
    assert.equal(ours.data.ticket.subject, theirs.ticket.subject, text);
  }
});
