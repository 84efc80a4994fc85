// The playground: reads the payload with the package's browser build (the
// same entry `import ... from 'periskope-events'` gives a bundler), lists
// errors and warnings, marks each in the input from its line and column,
// shows the normalized output, and checks signatures when the build has
// verifySignature and signPayload. No framework, no build step.
import { SAMPLES } from './samples.js';

const $ = (id) => document.getElementById(id);
const el = {
  status: $('status'),
  statusText: $('status-text'),
  input: $('input'),
  editor: $('editor'),
  backdrop: $('backdrop'),
  highlight: $('highlight'),
  caret: $('caret'),
  output: $('output'),
  copy: $('copy'),
  errors: $('errors'),
  warnings: $('warnings'),
  errorCount: $('error-count'),
  warningCount: $('warning-count'),
  sample: $('sample'),
  reader: $('reader'),
  strict: $('strict'),
  sigBody: $('sig-body'),
  sigSame: $('sig-same'),
  sigKeys: $('sig-keys'),
  sigHeader: $('sig-header'),
  sigSign: $('sig-sign'),
  sigStatus: $('sig-status'),
  buildInfo: $('build-info'),
};

// Highlighting and colouring stop above this size; validation does not.
const MAX_HIGHLIGHT = 512 * 1024;

function setStatus(state, html) {
  el.status.dataset.state = state;
  el.statusText.innerHTML = html;
}

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

// ---------------------------------------------------------------- JSON text

// Tokens for colouring: [start, end, class].
const TOKEN = /"(?:[^"\\\n]|\\.)*"?|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[{}[\],:]|\s+|[^\s{}[\],:"]+/g;
function tokenize(text) {
  const tokens = [];
  TOKEN.lastIndex = 0;
  let m;
  while ((m = TOKEN.exec(text)) !== null) {
    const t = m[0];
    const start = m.index;
    let cls = '';
    if (t[0] === '"') {
      const after = /^\s*:/.test(text.slice(TOKEN.lastIndex, TOKEN.lastIndex + 64));
      cls = after ? 't-key' : 't-str';
    } else if (/^-?\d/.test(t)) cls = 't-num';
    else if (t === 'true' || t === 'false' || t === 'null') cls = 't-lit';
    else if (/^[{}[\],:]$/.test(t)) cls = 't-punct';
    else if (!/^\s+$/.test(t)) cls = 't-bad';
    tokens.push([start, start + t.length, cls]);
  }
  return tokens;
}

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

// Where the JSON value starting at `at` ends.
function valueEnd(text, at) {
  const c = text[at];
  if (c === '"') {
    let i = at + 1;
    while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    return Math.min(text.length, i + 1);
  }
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const d = text[i];
      if (d === '"') {
        i++;
        while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      } else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return at + 1;
  }
  let i = at;
  while (i < text.length && !/[,\]}\s]/.test(text[i])) i++;
  return Math.max(i, at + 1);
}

// The start of the `"key":` before the value at `at`, if there is one.
function keyStart(text, at) {
  let j = at - 1;
  while (j >= 0 && /\s/.test(text[j])) j--;
  if (text[j] !== ':') return -1;
  j--;
  while (j >= 0 && /\s/.test(text[j])) j--;
  if (text[j] !== '"') return -1;
  j--;
  while (j >= 0 && !(text[j] === '"' && text[j - 1] !== '\\')) j--;
  return j;
}

// The part of the input an issue is about, from its 1-based line and column
// (UTF-16 units, as JavaScript strings count): the whole value for a
// string, number or literal; for an object or array, the whole of it when
// it is short and on one line, else its key and opening bracket.
function rangeOf(text, starts, issue) {
  if (issue.line === undefined || issue.column === undefined) return null;
  const lineStart = starts[issue.line - 1];
  if (lineStart === undefined) return { start: Math.max(0, text.length - 1), end: text.length };
  const at = lineStart + issue.column - 1;
  if (at >= text.length) return { start: Math.max(0, text.length - 1), end: text.length };
  if (/\s/.test(text[at])) return { start: at, end: at + 1, blank: true };
  const end = valueEnd(text, at);
  if (text[at] === '{' || text[at] === '[') {
    const whole = end - at <= 100 && !text.slice(at, end).includes('\n');
    const key = keyStart(text, at);
    return { start: key >= 0 ? key : at, end: whole ? end : at + 1 };
  }
  return { start: at, end };
}

