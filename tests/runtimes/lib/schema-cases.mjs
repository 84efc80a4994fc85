// Standard Schema v1 cases, run by every host next to tests/js/cases.mjs:
// the `~standard` object of each event validator, its results and issue
// paths. Same shape as those cases: `run(api, assert, fixtures)`.

const ORG = '2997dd64-89bf-48d3-9a22-b314fca017e5';
const ticket = { org_id: ORG, ticket_id: 'T-1', subject: 'Help', created_at: '2024-05-24T08:30:00Z' };

export const schemaCases = [
  {
    name: 'standard schema: a ~standard object (version 1, our vendor) per safeParse function and per known event',
    run(api, assert) {
      const check = (schema, name) => {
        const std = schema && schema['~standard'];
        assert.ok(std, name);
        assert.equal(std.version, 1, name);
        assert.equal(std.vendor, 'periskope-events', name);
        assert.equal(typeof std.validate, 'function', name);
        assert.equal(typeof schema.withOptions, 'function', name);
      };
      const parsers = Object.keys(api).filter((k) => /^safeParse[A-Z]/.test(k) && k !== 'safeParseEvent');
      assert.ok(parsers.includes('safeParseTicketCreated') && parsers.includes('safeParseWebhook'));
      for (const p of parsers) check(api[p[9].toLowerCase() + p.slice(10) + 'Schema'], p);
      if (Array.isArray(api.knownEvents)) {
        for (const event of api.knownEvents) {
          const name = event.split(/[._]/).map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('') + 'Schema';
          check(api[name], `${event}: ${name}`);
          check(api.eventSchema(event), `eventSchema(${event})`);
        }
        assert.throws(() => api.eventSchema('no.such.event'), TypeError);
      }
    },
  },
  {
    name: 'standard schema: each known event\'s schema reads that event\'s sample payload',
    run(api, assert) {
      if (!Array.isArray(api.knownEvents) || typeof api.sampleEvent !== 'function') return; // not in this build yet
      for (const event of api.knownEvents) {
        const { data } = api.sampleEvent(event);
        const result = api.eventSchema(event)['~standard'].validate(data);
        assert.equal(result.issues, undefined, `${event}: ${JSON.stringify(result.issues)}`);
        assert.deepEqual(result.value, api.parseEvent(event, data), event);
      }
    },
  },
  {
    name: 'standard schema: a valid payload gives { value } equal to the parse output, without issues',
    run(api, assert, fx) {
      const result = api.ticketCreatedSchema['~standard'].validate(JSON.parse(fx.realistic));
      assert.ok(!(result instanceof Promise), 'validate is synchronous');
      assert.equal(result.issues, undefined);
      assert.deepEqual(result.value, api.parseTicketCreated(fx.realistic));
      assert.equal(result.value.ticket.priority_label, 'high');
    },
  },
  {
    name: 'standard schema: issues have messages and paths of keys, numbers only for array indices',
    run(api, assert) {
      const input = {
        ticket: { ...ticket, ticket_custom_properties: { 7: { x: 1 }, 'a/b~c': [1] } },
        attached_messages: [{ chat_id: '1@c.us', message_id: 'm' }, {}],
      };
      const { issues, value } = api.ticketCreatedSchema['~standard'].validate(input);
      assert.equal(value, undefined);
      const paths = issues.map((i) => i.path);
      assert.deepEqual(paths[0], ['ticket', 'ticket_custom_properties', '7']);
      assert.deepEqual(paths[1], ['ticket', 'ticket_custom_properties', 'a/b~c']);
      // A missing field's path is the field's own.
      assert.deepEqual(paths[2], ['attached_messages', 1, 'chat_id']);
      for (const issue of issues) {
        assert.equal(typeof issue.message, 'string');
        assert.ok(issue.message.length > 0);
        assert.equal(typeof issue.code, 'string');
      }
      assert.deepEqual(issues.map((i) => i.pointer).slice(0, 3), ['/ticket/ticket_custom_properties/7', '/ticket/ticket_custom_properties/a~1b~0c', '/attached_messages/1/chat_id']);
      const root = api.ticketCreatedSchema['~standard'].validate(42).issues;
      assert.deepEqual(root.map((i) => [i.path, i.code]), [[[], 'invalid_type']]);
    },
  },
  {
    name: 'standard schema: text input is read too, with lines and columns and typed paths',
    run(api, assert) {
      const text = '{"ticket":' + JSON.stringify(ticket) + ',\n"attached_messages":[{}]}';
      const { issues } = api.ticketCreatedSchema['~standard'].validate(text);
      // The field's path, the object's line and column.
      assert.deepEqual(issues[0].path, ['attached_messages', 0, 'chat_id']);
      assert.equal(issues[0].line, 2);
      assert.equal(issues[0].column, 22);
      const bytes = new TextEncoder().encode(text);
      assert.deepEqual(api.ticketCreatedSchema['~standard'].validate(bytes).issues[0].path, ['attached_messages', 0, 'chat_id']);
      assert.deepEqual(api.ticketCreatedSchema['~standard'].validate('{"ticket":').issues.map((i) => [i.path, i.code]), [[[], 'invalid_json']]);
    },
  },
  {
    name: 'standard schema: warnings pass; strict through libraryOptions or withOptions makes them issues',
    run(api, assert) {
      const input = { ticket: { ...ticket, assignee: 'Not An Email' } };
      const schema = api.ticketCreatedSchema;
      assert.equal(schema['~standard'].validate(input).issues, undefined);
      const strict = schema['~standard'].validate(input, { libraryOptions: { strict: true } });
      assert.deepEqual(strict.issues.map((i) => [i.path, i.code]), [[['ticket', 'assignee'], 'invalid_email']]);
      const strictSchema = schema.withOptions({ strict: true });
      assert.equal(strictSchema['~standard'].vendor, 'periskope-events');
      assert.deepEqual(strictSchema['~standard'].validate(input).issues.length, 1);
      assert.equal(schema['~standard'].validate(input).issues, undefined, 'the original schema is unchanged');
    },
  },
  {
    name: 'standard schema: webhookSchema reads envelopes, unknown events pass through',
    run(api, assert, fx) {
      const std = api.webhookSchema['~standard'];
      const known = std.validate({ event: 'ticket.created', org_id: ORG, timestamp: '2025-01-11 11:52:27+00', data: JSON.parse(fx.realistic) });
      assert.equal(known.value.known, true);
      assert.equal(known.value.timestamp, '2025-01-11T11:52:27.000Z');
      const unknown = std.validate({ event: 'invoice.paid', org_id: ORG, timestamp: '2025-01-11T11:52:27Z', data: { a: [1] } });
      assert.equal(unknown.value.known, false);
      assert.deepEqual(unknown.value.data, { a: [1] });
      const missing = std.validate({ data: {} });
      // A missing field's path is the field's own, as zod's and valibot's are.
      assert.deepEqual(missing.issues.map((i) => i.path), [['event'], ['org_id'], ['timestamp']]);
      const ticket = api.ticketCreatedSchema['~standard'].validate({ ticket: { subject: 'S' } });
      assert.ok(ticket.issues.some((i) => i.code === 'missing_field' && i.path.join('/') === 'ticket/ticket_id'), JSON.stringify(ticket.issues));
    },
  },
];
