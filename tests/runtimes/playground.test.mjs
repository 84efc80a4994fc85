// The www-example/ playground in headless Chromium (playwright-core): served
// on 127.0.0.1 by www-example/serve.mjs, a valid and an invalid payload
// pasted, what the page shows checked (status, errors and warnings apart,
// the offending part marked in the input, the normalized output, the
// signature panel), offline after the first load; screenshots in
// test-output/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from '../../www-example/serve.mjs';
import { launchChromium, repo } from './lib/harness.mjs';

const shots = path.join(repo, 'test-output');
const realistic = fs.readFileSync(path.join(repo, 'tests', 'fixtures', 'ticket.created', 'valid', 'realistic.json'), 'utf8');
const docsPublished = fs.readFileSync(path.join(repo, 'tests', 'fixtures', 'ticket.created', 'invalid', 'docs-sample-as-published.json'), 'utf8');
const INVALID = `{
  "ticket": {
    "org_id": "2997dd64-89bf-48d3-9a22-b314fca017e5",
    "ticket_id": "T-1",
    "subject": "Refund",
    "priority": 9,
    "created_at": "soon",
    "assignee": "Not An Email"
  }
}`;

let server;
let browser;
let context;
let page;
const problems = [];

before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  server = await startServer({ root: repo });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  await page.goto(`${server.url}www-example/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Pastes text into the payload box and waits for the page to show the result. */
async function paste(text) {
  await page.locator('#input').fill(text);
  await page.waitForFunction((t) => document.getElementById('input').value === t && ['valid', 'invalid'].includes(document.getElementById('status').dataset.state), text);
  await page.waitForTimeout(150); // the validation is debounced
}

const state = () => page.locator('#status').getAttribute('data-state');
const issues = (list) =>
  page.$$eval(`#${list} .issue`, (items) =>
    items.map((li) => ({
      index: Number(li.dataset.index),
      path: li.querySelector('.path').textContent,
      code: li.querySelector('.code').textContent,
      loc: li.querySelector('.loc')?.textContent ?? null,
    })),
  );
const marked = (index) => page.$$eval(`#highlight [data-m~="${index}"]`, (nodes) => nodes.map((n) => n.textContent).join(''));

test('the coloured copy behind the textarea has exactly its metrics', async () => {
  const metrics = await page.evaluate(() => {
    const font = (node) => {
      const s = getComputedStyle(node);
      return [s.fontFamily, s.fontSize, s.lineHeight, s.letterSpacing, s.whiteSpace, s.tabSize];
    };
    const box = (node) => {
      const s = getComputedStyle(node);
      const r = node.getBoundingClientRect();
      return [s.paddingTop, s.paddingLeft, s.borderTopWidth, s.borderLeftWidth, r.left, r.top, r.width, r.height];
    };
    const input = document.getElementById('input');
    return {
      textarea: [...font(input), ...box(input)],
      backdrop: [...font(document.getElementById('highlight')), ...box(document.getElementById('backdrop'))],
    };
  });
  assert.deepEqual(metrics.backdrop, metrics.textarea);
});

test('a valid payload: Valid, no errors, warnings listed apart, the normalized output beside it', async () => {
  await paste(realistic);
  assert.equal(await state(), 'valid');
  assert.match(await page.locator('#status').textContent(), /Valid.*ticket\.created payload/);
  assert.deepEqual(await issues('errors'), []);
  assert.equal(await page.locator('#errors .none').textContent(), 'No errors.');
  const warnings = await issues('warnings');
  assert.ok(warnings.some((w) => w.path === '/ticket/ticket_custom_properties/Amount' && w.code === 'coerced_value'), JSON.stringify(warnings));
  assert.equal(await page.locator('#warning-count').textContent(), String(warnings.length));
  // The warning's part of the input is marked: the number 1499.
  const amount = warnings.find((w) => w.path === '/ticket/ticket_custom_properties/Amount');
  assert.equal(await marked(amount.index), '1499');
  const output = await page.locator('#output').textContent();
  const data = JSON.parse(output);
  assert.equal(data.ticket.priority_label, 'high');
  assert.deepEqual(data.ticket.ticket_labels, ['refund', 'VIP', 'Damaged goods']);
  assert.equal(data.ticket.assignee, 'priya.shah@acme.io');
  await page.$eval('#input', (t) => {
    t.setSelectionRange(0, 0);
    t.scrollTop = 0;
    t.dispatchEvent(new Event('scroll'));
  });
  await page.screenshot({ path: path.join(shots, 'playground-valid.png'), fullPage: true });
});

