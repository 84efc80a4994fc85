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
// Each is also a Standard JSON Schema v1 (`@standard-schema/spec` 1.1):
// `schema['~standard'].jsonSchema.input({ target })` is the JSON Schema of
// what it accepts, `.output({ target })` of what it returns, for the targets
// 'draft-2020-12' and 'draft-07' (any other throws). They are the files of
// pkg-template/schemas/ (generated from the Rust models by
// tests/json_schema.rs, shipped in the package as schemas/), which
// scripts/build-pkg.mjs writes, without their annotations (`description`,
// `examples`: more than half the size), as one JSON text of `{ defs, roots }`:
// every definition once, and each file's root without its `$defs`, keyed by
// event (and `webhook`); a file is its root plus the definitions it reaches.
// `loadJsonSchemas()` returns that text: the web entries embed it, the Node
// entry reads it from node/json-schemas.json. It is asked for, and parsed, on
// the first call, so loading the package does not pay for it.
//
// Plain script, like api.js: scripts/build-pkg.mjs appends it after api.js
// in every entry and calls createStandardSchemas(createApi(wasm), loadJsonSchemas).
// It only uses the api object, so every rule stays in the core.

/* eslint-disable no-unused-vars */
function createStandardSchemas(api, loadJsonSchemas) {
  'use strict';

  const VENDOR = 'periskope-events';
  const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
  let library = null;

  // The definitions `value` refers to (`#/$defs/<name>`), added to `names`.
  function references(value, names) {
    if (Array.isArray(value)) {
      for (const item of value) references(item, names);
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        const v = value[key];
        if (key === '$ref' && typeof v === 'string') names.push(v.slice('#/$defs/'.length));
        else references(v, names);
      }
    }
  }

  // A fresh copy of `value` (callers may change what they get), in draft-07
  // spelling when `draft07`: `definitions` for `$defs`, and refs to match.
  function copy(value, draft07) {
    if (Array.isArray(value)) return value.map((item) => copy(item, draft07));
    if (value === null || typeof value !== 'object') return value;
    const out = {};
    for (const key of Object.keys(value)) {
      const v = value[key];
      if (!draft07) out[key] = copy(v, false);
      else if (key === '$defs') out.definitions = copy(v, true);
      else if (key === '$ref' && typeof v === 'string') out.$ref = v.replace('#/$defs/', '#/definitions/');
      else if (key === '$schema') out.$schema = DRAFT_07;
      else out[key] = copy(v, true);
    }
    return out;
  }

  // The whole schema file `key` (an event, or `webhook`), `direction`
  // 'input' or 'output', for `options.target`.
  function jsonSchemaOf(key, direction, options) {
    const target = options && options.target;
    if (target !== 'draft-2020-12' && target !== 'draft-07') {
      throw new TypeError(
        'periskope-events: JSON Schema target ' + JSON.stringify(target) + " is not supported; use 'draft-2020-12' or 'draft-07'",
      );
    }
    if (library === null) library = JSON.parse(loadJsonSchemas());
    if (!Object.prototype.hasOwnProperty.call(library.roots, key)) {
      throw new TypeError('periskope-events: no JSON Schema for ' + JSON.stringify(key));
    }
    const root = library.roots[key][direction];
    const names = [];
    references(root, names);
    const defs = {};
    while (names.length) {
      const name = names.pop();
      if (Object.prototype.hasOwnProperty.call(defs, name)) continue;
      defs[name] = library.defs[name];
      references(defs[name], names);
    }
    const sorted = {};
    for (const name of Object.keys(defs).sort()) sorted[name] = defs[name];
    return copy(Object.assign({}, root, { $defs: sorted }), target === 'draft-07');
  }

  // Standard JSON Schema's converter for the file `key`.
  function converter(key) {
    return {
      input: (options) => jsonSchemaOf(key, 'input', options),
      output: (options) => jsonSchemaOf(key, 'output', options),
    };
  }

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

  function standardSchema(safeParse, options, key) {
    const props = {
      version: 1,
      vendor: VENDOR,
        // `libraryOptions` is Standard Schema's slot for options of the
        // library: ours (`{ strict, maxBytes, maxIssues }`) go there.
      validate(value, standardOptions) {
        const own = standardOptions && standardOptions.libraryOptions;
        const result = safeParse(value, own ? Object.assign({}, options, own) : options);
        return result.success ? { value: result.data } : { issues: toIssues(result.error.errors) };
      },
    };
    // The JSON Schemas describe the default reading (not `strict`), so the
    // same whatever the options.
    if (typeof loadJsonSchemas === 'function' && typeof key === 'string') props.jsonSchema = converter(key);
    return {
      '~standard': props,
      /** The same schema with other options, e.g. `{ strict: true }`. */
      withOptions(newOptions) {
        return standardSchema(safeParse, newOptions, key);
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
    schemas[schemaName(event)] = standardSchema((input, options) => api.safeParseEvent(event, input, options), undefined, event);
  }
  schemas.eventSchema = function eventSchema(event, options) {
    if (!api.isKnownEvent(event)) {
      throw new TypeError('unknown event ' + JSON.stringify(event) + '; known events: ' + api.knownEvents.join(', '));
    }
    return standardSchema((input, opts) => api.safeParseEvent(event, input, opts), options, event);
  };
  for (const name of Object.keys(api)) {
    const m = /^safeParse([A-Z]\w*)$/.exec(name);
    if (!m || m[1] === 'Event' || typeof api[name] !== 'function') continue;
    const key = m[1][0].toLowerCase() + m[1].slice(1) + 'Schema';
    // safeParseWebhook -> the file `webhook`.
    if (!(key in schemas)) schemas[key] = standardSchema(api[name], undefined, m[1][0].toLowerCase() + m[1].slice(1));
  }
  return schemas;
}