// The input as coloured tokens with the issues' ranges marked.
function renderHighlight(text, ranges) {
  if (text.length > MAX_HIGHLIGHT) return escapeHtml(text) + '\n';
  const tokens = tokenize(text);
  const cuts = new Set([0, text.length]);
  for (const [s, e] of tokens) cuts.add(s).add(e);
  for (const r of ranges) if (r) cuts.add(r.start).add(r.end);
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  let ti = 0;
  let pending = { attrs: null, text: '' };
  const flush = () => {
    if (pending.text) html += pending.attrs ? `<span ${pending.attrs}>${escapeHtml(pending.text)}</span>` : escapeHtml(pending.text);
    pending = { attrs: null, text: '' };
  };
  for (let p = 0; p + 1 < points.length; p++) {
    const a = points[p];
    const b = points[p + 1];
    while (ti < tokens.length && tokens[ti][1] <= a) ti++;
    const cls = ti < tokens.length && tokens[ti][0] <= a ? tokens[ti][2] : '';
    const covering = [];
    let severity = '';
    ranges.forEach((r, i) => {
      if (r && r.start <= a && a < r.end) {
        covering.push(i);
        if (r.severity === 'error' || !severity) severity = r.severity;
      }
    });
    const classes = [cls, severity && `m-${severity}`].filter(Boolean).join(' ');
    const attrs = classes ? `class="${classes}"${covering.length ? ` data-m="${covering.join(' ')}"` : ''}` : null;
    if (attrs !== pending.attrs) flush();
    pending.attrs = attrs;
    pending.text += text.slice(a, b);
  }
  flush();
  return html + '\n';
}

function colourJson(text) {
  return tokenize(text)
    .map(([s, e, cls]) => (cls ? `<span class="${cls}">${escapeHtml(text.slice(s, e))}</span>` : escapeHtml(text.slice(s, e))))
    .join('');
}

// ------------------------------------------------------------ the package

let api = null;
let readers = []; // [{ name, label, safeParse }]

// Readers from the API itself, so that events added to the package appear
// here without touching the page: one per known event when the API reads
// events by name (safeParseEvent), and every other safeParse<Thing>(input,
// options) function (safeParseWebhook, safeParseTicketCreated...).
function discoverReaders(pkg) {
  const found = [];
  const byEvent = Array.isArray(pkg.knownEvents) && typeof pkg.safeParseEvent === 'function';
  if (byEvent) {
    for (const event of pkg.knownEvents) {
      found.push({ name: `event:${event}`, event, label: `${event} payload`, safeParse: (input, options) => pkg.safeParseEvent(event, input, options) });
    }
  }
  for (const key of Object.keys(pkg)) {
    const m = /^safeParse([A-Z]\w*)$/.exec(key);
    if (!m || m[1] === 'Event' || typeof pkg[key] !== 'function') continue;
    const event = m[1].replace(/([a-z0-9])([A-Z])/g, '$1.$2').toLowerCase();
    if (m[1] === 'Webhook') found.push({ name: 'Webhook', label: 'webhook body (any event)', safeParse: pkg[key] });
    else if (!found.some((r) => r.event === event)) found.push({ name: m[1], event, label: `${event} payload`, safeParse: pkg[key] });
  }
  found.sort((a, b) => (a.name === 'Webhook' ? -1 : b.name === 'Webhook' ? 1 : a.label.localeCompare(b.label)));
  return found;
}

// Auto: a body with `event` (or `event_type`) is a webhook; anything else is
// read as a ticket.created payload (the SDK's handler payload or a bare ticket).
function chooseReader(text) {
  const wanted = el.reader.value;
  if (wanted !== 'auto') return readers.find((r) => r.name === wanted);
  const webhook = readers.find((r) => r.name === 'Webhook');
  const ticket = readers.find((r) => r.event === 'ticket.created') ?? readers[0];
  return /^\s*\{[\s\S]*"event(_type)?"\s*:/.test(text.slice(0, 4096)) ? webhook : ticket;
}

// --------------------------------------------------------------- rendering

let current = { issues: [], ranges: [] };

function issueItem(issue, index, range) {
  const li = document.createElement('li');
  li.className = `issue ${issue.severity}`;
  li.dataset.index = String(index);
  li.tabIndex = 0;
  const where = issue.line !== undefined ? `<span class="loc">Ln ${issue.line}, Col ${issue.column}</span>` : '';
  const excerpt = range && !range.blank ? el.input.value.slice(range.start, Math.min(range.end, range.start + 60)) : '';
  li.innerHTML = `
    <div class="issue-head">
      <code class="path">${escapeHtml(issue.path === '' ? '(root)' : issue.path)}</code>
      <span class="code">${escapeHtml(issue.code)}</span>
      ${where}
    </div>
    <div class="message">${escapeHtml(issue.message)}</div>
    ${excerpt ? `<code class="excerpt">${escapeHtml(excerpt)}${range.end - range.start > 60 ? '…' : ''}</code>` : ''}`;
  li.addEventListener('click', () => reveal(index));
  li.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), reveal(index)));
  li.addEventListener('mouseenter', () => spotlight(index, true));
  li.addEventListener('mouseleave', () => spotlight(index, false));
  return li;
}

