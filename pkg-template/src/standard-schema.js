// Standard Schema v1 (https://standardschema.dev) over the API, so that
// frameworks accepting zod or valibot schemas accept ours unchanged (Hono's
// validator, tRPC, TanStack Form, ...):
//
//   <event>Schema        one per known event (ticketCreatedSchema,
//                        messageCreatedSchema, chatCustomPropertiesUpdatedSchema...),
//                        from safeParseEvent(name, input, options)
//   <thing>Schema        one per safeParse<Thing>(input, options) function
//                        (webhookSchema from safeParseWebhook, ...)
//   eventSchema(name)    the schema of any known event, by name
//
// Plain script, like api.js: scripts/build-pkg.mjs appends it after api.js
// in every entry and calls createStandardSchemas(createApi(wasm)). It only
// uses the api object, so every rule stays in the core.

/* eslint-disable no-unused-vars */
function createStandardSchemas(api) {
  'use strict';

  const VENDOR = 'periskope-events';

  // Each issue carries its path as steps (`["attached_messages", 1,
  // "timestamp"]`, numbers for array indices), as the core found it.
  function toIssues(errors) {
    return errors.map((e) => {
      const issue = { message: e.message, path: e.segments.slice(), code: e.code, pointer: e.path };
      if (e.line !== undefined) {
        issue.line = e.line;
        issue.column = e.column;
      }
      return issue;
    });
  }

  function standardSchema(safeParse, options) {
    return {
      '~standard': {
        version: 1,
        vendor: VENDOR,
        // `libraryOptions` is Standard Schema's slot for options of the
        // library: ours (`{ strict, maxBytes, maxIssues }`) go there.
        validate(value, standardOptions) {
          const own = standardOptions && standardOptions.libraryOptions;
          const result = safeParse(value, own ? Object.assign({}, options, own) : options);
          return result.success ? { value: result.data } : { issues: toIssues(result.error.errors) };
        },
      },
      /** The same schema with other options, e.g. `{ strict: true }`. */
      withOptions(newOptions) {
        return standardSchema(safeParse, newOptions);
      },
    };
  }

  // 'chat.custom_properties.updated' -> 'chatCustomPropertiesUpdatedSchema'
  function schemaName(event) {
    const words = event.split(/[._]/).filter(Boolean);
    return words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('') + 'Schema';
  }

  const schemas = {};
  for (const event of api.knownEvents) {
    schemas[schemaName(event)] = standardSchema((input, options) => api.safeParseEvent(event, input, options), undefined);
  }
  schemas.eventSchema = function eventSchema(event, options) {
    if (!api.isKnownEvent(event)) {
      throw new TypeError('unknown event ' + JSON.stringify(event) + '; known events: ' + api.knownEvents.join(', '));
    }
    return standardSchema((input, opts) => api.safeParseEvent(event, input, opts), options);
  };
  for (const name of Object.keys(api)) {
    const m = /^safeParse([A-Z]\w*)$/.exec(name);
    if (!m || m[1] === 'Event' || typeof api[name] !== 'function') continue;
    const key = m[1][0].toLowerCase() + m[1].slice(1) + 'Schema';
    if (!(key in schemas)) schemas[key] = standardSchema(api[name], undefined);
  }
  return schemas;
}