test('an invalid payload: Invalid, each error with its path, code and position, its value marked in the input', async () => {
  await paste(INVALID);
  assert.equal(await state(), 'invalid');
  assert.match(await page.locator('#status').textContent(), /Invalid.*2 errors, 1 warning/);
  const errors = await issues('errors');
  assert.deepEqual(
    errors.map(({ path: p, code, loc }) => [p, code, loc]),
    [
      ['/ticket/priority', 'out_of_range', 'Ln 6, Col 17'],
      ['/ticket/created_at', 'invalid_timestamp', 'Ln 7, Col 19'],
    ],
  );
  assert.equal(await marked(errors[0].index), '9');
  assert.equal(await marked(errors[1].index), '"soon"');
  assert.equal(await page.locator(`#highlight [data-m~="${errors[0].index}"]`).first().getAttribute('class'), 't-num m-error');
  const warnings = await issues('warnings');
  assert.deepEqual(warnings.map((w) => [w.path, w.code]), [['/ticket/assignee', 'invalid_email']]);
  assert.equal(await marked(warnings[0].index), '"Not An Email"');
  assert.match(await page.locator('#output').textContent(), /No output/);
  // Clicking an error selects its part of the input.
  await page.locator('#errors .issue').nth(1).click();
  assert.equal(await page.$eval('#input', (t) => t.value.slice(t.selectionStart, t.selectionEnd)), '"soon"');
  await page.locator('#errors .issue').first().hover();
  await page.screenshot({ path: path.join(shots, 'playground-invalid.png'), fullPage: true });
});

test('invalid JSON: the position the parser stopped at, marked', async () => {
  await paste(docsPublished);
  assert.equal(await state(), 'invalid');
  const errors = await issues('errors');
  assert.deepEqual(errors.map(({ path: p, code, loc }) => [p, code, loc]), [['(root)', 'invalid_json', 'Ln 39, Col 1']]);
  assert.equal(await marked(errors[0].index), '"custom_properties"');
});

test('strict makes warnings errors; the samples load', async () => {
  await page.locator('#sample').selectOption('many-errors');
  await page.waitForFunction(() => document.getElementById('status').dataset.state === 'invalid');
  assert.ok((await issues('errors')).length >= 5);
  await page.locator('#sample').selectOption('sdk-ticket');
  await page.waitForFunction(() => document.getElementById('status').dataset.state === 'valid');
  await page.locator('#strict').check();
  await page.waitForFunction(() => document.getElementById('status').dataset.state === 'invalid');
  assert.deepEqual(await issues('warnings'), []);
  await page.locator('#strict').uncheck();
  await page.waitForFunction(() => document.getElementById('status').dataset.state === 'valid');
});

test('the signature panel: signs the body and says whether the header verifies', async () => {
  const sigState = () => page.locator('#sig-status').getAttribute('data-state');
  if ((await sigState()) === 'unavailable') {
    // This build has no verifySignature/signPayload yet: the panel says so.
    assert.match(await page.locator('#sig-status').textContent(), /verifySignature/);
    assert.equal(await page.locator('#sig-sign').isDisabled(), true);
    return;
  }
  await paste(realistic);
  await page.locator('#sig-keys').fill('whsec_playground_key');
  await page.locator('#sig-sign').click();
  assert.match(await page.locator('#sig-header').inputValue(), /[0-9a-f]{64}/);
  assert.equal(await sigState(), 'valid');
  assert.match(await page.locator('#sig-status').textContent(), /Verifies/);
  await page.locator('#sig-keys').fill('whsec_other_key\nwhsec_playground_key');
  assert.match(await page.locator('#sig-status').textContent(), /Verifies with key 2 of 2/);
  await page.screenshot({ path: path.join(shots, 'playground-signature.png'), fullPage: true });
  await page.locator('#sig-keys').fill('whsec_wrong_key');
  assert.equal(await sigState(), 'invalid');
  await paste(INVALID);
  await page.locator('#sig-keys').fill('whsec_playground_key');
  assert.equal(await sigState(), 'invalid', 'a changed body does not verify');
});

test('every event the package knows can be picked as a sample and reads as valid', async () => {
  const events = await page.$$eval('#sample option', (options) => options.map((o) => o.value).filter((v) => v.startsWith('event:')));
  if (events.length === 0) return; // a build without sampleEvent
  for (const value of events) {
    await page.locator('#sample').selectOption(value);
    await page.waitForFunction((v) => document.getElementById('input').value.includes(`"${v.slice(6)}"`), value);
    await page.waitForTimeout(120);
    assert.equal(await state(), 'valid', `${value}: ${await page.locator('#status').textContent()}`);
    assert.match(await page.locator('#status').textContent(), /webhook body/);
  }
});

test('offline once loaded: the service worker serves the page, the package and the .wasm', async () => {
  for (let i = 0; i < 100 && !(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))); i++) await page.waitForTimeout(100);
  assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'no service worker took control');
  await context.setOffline(true);
  try {
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await paste(INVALID);
    assert.equal(await state(), 'invalid');
    assert.equal((await issues('errors')).length, 2);
  } finally {
    await context.setOffline(false);
  }
});

test('no page errors', () => {
  assert.deepEqual(problems, []);
});