function spotlight(index, on) {
  for (const node of el.highlight.querySelectorAll(`[data-m~="${index}"]`)) node.classList.toggle('active', on);
}

// Selects the issue's part of the input and scrolls to it.
function reveal(index) {
  const range = current.ranges[index];
  if (!range) return;
  const line = el.input.value.slice(0, range.start).split('\n').length;
  const lineHeight = parseFloat(getComputedStyle(el.input).lineHeight) || 20;
  el.input.focus({ preventScroll: true });
  el.input.setSelectionRange(range.start, range.end);
  el.input.scrollTop = Math.max(0, (line - 4) * lineHeight);
  syncScroll();
  spotlight(index, true);
  setTimeout(() => spotlight(index, false), 1200);
}

function syncScroll() {
  el.backdrop.scrollTop = el.input.scrollTop;
  el.backdrop.scrollLeft = el.input.scrollLeft;
}

function showIssues(list, target, countEl, offset) {
  target.replaceChildren(...list.map((issue, i) => issueItem(issue, offset + i, current.ranges[offset + i])));
  countEl.textContent = String(list.length);
  if (list.length === 0) {
    const li = document.createElement('li');
    li.className = 'none';
    li.textContent = target === el.errors ? 'No errors.' : 'No warnings.';
    target.append(li);
  }
}

function validate() {
  if (!api) return;
  const text = el.input.value;
  if (!text.trim()) {
    current = { issues: [], ranges: [] };
    el.highlight.innerHTML = '\n';
    showIssues([], el.errors, el.errorCount, 0);
    showIssues([], el.warnings, el.warningCount, 0);
    el.output.innerHTML = '<span class="muted">The normalized payload appears here.</span>';
    el.copy.disabled = true;
    setStatus('empty', 'Paste a payload or pick a sample.');
    updateSignature();
    return;
  }
  const reader = chooseReader(text);
  let result;
  try {
    result = reader.safeParse(text, { strict: el.strict.checked });
  } catch (e) {
    setStatus('invalid', `<strong>Could not read it</strong> · ${escapeHtml(String(e.message || e))}`);
    return;
  }
  const errors = result.success ? [] : result.error.errors;
  const warnings = result.success ? result.warnings : result.error.warnings;
  const issues = [...errors, ...warnings];
  const starts = lineStarts(text);
  const ranges = issues.map((issue) => {
    const r = rangeOf(text, starts, issue);
    return r && { ...r, severity: issue.severity };
  });
  current = { issues, ranges };

  el.highlight.innerHTML = renderHighlight(text, ranges);
  syncScroll();
  showIssues(errors, el.errors, el.errorCount, 0);
  showIssues(warnings, el.warnings, el.warningCount, errors.length);

  const how = `read as ${escapeHtml(reader.label)}${el.reader.value === 'auto' ? ' (auto)' : ''}${el.strict.checked ? ', strict' : ''}`;
  if (result.success) {
    const json = JSON.stringify(result.data, null, 2);
    el.output.innerHTML = colourJson(json);
    el.output.dataset.json = json;
    el.copy.disabled = false;
    const known = result.data && result.data.known === false ? ' · <span class="note">event not validated: its data passes through</span>' : '';
    setStatus('valid', `<strong>Valid</strong> · ${how} · ${plural(warnings.length, 'warning')}${known}`);
  } else {
    el.output.innerHTML = '<span class="muted">No output: the payload has errors.</span>';
    delete el.output.dataset.json;
    el.copy.disabled = true;
    setStatus('invalid', `<strong>Invalid</strong> · ${how} · ${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')}`);
  }
  updateSignature();
}

// ---------------------------------------------------------------- signature

const canSign = () => api && typeof api.verifySignature === 'function' && typeof api.signPayload === 'function';
const keysOf = () => el.sigKeys.value.split('\n').map((k) => k.trim()).filter(Boolean);

function setSig(state, html) {
  el.sigStatus.dataset.state = state;
  el.sigStatus.innerHTML = html;
}

