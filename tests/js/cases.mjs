// The behaviour cases every host runs: one list, many hosts. Each case gets
// the package's API object and node:assert-style `assert`, and uses no
// Node-only globals, so browser and edge hosts can run it too.
//
// Fixtures are passed in by the host (`fixtures.docsPublished`, ...), since
// not every host can read files.

export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function codes(issues) {
  return issues.map((i) => `${i.path} ${i.code}`);
}

// Text input in every form; the parsed object too when the text is JSON.
function encodeAll(text, { parsed = true } = {}) {
  const bytes = new TextEncoder().encode(text);
  const copy = new Uint8Array(bytes.length + 8);
  copy.set(bytes, 4);
  return {
    string: text,
    bytes,
    arrayBuffer: bytes.slice().buffer,
    dataView: new DataView(copy.buffer, 4, bytes.length),
    ...(parsed ? { object: JSON.parse(text) } : {}),
  };
}

export const cases = [
  {
    name: 'the docs sample as published is invalid_json at line 39, column 1 (string, bytes, ArrayBuffer)',
    run(api, assert, fx) {
      const forms = encodeAll(fx.docsPublished, { parsed: false });
      for (const form of ['string', 'bytes', 'arrayBuffer', 'dataView']) {
        const r = api.validateTicketCreated(forms[form]);
        assert.equal(r.valid, false, form);
        assert.equal(r.errors.length, 1, form);
        assert.equal(r.errors[0].code, 'invalid_json', form);
        assert.equal(r.errors[0].path, '', form);
        assert.equal(r.errors[0].line, 39, form);
        assert.equal(r.errors[0].column, 1, form);
      }
    },
  },
  {
    name: 'the docs sample with its commas fixed is valid with warnings, and invalid with strict',
    run(api, assert, fx) {
      const r = api.validateTicketCreated(fx.docsFixed);
      assert.equal(r.valid, true);
      assert.deepEqual(r.errors, []);
      assert.ok(r.warnings.length >= 10);
      const w = codes(r.warnings);
      assert.ok(w.includes('/ticket/closed_at inconsistent_value'));
      assert.ok(w.includes('/chat/chat_type unknown_enum_value'));
      assert.ok(w.includes('/ticket/org_id placeholder_value'));
      const strict = api.validateTicketCreated(fx.docsFixed, { strict: true });
      assert.equal(strict.valid, false);
      assert.deepEqual(codes(strict.errors), w);
      assert.throws(() => api.parseTicketCreated(fx.docsFixed, { strict: true }), (e) => e.name === 'PayloadError');
    },
  },
  {
    name: 'string, Uint8Array, ArrayBuffer, DataView and object input give the same output',
    run(api, assert, fx) {
      const forms = encodeAll(fx.realistic);
      const results = Object.entries(forms).map(([form, input]) => [form, api.safeParseTicketCreated(input)]);
      for (const [form, r] of results) assert.equal(r.success, true, form);
      const want = JSON.stringify(results[0][1].data);
      for (const [form, r] of results) {
        assert.equal(JSON.stringify(r.data), want, form);
        assert.deepEqual(r.warnings.map((w) => w.code), results[0][1].warnings.map((w) => w.code), form);
      }
    },
  },
  {
    name: 'normalization: labels, timestamps, emails, priority, WhatsApp ids, nulls, unknown fields',
    run(api, assert, fx) {
      const d = api.parseTicketCreated(fx.realistic);
      assert.deepEqual(d.ticket.ticket_labels, ['refund', 'VIP', 'Damaged goods']);
      assert.deepEqual(d.chat.members['918527184400@c.us'].contact_labels, []);
      assert.deepEqual(d.chat.members['919537851844@c.us'].contact_labels, ['customer', 'gold']);
      assert.equal(d.ticket.created_at, new Date('2026-04-26T17:23:13.273+05:30').toISOString());
      assert.equal(d.ticket.due_date, '2025-04-09T18:29:59.000Z');
      assert.equal(d.ticket.first_assigned_at, '2025-01-17T08:44:02.600Z');
      assert.equal(d.ticket.assignee, 'priya.shah@acme.io');
      assert.equal(d.ticket.priority, 3);
      assert.equal(d.ticket.priority_label, 'high');
      assert.deepEqual(d.ticket.ticket_custom_properties, { 'Order id': '5531', Amount: '1499', Express: 'true', Notes: null });
      assert.deepEqual(d.chat.chat_id_parsed, { kind: 'group', number: '120363371308389685', server: 'g.us' });
      assert.deepEqual(d.message.message_id_parsed, {
        from_me: false,
        chat_id: '120363371308389685@g.us',
        id: '3EB01F4653BB9DD05E9859',
        participant: '919537851844@c.us',
      });
      assert.equal(d.message.performed_by, 'api');
      assert.equal(d.attached_messages[0].performed_by, 'support@acme.io');
      assert.equal(d.ticket.closed_at, null);
      assert.ok('closed_message' in d.ticket);
      assert.equal(d.ticket.response_time, 3600);
      assert.deepEqual(d.ticket.hubspot_metadata, { ticket_id: 991, synced: true });
      assert.equal(d.source, 'webhook-v2');
      assert.equal(d.message.body, 'The parcel was crushed \u{1F61E}');
      for (const t of [d.ticket.created_at, d.chat.created_at, d.message.timestamp]) assert.match(t, ISO);
    },
  },
  {
    name: 'every timestamp format becomes exactly what Date.prototype.toISOString prints',
    run(api, assert) {
      const samples = [
        '2024-05-13T17:27:15+00:00', '2024-05-13 17:27:15+00', '2025-01-11T11:52:27.231+00:00', '2025-01-26T13:46:55.758677+00:00',
        '2025-01-17T08:44:02.6+00:00', '2026-04-26 17:23:13.273371+05:30', '2024-01-01T01:00:00+05:30', '2024-02-29T23:59:59.999-08:00',
        '1999-12-31T23:59:59Z', '2024-05-13T17:27:15.1+01', '2030-06-30 00:00:00.000001-03:30',
      ];
      for (const ts of samples) {
        const body = { ticket: { org_id: '2997dd64-89bf-48d3-9a22-b314fca017e5', ticket_id: 'T', subject: 's', created_at: ts } };
        const jsReadable = ts.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1').replace(/([+-]\d{2})$/, '$1:00');
        assert.equal(api.parseTicketCreated(body).ticket.created_at, new Date(jsReadable).toISOString(), ts);
      }
    },
  },
  {
    name: 'parseTicketCreated throws a PayloadError listing every issue; safeParse does not throw',
    run(api, assert) {
      const bad = { ticket: { priority: 9, created_at: 'soon', is_deleted: 'no' }, chat: 1 };
      let caught;
      try {
        api.parseTicketCreated(bad);
      } catch (e) {
        caught = e;
      }
      assert.ok(caught instanceof Error);
      assert.ok(caught instanceof api.PayloadError);
      assert.equal(caught.name, 'PayloadError');
      const got = codes(caught.issues);
      for (const want of ['/ticket/priority out_of_range', '/ticket/created_at invalid_timestamp', '/ticket/is_deleted invalid_type',
        '/ticket/ticket_id missing_field', '/chat invalid_type']) assert.ok(got.includes(want), want);
      assert.match(caught.message, /\[out_of_range\]|\[missing_field\]|\[invalid_timestamp\]|\[invalid_type\]/);
      for (const issue of caught.issues) {
        assert.deepEqual(Object.keys(issue).sort(), ['code', 'message', 'path', 'segments', 'severity']);
        // The steps spell the pointer; indices are numbers.
        const pointer = issue.segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
        assert.equal(pointer, issue.path);
      }
      const safe = api.safeParseTicketCreated(bad);
      assert.equal(safe.success, false);
      assert.equal(safe.error.name, 'PayloadError');
    },
  },
  {
    name: 'a custom property named __proto__ is an own data property and no prototype changes',
    run(api, assert, fx) {
      const before = Object.getOwnPropertyNames(Object.prototype).join();
      const d = api.parseTicketCreated(fx.prototypeKeys);
      const props = d.ticket.ticket_custom_properties;
      assert.ok(Object.prototype.hasOwnProperty.call(props, '__proto__'));
      assert.equal(Object.getOwnPropertyDescriptor(props, '__proto__').value, 'polluted?');
      assert.equal(Object.getPrototypeOf(props), Object.prototype);
      assert.equal({}.isAdmin, undefined);
      assert.equal(Object.prototype.isAdmin, undefined);
      assert.ok(Object.prototype.hasOwnProperty.call(d.ticket, '__proto__'));
      // Object.prototype has exactly the properties it had.
      assert.equal(Object.getOwnPropertyNames(Object.prototype).join(), before);
    },
  },
  {
    name: 'a duplicate key in text input is an error; the object form cannot have one',
    run(api, assert) {
      const text = '{"ticket":{"org_id":"2997dd64-89bf-48d3-9a22-b314fca017e5","ticket_id":"T","subject":"s","created_at":"2025-01-11T11:52:27Z","priority":1,"priority":4}}';
      const r = api.validateTicketCreated(text);
      assert.equal(r.valid, false);
      assert.deepEqual(codes(r.errors), ['/ticket/priority duplicate_key']);
      assert.equal(r.errors[0].line, 1);
      assert.equal(api.validateTicketCreated(JSON.parse(text)).valid, true);
    },
  },
  {
    name: 'maxBytes holds for strings, bytes and objects; options are checked',
    run(api, assert, fx) {
      for (const input of [fx.realistic, new TextEncoder().encode(fx.realistic), JSON.parse(fx.realistic)]) {
        const r = api.validateTicketCreated(input, { maxBytes: 100 });
        assert.deepEqual(codes(r.errors), [' too_large']);
      }
      assert.equal(api.validateTicketCreated(fx.realistic, { maxBytes: 1 << 20 }).valid, true);
      assert.throws(() => api.validateTicketCreated('{}', { maxbytes: 10 }), TypeError);
      assert.throws(() => api.validateTicketCreated('{}', { maxBytes: -1 }), TypeError);
      assert.throws(() => api.validateTicketCreated('{}', { strict: 'yes' }), TypeError);
      assert.throws(() => api.validateTicketCreated('{}', 5), TypeError);
    },
  },
  {
    name: 'issues of object input carry no line or column; of text input they do',
    run(api, assert) {
      const bad = { ticket: { priority: 'x' } };
      for (const issue of api.validateTicketCreated(bad).errors) {
        assert.equal('line' in issue, false);
      }
      for (const issue of api.validateTicketCreated(JSON.stringify(bad, null, 2)).errors) {
        assert.equal(typeof issue.line, 'number');
        assert.equal(typeof issue.column, 'number');
      }
    },
  },
  {
    name: 'inputs that are not JSON-able get invalid_input; scalars get invalid_type',
    run(api, assert) {
      const cyclic = { ticket: {} };
      cyclic.ticket.self = cyclic;
      const throwing = { get ticket() { throw new Error('secret-value'); } };
      const notJson = [
        [undefined, ''], [() => 1, ''], [Symbol('s'), ''], [10n, ''], [cyclic, '/ticket/self'], [{ ticket: { big: 1n } }, '/ticket/big'],
        [throwing, ''], [{ ticket: { meta: new Map([['a', 1]]) } }, '/ticket/meta'], [{ ticket: { n: NaN } }, '/ticket/n'],
        [{ list: [1, undefined] }, '/list/1'], [{ [Symbol('k')]: 1 }, ''], [{ ticket: new (class Ticket {})() }, '/ticket'],
      ];
      for (const [input, path] of notJson) {
        const r = api.validateTicketCreated(input);
        assert.deepEqual(codes(r.errors), [`${path} invalid_input`], String(path));
        assert.ok(!r.errors[0].message.includes('secret-value'));
      }
      // Absent is absent: an undefined property is simply not there, and a
      // Date (which has toJSON) is its ISO string.
      const dated = { ticket: { org_id: '2997dd64-89bf-48d3-9a22-b314fca017e5', ticket_id: 'T', subject: 's',
        created_at: new Date(Date.UTC(2025, 0, 2)), due_date: undefined } };
      assert.equal(api.parseTicketCreated(dated).ticket.created_at, '2025-01-02T00:00:00.000Z');
      for (const input of [null, 42, true, [], 'null', '"text"']) {
        assert.deepEqual(codes(api.validateTicketCreated(input).errors), [' invalid_type'], String(input));
      }
      assert.deepEqual(codes(api.validateTicketCreated('').errors), [' invalid_json']);
      assert.deepEqual(codes(api.validateTicketCreated(new Uint8Array([0x7b, 0xff, 0x7d])).errors), [' invalid_encoding']);
    },
  },
  {
    name: 'hostile nesting gets too_deep and the module keeps answering correctly',
    run(api, assert, fx) {
      const deep = '['.repeat(100000) + ']'.repeat(100000);
      assert.deepEqual(codes(api.validateTicketCreated(deep).errors), [' too_deep']);
      assert.equal(api.validateTicketCreated(fx.realistic).valid, true);
    },
  },
  {
    name: 'parseWebhook: a ticket.created envelope, an unknown event, the event_type alias',
    run(api, assert, fx) {
      const envelope = {
        event: 'ticket.created',
        org_id: '2997dd64-89bf-48d3-9a22-b314fca017e5',
        timestamp: '2025-01-11 11:52:27+00',
        data: JSON.parse(fx.realistic),
      };
      const w = api.parseWebhook(JSON.stringify(envelope));
      assert.equal(w.event, 'ticket.created');
      assert.equal(w.known, true);
      assert.equal(w.timestamp, '2025-01-11T11:52:27.000Z');
      assert.equal(w.data.ticket.priority_label, 'high');
      assert.equal(w.previous_attributes, null);
      // The ticket functions read the envelope's data too.
      assert.deepEqual(api.parseTicketCreated(envelope), w.data);

      const unknown = { ...envelope, event: 'invoice.paid', data: { amount: 5, nested: { keep: [1, 2] } } };
      const r = api.safeParseWebhook(unknown);
      assert.equal(r.success, true);
      assert.equal(r.data.known, false);
      assert.deepEqual(r.data.data, unknown.data);
      assert.deepEqual(codes(r.warnings), ['/event unknown_event']);

      const { event, ...rest } = envelope;
      const alias = api.safeParseWebhook({ event_type: event, ...rest });
      assert.equal(alias.success, true);
      assert.equal(alias.data.event, 'ticket.created');
      assert.ok(codes(alias.warnings).includes('/event_type coerced_value'));

      const missing = api.validateWebhook({ data: {} });
      assert.deepEqual(codes(missing.errors).sort(), ['/event missing_field', '/org_id missing_field', '/timestamp missing_field']);
      assert.equal(api.validateTicketCreated({ ...envelope, event: 'ticket.updated' }).errors[0].code, 'wrong_event');
    },
  },
];
