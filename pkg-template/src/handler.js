// The webhook receivers, over the API:
//
//   createWebhookHandler(options)   (request: Request) => Promise<Response>,
//                                   for the Fetch API (Workers, Deno, Vercel
//                                   Edge, Next.js route handlers, Hono's
//                                   c.req.raw, Bun)
//   createNodeMiddleware(options)   (req, res, next?) for Node's http,
//                                   Express and Fastify (a raw route)
//
// Plain script, like api.js: scripts/build-pkg.mjs appends it after api.js
// and standard-schema.js in every entry and calls createHandlers(api,
// internal), `internal` being the pieces of verifyRequest that createApi
// shares (the Content-Length check, the running count of the body, the
// option and key checks, and `named`, which names the functions it returns
// in spite of minification). This file only wires HTTP to them and to
// constructEvent: every rule on the body, its size, the signature and the
// payload stays in api.js and the core. It runs in every runtime, so it
// uses no Node module: the middleware reads the request through its events.

/* eslint-disable no-unused-vars */
function createHandlers(api, internal) {
  'use strict';

  const PARSE_OPTIONS = ['strict', 'maxBytes', 'maxIssues', 'tolerance'];
  const OPTION_NAMES = ['keys', 'on', 'onUnknown', 'onError', 'isDuplicate'].concat(PARSE_OPTIONS);
  const JSON_TYPE = 'application/json; charset=utf-8';

  // --- Options, checked when the handler is created ----------------------

  function configure(options, who) {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new TypeError(who + " takes an options object, such as { keys: signingKey, on: { 'ticket.created': (data) => {} } }");
    }
    for (const name of Object.keys(options)) {
      if (OPTION_NAMES.includes(name)) continue;
      const why =
        name === 'unknownEvents'
          ? ' (unknown events are always acknowledged with 200 and go to onUnknown)'
          : name === 'now'
            ? ' (the handlers compare with the current time)'
            : '';
      throw new TypeError(who + ': unknown option ' + JSON.stringify(name) + why + ' (known: ' + OPTION_NAMES.join(', ') + ')');
    }
    // The parse and verification options as constructEvent reads them, with
    // unknown events passed through silently: never refused, even in strict
    // mode (an `unknown_event` warning would be an error there).
    const verifyOptions = { unknownEvents: 'ignore' };
    for (const name of PARSE_OPTIONS) if (options[name] !== undefined) verifyOptions[name] = options[name];
    const { maxBytes } = internal.verifyOptions(verifyOptions);

    // A missing or refused key is a mistake in the configuration: said now,
    // rather than as a 401 on every delivery.
    try {
      internal.checkKeys(options.keys);
    } catch (e) {
      if (!(e instanceof api.WebhookVerificationError)) throw e;
      const error = new TypeError(who + ': option keys: ' + e.message + ' [' + e.code + ']');
      error.code = e.code;
      error.cause = e;
      throw error;
    }

    const handlers = new Map();
    const on = options.on === undefined ? {} : options.on;
    if (on === null || typeof on !== 'object' || Array.isArray(on)) {
      throw new TypeError(who + ": option on must be an object from event names to handlers, such as { 'ticket.created': (data, event) => {} }");
    }
    for (const name of Object.keys(on)) {
      if (!api.isKnownEvent(name)) {
        throw new TypeError(who + ': on: unknown event ' + JSON.stringify(name) + '; known events: ' + api.knownEvents.join(', '));
      }
      if (typeof on[name] !== 'function') throw new TypeError(who + ': on[' + JSON.stringify(name) + '] must be a function');
      handlers.set(name, on[name]);
    }
    for (const name of ['onUnknown', 'onError', 'isDuplicate']) {
      if (options[name] !== undefined && typeof options[name] !== 'function') throw new TypeError(who + ': option ' + name + ' must be a function');
    }
    return {
      keys: options.keys,
      handlers,
      onUnknown: options.onUnknown,
      onError: options.onError,
      isDuplicate: options.isDuplicate,
      verifyOptions,
      maxBytes,
    };
  }

  // --- Outcomes, the same for both transports ----------------------------

  // `{ status, body, headers }`: what to answer. Every answer that is not a
  // 2xx is reported to onError first (with the error and a context naming
  // the status and why), awaited, so that logging finishes in runtimes that
  // end the work when the response is sent.
  function answer(status, body, headers) {
    return { status, body, headers: headers || {} };
  }

  const RECEIVED = { received: true };

  async function refuse(config, status, code, error, body, headers, event) {
    await report(config, error, { status, code, event: event || null });
    return answer(status, body, headers);
  }

  async function report(config, error, context) {
    if (config.onError === undefined) {
      // Refusals are what any public endpoint receives; a failure is ours.
      if (context.status >= 500) console.error('periskope-events: webhook answered ' + context.status + ' (' + context.code + ')', error);
      return;
    }
    try {
      await config.onError(error, context);
    } catch (e) {
      console.error('periskope-events: onError threw', e);
    }
  }

  // Paths and codes, no values and no messages: the sender needs no more to
  // see what was refused. (Paths can hold payload keys; the 400 goes only to
  // a sender whose signature verified.)
  const issuesOf = (error) => error.issues.map((i) => ({ path: i.path, code: i.code, severity: i.severity }));

  function methodNotAllowed(config, method, headers) {
    const error = new Error('method ' + method + ' is not allowed: Periskope delivers webhooks with POST');
    return refuse(config, 405, 'method_not_allowed', error, { code: 'method_not_allowed' }, Object.assign({ allow: 'POST' }, headers));
  }

  function tooLarge(config, error, headers) {
    return refuse(config, 413, 'too_large', error, { issues: issuesOf(error) }, headers);
  }

  function unreadable(config, error) {
    return refuse(config, 400, 'body_unreadable', error, { code: 'body_unreadable' });
  }

  function bodyWasParsed(config, message) {
    const error = new api.WebhookVerificationError('body_was_parsed', message);
    return refuse(config, 500, 'body_was_parsed', error, { code: 'body_was_parsed' });
  }

  function internalError(config, error) {
    return refuse(config, 500, 'internal_error', error, { code: 'internal_error' });
  }

  // The body's bytes, read within maxBytes: verified and read in one call,
  // then deduplicated and handed to its handler.
  async function deliver(config, body, headers) {
    let event;
    try {
      event = api.constructEvent(body, headers, config.keys, config.verifyOptions);
    } catch (e) {
      if (e instanceof api.WebhookVerificationError) return refuse(config, 401, e.code, e, { code: e.code });
      // The body is within maxBytes here: a too_large from the core is its
      // memory budget, a payload problem (400), not the body's size.
      if (e instanceof api.PayloadError) return refuse(config, 400, 'invalid_payload', e, { issues: issuesOf(e) });
      throw e;
    }
    try {
      if (config.isDuplicate !== undefined && (await config.isDuplicate(event.dedup_key, event))) {
        return answer(200, { received: true, duplicate: true });
      }
      if (event.known) {
        const handler = config.handlers.get(event.event);
        if (handler !== undefined) await handler(event.data, event);
      } else if (config.onUnknown !== undefined) {
        await config.onUnknown(event);
      }
    } catch (e) {
      // 500, so that Periskope delivers it again.
      return refuse(config, 500, 'handler_failed', e, { code: 'handler_failed' }, undefined, event);
    }
    return answer(200, RECEIVED);
  }

  // --- The Fetch API -----------------------------------------------------

  function createWebhookHandler(options) {
    const config = configure(options, 'createWebhookHandler');
    return internal.named('periskopeWebhookHandler', async function (request) {
      if (!request || typeof request.method !== 'string' || !request.headers || typeof request.arrayBuffer !== 'function') {
        throw new TypeError('the webhook handler takes a Fetch API Request');
      }
      let outcome;
      try {
        outcome = await handleRequest(config, request);
      } catch (e) {
        outcome = await internalError(config, e);
      }
      const headers = Object.assign({ 'content-type': JSON_TYPE }, outcome.headers);
      return new Response(JSON.stringify(outcome.body), { status: outcome.status, headers });
    });
  }

  async function handleRequest(config, request) {
    if (request.method !== 'POST') return methodNotAllowed(config, request.method);
    if (request.bodyUsed) {
      return bodyWasParsed(config, 'the request body was already read before the webhook handler got the request: hand it the Request untouched (no request.json(), request.text() or body parser first); the signature covers the exact bytes received');
    }
    let body;
    try {
      body = await internal.readRequest(request, config.maxBytes);
    } catch (e) {
      if (e instanceof api.PayloadError) return tooLarge(config, e);
      return unreadable(config, e);
    }
    return deliver(config, body, request.headers);
  }

  // --- Node: http.createServer, Express, Fastify -------------------------

  function createNodeMiddleware(options) {
    const config = configure(options, 'createNodeMiddleware');
    return internal.named('periskopeWebhookMiddleware', function (req, res, next) {
      if (!req || typeof req.on !== 'function' || !req.headers || !res || typeof res.end !== 'function') {
        throw new TypeError('the middleware takes a Node request and response (http.IncomingMessage, http.ServerResponse)');
      }
      return handleNode(config, req)
        .catch((e) => internalError(config, e))
        .then((outcome) => {
          if (res.headersSent) throw new Error('periskope-events: the response was already sent by something else');
          writeNode(res, outcome);
        })
        .catch((e) => {
          if (typeof next === 'function') next(e);
          else console.error('periskope-events: the webhook middleware could not answer', e);
        });
    });
  }

  function writeNode(res, outcome) {
    res.statusCode = outcome.status;
    res.setHeader('content-type', JSON_TYPE);
    for (const name of Object.keys(outcome.headers)) res.setHeader(name, outcome.headers[name]);
    res.end(JSON.stringify(outcome.body));
  }

  const BODY_WAS_PARSED_NODE =
    'the request body was already read before the webhook middleware ran (the request stream has ended' +
    ' and req.body is not its bytes): a body parser for this route ran first. Mount the middleware before any' +
    ' body parser, or scope the parser to other routes (Express: app.use(express.json()) after this route;' +
    ' Fastify: a content type parser for this route that leaves the body unread); the signature covers the' +
    ' exact bytes received';

  async function handleNode(config, req) {
    // 405 and 413 with Connection: close: Node closes the connection once
    // the answer is written, rather than reading the rest of a body that is
    // not read (Node would otherwise drain it, whatever its size, to keep
    // the connection).
    const close = { connection: 'close' };
    if (req.method !== 'POST') return methodNotAllowed(config, req.method, close);
    let body;
    if (req.destroyed === true && req.readableEnded !== true) {
      // The client went away before the body could be read (its close event
      // may have passed already).
      return unreadable(config, new Error('the request was closed before its body was read'));
    }
    if (req.readableEnded === true) {
      // Read already. Bytes kept by a raw body parser (express.raw) are the
      // body as received; anything else cannot be verified.
      const kept = req.body;
      if (!ArrayBuffer.isView(kept)) return bodyWasParsed(config, BODY_WAS_PARSED_NODE);
      const collector = internal.bodyCollector(config.maxBytes);
      if (!collector.add(kept)) return tooLarge(config, collector.tooLarge(), close);
      body = collector.bytes();
    } else {
      try {
        internal.checkDeclaredLength(req.headers, config.maxBytes);
      } catch (e) {
        if (e instanceof api.PayloadError) return tooLarge(config, e, close);
        throw e;
      }
      try {
        body = await readNodeBody(req, config.maxBytes);
      } catch (e) {
        if (e instanceof api.PayloadError) return tooLarge(config, e, close);
        return unreadable(config, e);
      }
    }
    return deliver(config, body, req.headers);
  }

  // Reads a Node request stream with the running count; past maxBytes it
  // stops reading (the stream is paused, its listeners removed) and rejects
  // with the too_large PayloadError. Settles on end, error, or a close
  // before the end (the client went away).
  function readNodeBody(req, maxBytes) {
    const collector = internal.bodyCollector(maxBytes);
    return new Promise((resolve, reject) => {
      function stop() {
        req.removeListener('data', onData);
        req.removeListener('end', onEnd);
        req.removeListener('error', onError);
        req.removeListener('close', onClose);
      }
      function onData(chunk) {
        if (!ArrayBuffer.isView(chunk)) {
          stop();
          reject(new TypeError('the request stream gives strings (setEncoding was called on it); it must give the bytes received'));
          return;
        }
        if (!collector.add(chunk)) {
          stop();
          req.pause();
          reject(collector.tooLarge());
        }
      }
      function onEnd() {
        stop();
        resolve(collector.bytes());
      }
      function onError(e) {
        stop();
        reject(e);
      }
      function onClose() {
        stop();
        reject(new Error('the request was closed before its body was read'));
      }
      req.on('data', onData);
      req.on('end', onEnd);
      req.on('error', onError);
      req.on('close', onClose);
      if (typeof req.resume === 'function') req.resume();
    });
  }

  return { createWebhookHandler, createNodeMiddleware };
}