function updateSignature() {
  if (!canSign()) return;
  if (el.sigSame.checked) el.sigBody.value = el.input.value;
  const keys = keysOf();
  const header = el.sigHeader.value.trim();
  el.sigSign.disabled = keys.length === 0;
  if (keys.length === 0 || !header) {
    setSig('idle', 'Enter a key and a header value, or sign the body.');
    return;
  }
  try {
    const ok = api.verifySignature(el.sigBody.value, header, keys.length === 1 ? keys[0] : keys);
    if (ok) {
      const which = keys.length > 1 ? keys.findIndex((k) => api.verifySignature(el.sigBody.value, header, k)) : 0;
      setSig('valid', `<strong>Verifies</strong>${keys.length > 1 ? ` with key ${which + 1} of ${keys.length}` : ''}: the body is exactly what was signed.`);
    } else {
      setSig('invalid', '<strong>Does not verify</strong>: a different body, a different key, or a malformed header.');
    }
  } catch (e) {
    setSig('invalid', `<strong>Cannot verify</strong>: ${escapeHtml(e.code ? `${e.code}: ${e.message}` : String(e.message || e))}`);
  }
}

function setUpSignature() {
  if (!canSign()) {
    for (const node of [el.sigBody, el.sigSame, el.sigKeys, el.sigHeader, el.sigSign]) node.disabled = true;
    setSig('unavailable', 'This build of the package has no <code>verifySignature</code> and <code>signPayload</code> yet; rebuild it (<code>bash scripts/build.sh</code>) once they land.');
    return;
  }
  el.sigBody.readOnly = el.sigSame.checked;
  el.sigSame.addEventListener('change', () => {
    el.sigBody.readOnly = el.sigSame.checked;
    updateSignature();
  });
  for (const node of [el.sigBody, el.sigKeys, el.sigHeader]) node.addEventListener('input', updateSignature);
  el.sigSign.addEventListener('click', () => {
    const [key] = keysOf();
    if (!key) return;
    try {
      el.sigHeader.value = api.signPayload(el.sigBody.value, key);
    } catch (e) {
      setSig('invalid', `<strong>Cannot sign</strong>: ${escapeHtml(String(e.message || e))}`);
      return;
    }
    updateSignature();
  });
  updateSignature();
}

// -------------------------------------------------------------------- wiring

function loadSample(id) {
  const builtIn = SAMPLES.find((s) => s.id === id);
  if (builtIn) el.input.value = builtIn.text;
  else if (id.startsWith('event:') && typeof api.sampleEvent === 'function') {
    const body = api.sampleEvent(id.slice(6));
    el.input.value = typeof body === 'string' ? body : JSON.stringify(body, null, 2);
  } else return;
  el.input.scrollTop = 0;
  el.input.scrollLeft = 0;
  validate();
}

function fillPickers() {
  for (const s of SAMPLES) el.sample.add(new Option(s.label, s.id));
  const known = Array.isArray(api.knownEvents) ? api.knownEvents : [];
  if (typeof api.sampleEvent === 'function' && known.length) {
    const group = document.createElement('optgroup');
    group.label = 'Every event (sampleEvent)';
    for (const name of known) group.append(new Option(`Webhook: ${name}`, `event:${name}`));
    el.sample.append(group);
  }
  for (const r of readers) el.reader.add(new Option(r.label, r.name));
}

function updateCaret() {
  const before = el.input.value.slice(0, el.input.selectionStart);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  el.caret.textContent = `Ln ${line}, Col ${column}`;
}

let timer;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(validate, el.input.value.length > 200_000 ? 250 : 60);
}

async function main() {
  try {
    api = await import('../pkg/web/browser.mjs');
  } catch (e) {
    setStatus('failed', `<strong>The package is not built.</strong> Run <code>bash scripts/build.sh</code> at the repository root, then reload. (${escapeHtml(String(e.message || e))})`);
    return;
  }
  readers = discoverReaders(api);
  fillPickers();
  el.buildInfo.textContent = `periskope-events, browser build${canSign() ? ', with signatures' : ''}`;
  el.editor.classList.add('ready');

  el.input.addEventListener('input', () => {
    el.sample.value = '';
    schedule();
  });
  el.input.addEventListener('scroll', syncScroll);
  for (const ev of ['keyup', 'click', 'select', 'input']) el.input.addEventListener(ev, updateCaret);
  el.sample.addEventListener('change', () => el.sample.value && loadSample(el.sample.value));
  el.reader.addEventListener('change', validate);
  el.strict.addEventListener('change', validate);
  el.copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(el.output.dataset.json ?? '');
      el.copy.textContent = 'Copied';
    } catch {
      el.copy.textContent = 'Copy failed';
    }
    setTimeout(() => (el.copy.textContent = 'Copy'), 1200);
  });
  setUpSignature();

  el.sample.value = SAMPLES[0].id;
  loadSample(SAMPLES[0].id);
  document.body.dataset.ready = 'true';

  // Offline: a service worker keeps the page, the package and its .wasm.
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('./sw.js').catch(() => {});
}

main();
