// The webhook receivers. The build appends this after api.d.ts.

/** A handler of one known event: its normalized `data`, and the whole verified delivery. */
export type WebhookEventHandler<E extends KnownEvent> = (data: EventDataMap[E], event: Extract<KnownWebhook, { event: E }>) => unknown;

/** The `on` option: a handler per known event name (an unknown name is a type error, and a `TypeError` at creation). */
export type WebhookEventHandlers = { [E in KnownEvent]?: WebhookEventHandler<E> };

/**
 * Why a delivery was not acknowledged, as `onError` receives it: the status
 * answered, a code, and the delivery when it was verified and read.
 * - 401: a verification code (the signature, or the replay window);
 * - 400: `invalid_payload` (the `PayloadError` has the issues), or
 *   `body_unreadable` (the stream failed, or the client went away);
 * - 405: `method_not_allowed` (not a POST);
 * - 413: `too_large` (over `maxBytes`, from `Content-Length` or while reading);
 * - 500: `handler_failed` (an `on` handler, `onUnknown` or `isDuplicate`
 *   threw or rejected: the thrown value is the error, and Periskope will
 *   deliver again), `body_was_parsed` (something read the body before the
 *   handler: a configuration mistake), `internal_error`.
 */
export type WebhookErrorContext =
  | { status: 401; code: Exclude<VerificationErrorCode, 'body_was_parsed'>; event: null }
  | { status: 400; code: 'invalid_payload' | 'body_unreadable'; event: null }
  | { status: 405; code: 'method_not_allowed'; event: null }
  | { status: 413; code: 'too_large'; event: null }
  | { status: 500; code: 'body_was_parsed' | 'internal_error'; event: null }
  | { status: 500; code: 'handler_failed'; event: Webhook };

/** The options of `createWebhookHandler` and `createNodeMiddleware`. */
export interface WebhookHandlerOptions {
  /**
   * The signing key, or several while rotating (each is tried). A missing or
   * empty key, or one the key check refuses (`malformed_key`: surrounding
   * whitespace, a line break), is a `TypeError` when the handler is created;
   * `undefined` is accepted by the types so that `process.env.X` can be
   * passed as it is, and refused then.
   */
  keys: SigningKeys;
  /**
   * A handler per known event, called with the normalized `data` and the
   * whole delivery; awaited. A known event without a handler here is
   * acknowledged (200) and nothing is called.
   */
  on?: WebhookEventHandlers;
  /** Called with a delivery of an event this version does not know (`data` as sent); it is acknowledged with 200 either way. */
  onUnknown?: (event: UnknownWebhook) => unknown;
  /**
   * Called, and awaited, before every answer that is not a 2xx, for logging:
   * the error (a `WebhookVerificationError` for 401 and `body_was_parsed`, a
   * `PayloadError` for 400 and 413, the thrown value for `handler_failed`)
   * and the context. What it throws is caught. Without it, only the 500s
   * are logged (`console.error`).
   */
  onError?: (error: unknown, context: WebhookErrorContext) => unknown;
  /**
   * Whether the delivery's `dedup_key` was processed already (may be async):
   * a duplicate is acknowledged with 200 (`{ received: true, duplicate: true }`)
   * and no handler is called. Recording the key is yours: record it once the
   * handler has succeeded, or a delivery whose handler failed (500) will be
   * taken for a duplicate when Periskope delivers it again.
   */
  isDuplicate?: (dedupKey: string, event: Webhook) => boolean | Promise<boolean>;
  /** As in `Options`: every warning becomes an error (400), unknown fields are refused. Unknown events are still acknowledged. */
  strict?: boolean;
  /** Bodies over this many bytes get 413, from `Content-Length` before reading when it is given. Default 8 MiB. */
  maxBytes?: number;
  /** As in `Options`. */
  maxIssues?: number;
  /** The replay window in seconds, as in `VerifyOptions` (401 `timestamp_out_of_tolerance`). Off by default. */
  tolerance?: number;
}

/**
 * A webhook endpoint for the Fetch API (Workers, Deno, Vercel Edge, Next.js
 * route handlers, Hono's `c.req.raw`, Bun): reads the body within
 * `maxBytes`, verifies and reads it with `constructEvent`, drops duplicates,
 * calls the event's handler, and answers: 200 for handled, unknown and
 * duplicate events; 401 `{ code }` for a signature refusal; 400
 * `{ issues: [{ path, code, severity }] }` for an invalid payload; 413 over
 * `maxBytes`; 405 (with `Allow: POST`) for another method; 500 when a
 * handler throws. Options mistakes (a missing or malformed key, an unknown
 * event name in `on`) are a `TypeError` here.
 */
export declare function createWebhookHandler(options: WebhookHandlerOptions): (request: Request) => Promise<Response>;

/** What the middleware uses of a request: Node's `http.IncomingMessage` (Express's `req`, Fastify's `request.raw`). */
export interface NodeWebhookRequest {
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  /** Set by a body parser that ran first: used when it holds the bytes (`express.raw()`), refused otherwise. */
  body?: unknown;
  readableEnded?: boolean;
  destroyed?: boolean;
  on(event: string, listener: (...args: any[]) => void): unknown;
  removeListener(event: string, listener: (...args: any[]) => void): unknown;
  pause(): unknown;
  resume(): unknown;
}

/** What the middleware uses of a response: Node's `http.ServerResponse` (Express's `res`, Fastify's `reply.raw`). */
export interface NodeWebhookResponse {
  statusCode: number;
  readonly headersSent: boolean;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}

/**
 * The same endpoint for Node's `http.createServer`, Express (`app.post(path,
 * middleware)`, before any body parser) and Fastify (a raw route): reads the
 * raw body itself within `maxBytes` (a `Content-Length` over it is refused
 * before reading; past it while reading, reading stops; both answer 413 with
 * `Connection: close`, as a 405 does), so no body parser is needed. A body that a parser
 * has already read is a 500 reported as `body_was_parsed`, unless the
 * parser kept the bytes (`express.raw()`). The same answers as
 * `createWebhookHandler`. The returned promise settles once the answer is
 * written; `next`, when given, is called only with an error that left no
 * answer possible.
 */
export declare function createNodeMiddleware(
  options: WebhookHandlerOptions,
): (req: NodeWebhookRequest, res: NodeWebhookResponse, next?: (error?: unknown) => void) => Promise<void>;
