// The public API. The build appends this to the generated models.d.ts.

/** Options every function accepts. */
export interface Options {
  /** Treat every warning as an error and reject unknown fields. Default `false`. */
  strict?: boolean;
  /** Refuse inputs longer than this many bytes (UTF-8). Default 8 MiB (8388608). */
  maxBytes?: number;
  /** Report at most this many issues, then one `too_many_issues`. Default 100. */
  maxIssues?: number;
  /**
   * What the webhook functions do with an event name this version does not
   * know: `'warn'` (default: pass it through with an `unknown_event` warning),
   * `'error'` (reject it), `'ignore'` (pass it through silently).
   */
  unknownEvents?: 'warn' | 'error' | 'ignore';
}


/** One problem found in a payload. */
export interface Issue {
  /** JSON Pointer (RFC 6901) to the offending value: `""` for the root, `/attached_messages/1/timestamp`. */
  path: string;
  /** What kind of problem this is. */
  code: IssueCode;
  /** A sentence for people. It never quotes the payload's values. */
  message: string;
  /** `error` rejects the payload; `warning` does not (unless `strict`). */
  severity: 'error' | 'warning';
  /**
   * The same path, one step per key or index (numbers are array indices):
   * `["attached_messages", 1, "timestamp"]`. A pointer cannot tell an index
   * from a key that looks like one (a member keyed by `"1"`); this can.
   */
  segments: (string | number)[];
  /** 1-based line of the offending value, for string and byte input. */
  line?: number;
  /** 1-based column (UTF-16 code units) of the offending value, for string and byte input. */
  column?: number;
}

/**
 * What the functions read: a raw body (a string, a `Uint8Array` such as a
 * Node `Buffer`, an `ArrayBuffer` or another typed array) or an object already
 * parsed, such as the one the official SDK hands to `client.on` handlers. The
 * functions themselves take `unknown`: they exist for untrusted data, and
 * anything else is an `invalid_input` issue, not a type error.
 */
export type PayloadInput<T = unknown> = string | Uint8Array | ArrayBuffer | ArrayBufferView | T;

/** The result of a `validate*` function. */
export interface ValidationResult {
  /** `true` when no issue is an error. */
  valid: boolean;
  errors: Issue[];
  warnings: Issue[];
}

/** The result of a `safeParse*` function. */
export type SafeParseResult<T> =
  | { success: true; data: T; warnings: Issue[] }
  | { success: false; error: PayloadError };

/** Thrown by the `parse*` functions. */
export declare class PayloadError extends Error {
  name: 'PayloadError';
  /** Every issue, errors and warnings, in the order found. */
  issues: Issue[];
  /** The issues that rejected the payload. */
  errors: Issue[];
  /** The issues that did not. */
  warnings: Issue[];
}

/** The names of every event this version validates and normalizes. */
export declare const knownEvents: readonly KnownEvent[];

/** Whether `name` is one of `knownEvents`. */
export declare function isKnownEvent(name: unknown): name is KnownEvent;

/**
 * Checks the payload of `event`: the object the SDK hands a `client.on(event)`
 * handler, or a webhook body whose `data` is one (an envelope of another
 * event is a `wrong_event` error). Lists every issue; builds no output.
 * An unknown event name is a `TypeError`.
 */
export declare function validateEvent<E extends KnownEvent>(event: E, input: unknown, options?: Options): ValidationResult;

/** Reads the payload of `event` into its normalized form, or throws a `PayloadError` listing every issue. */
export declare function parseEvent<E extends KnownEvent>(event: E, input: unknown, options?: Options): EventDataMap[E];

/** `parseEvent` without throwing, with the warnings. */
export declare function safeParseEvent<E extends KnownEvent>(
  event: E,
  input: unknown,
  options?: Options,
): SafeParseResult<EventDataMap[E]>;

/**
 * Checks a `ticket.created` payload: the SDK's payload, a webhook body whose
 * `data` is one, or a bare ticket. Lists every issue; builds no output.
 */
export declare function validateTicketCreated(input: unknown, options?: Options): ValidationResult;

/**
 * Reads a `ticket.created` payload (see `validateTicketCreated`) into its
 * normalized form. Throws a `PayloadError` listing every issue when any is
 * an error. Given a webhook body, returns its `data`: use `parseWebhook` to
 * keep the envelope.
 */
export declare function parseTicketCreated(input: unknown, options?: Options): TicketCreated;

/** `parseTicketCreated` without throwing, with the warnings. */
export declare function safeParseTicketCreated(
  input: unknown,
  options?: Options,
): SafeParseResult<TicketCreated>;

/** A webhook envelope as Periskope sends it. */
export interface WebhookInput {
  /** The event's name. `event_type` is accepted instead, with a warning. */
  event?: string;
  event_type?: string;
  data: unknown;
  org_id: string;
  timestamp: string;
  previous_attributes?: Record<string, unknown> | null;
  [field: string]: unknown;
}

interface WebhookFields {
  org_id: string;
  /** When the event happened, UTC ISO 8601 with milliseconds. */
  timestamp: string;
  /** On update events, the previous values of the changed attributes, as sent. */
  previous_attributes: Record<string, unknown> | null;
  /**
   * `<event>:<org_id>:<entity id>:<timestamp>[:<digest>]`: the same for every
   * delivery of one event, since the envelope has no delivery id. Each part
   * is escaped (`%` as `%25`, `:` as `%3A`), so parts cannot run into each
   * other. The entity id is the ticket's `ticket_id`, the message's
   * `message_id`, the chat's `chat_id`, the notification's `notification_id`,
   * the reaction's `reaction_id`, the note's `message_id`, the phone's
   * `phone_id`; for an unknown event, `data#` and 16 hex digits of a digest
   * of its data. Events that can happen many times to one entity (all but
   * `*.created` and `*.deleted`) end with a fifth part, a digest of the
   * normalized `data` and `previous_attributes`, so two different updates in
   * the same millisecond get two keys. Treat it as opaque.
   */
  dedup_key: string;
}

/** A known event's delivery: `data` is validated and normalized. */
export type KnownWebhook = {
  [E in KnownEvent]: WebhookFields & { event: E; known: true; data: EventDataMap[E] };
}[KnownEvent];

declare const unknownEventName: unique symbol;
/** An event name this version does not know (a string at run time). */
export type UnknownEventName = string & { readonly [unknownEventName]: true };

/** A delivery of an event this version does not know: `data` is as sent. */
export interface UnknownWebhook extends WebhookFields {
  event: UnknownEventName;
  /** `false`: `data` was passed through unvalidated. */
  known: false;
  data: unknown;
}

/**
 * A normalized webhook delivery. `known` tells a known event from an unknown
 * one; within `known: true`, comparing `event` with a name types `data`
 * (`if (hook.known) switch (hook.event) { case 'ticket.created': ... }`), or
 * use `isEvent(hook, name)`.
 */
export type Webhook = KnownWebhook | UnknownWebhook;

/** Whether `hook` is a delivery of `event`, typing its `data`. */
export declare function isEvent<E extends KnownEvent>(hook: Webhook, event: E): hook is Extract<KnownWebhook, { event: E }>;

/** Checks a webhook body (`{ event, data, org_id, timestamp }`). */
export declare function validateWebhook(body: unknown, options?: Options): ValidationResult;

/**
 * Reads a webhook body: the envelope, and the payload of every known event
 * validated and normalized. An unknown event comes back with `known: false`
 * and its `data` as sent (see the `unknownEvents` option). Throws a
 * `PayloadError` when any issue is an error.
 */
export declare function parseWebhook(body: unknown, options?: Options): Webhook;

/** `parseWebhook` without throwing, with the warnings. */
export declare function safeParseWebhook(body: unknown, options?: Options): SafeParseResult<Webhook>;

/**
 * The stable codes of a `WebhookVerificationError` (the list, and each
 * message, come from the core):
 * - `missing_signature`: no `x-periskope-signature` header, or an empty one;
 * - `malformed_signature`: not 64 hexadecimal characters (optionally after `sha256=`);
 * - `signature_mismatch`: the signature matches the body under none of the keys;
 * - `missing_key`: no key, or an empty one;
 * - `malformed_key`: a key with surrounding whitespace or a line break (the
 *   most common misconfiguration, from an environment variable or a file), or
 *   a string key with a lone surrogate;
 * - `timestamp_out_of_tolerance`: with the `tolerance` option, the signed
 *   envelope's `timestamp` is missing, unreadable, or further from `now`;
 * - `body_was_parsed`: the body given is already a parsed object.
 */
export type VerificationErrorCode =
  | 'missing_signature'
  | 'malformed_signature'
  | 'signature_mismatch'
  | 'missing_key'
  | 'malformed_key'
  | 'timestamp_out_of_tolerance'
  | 'body_was_parsed';

/** Thrown when a signature does not verify. No property holds the key, a signature or the body. */
export declare class WebhookVerificationError extends Error {
  name: 'WebhookVerificationError';
  code: VerificationErrorCode;
}

/**
 * The exact bytes received: a string, a `Buffer`/`Uint8Array`, an `ArrayBuffer`
 * or another typed array. A `SharedArrayBuffer` (or a view of one) is copied
 * once when a call starts, so that one call checks and reads the same bytes.
 */
export type RawBody = string | Uint8Array | ArrayBuffer | ArrayBufferView;

/** One signing key: its text, or its bytes. */
export type SigningKey = string | Uint8Array | ArrayBuffer | ArrayBufferView;

/**
 * One signing key, or several while rotating (each is tried). A key is used
 * exactly as given: one with surrounding whitespace or a line break is
 * refused (`malformed_key`) rather than trimmed. `undefined` and `null` are
 * accepted by the types (a key read from `process.env`) and refused at run
 * time with `missing_key`, when the call is made.
 */
export type SigningKeys = SigningKey | ReadonlyArray<SigningKey | undefined | null> | undefined | null;

/** The options of `constructEvent` and `verifyRequest`: the parse options and the replay window. */
export interface VerifyOptions extends Options {
  /**
   * The replay window, in seconds (a positive whole number; off when absent, the
   * default). With it, a signed envelope whose `timestamp` is more than
   * `tolerance` seconds before or after `now`, or that has no readable
   * `timestamp`, is refused with a `WebhookVerificationError` of code
   * `timestamp_out_of_tolerance`, after the signature is checked. Stripe uses
   * 300 s, Standard Webhooks 5 minutes; how Periskope sets `timestamp` on
   * retries is not documented, so allow for the retry delays you see.
   */
  tolerance?: number;
  /** The time to compare with: a `Date` or milliseconds since the epoch. Default `Date.now()` at the call; for tests. */
  now?: Date | number;
}

/** A header value, a plain headers object (any case; Node's `IncomingHttpHeaders` too) or a Fetch API `Headers`. */
export type SignatureSource =
  | string
  | null
  | undefined
  | { get(name: string): string | null }
  | Map<string, string>
  | Record<string, string | string[] | undefined>;

/**
 * Whether `signature` (the `x-periskope-signature` value) is the HMAC-SHA256 of
 * the exact `body` under one of `keys`. Throws a `WebhookVerificationError`
 * with code `missing_key`, `malformed_key` or `body_was_parsed` for those
 * mistakes. A body over `options.maxBytes` (default 8 MiB; a string is
 * compared by its length before it is encoded), or a string with a lone
 * surrogate, does not verify.
 *
 * Prefer `constructEvent`, which verifies and reads the body in one call on
 * one copy of its bytes: calling `verifySignature` and then `parseWebhook`
 * reads the body twice, and when it lives in shared memory
 * (`SharedArrayBuffer`) another thread can change it in between, so what was
 * verified need not be what is read.
 */
export declare function verifySignature(body: RawBody, signature: SignatureSource, keys: SigningKeys, options?: Options): boolean;

/**
 * Verifies the signature of the raw body, then reads it as `parseWebhook`
 * does, in one call on one copy of the bytes: the safe path. Throws a
 * `WebhookVerificationError` (see `VerificationErrorCode`) or a
 * `PayloadError` (a body over `options.maxBytes` is `too_large`). With
 * `options.tolerance`, also refuses a delivery outside the replay window
 * (`timestamp_out_of_tolerance`).
 */
export declare function constructEvent(body: RawBody, signatureOrHeaders: SignatureSource, keys: SigningKeys, options?: VerifyOptions): Webhook;

/**
 * Reads a Fetch API `Request`'s bytes and headers, then `constructEvent`.
 * Reads at most `options.maxBytes` + 1 bytes: a `Content-Length` over the
 * limit is refused before reading, and the body stream is cancelled as soon
 * as it passes the limit (a `PayloadError` with a `too_large` issue). An
 * object without a `body` stream is read with `arrayBuffer()`, then checked.
 */
export declare function verifyRequest(
  request: {
    arrayBuffer(): Promise<ArrayBuffer>;
    headers: { get(name: string): string | null };
    body?: ReadableStream<Uint8Array> | null;
    bodyUsed?: boolean;
  },
  keys: SigningKeys,
  options?: VerifyOptions,
): Promise<Webhook>;

/** The `x-periskope-signature` value for `body` signed with `key`, for tests. */
export declare function signPayload(body: RawBody, key: SigningKey): string;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** A webhook envelope of one event as Periskope sends it, for building test bodies. */
export interface SampleEvent<E extends KnownEvent> {
  event: E;
  data: EventDataInputMap[E];
  org_id: string;
  timestamp: string;
  [field: string]: unknown;
}

/**
 * A valid webhook envelope of `event` with a realistic payload, for users'
 * own tests; `overrides` are merged in (objects recursively, anything else
 * replaced), e.g. `sampleEvent('ticket.created', { data: { ticket: { priority: 4 } } })`.
 */
export declare function sampleEvent<E extends KnownEvent>(event: E, overrides?: DeepPartial<SampleEvent<E>> & Record<string, unknown>): SampleEvent<E>;

/** Options of `withValidation`: the parse options, and where invalid payloads go. */
export interface WithValidationOptions extends Options {
  /** Called instead of the handler with each invalid payload. Default: one line on `console.warn`. */
  onInvalid?: (error: PayloadError, payload: unknown) => void;
}

/**
 * Wraps a handler for the official SDK's `client.on(event, ...)`: the handler
 * receives the normalized payload and its warnings; an invalid payload goes
 * to `onInvalid` and never reaches the handler nor throws into the socket.
 */
export declare function withValidation<E extends KnownEvent, R>(
  event: E,
  handler: (data: EventDataMap[E], warnings: Issue[]) => R,
  options?: WithValidationOptions,
): (payload: EventDataInputMap[E]) => R | undefined;

/** Formats an issue as `path: message [code]` (`(root)` for the empty path). */
export declare function formatIssue(issue: Issue): string;

/**
 * The size in bytes of the wasm instance's memory, for diagnostics. Wasm
 * memory never shrinks, so after a call that leaves it over 64 MiB the
 * instance is replaced by a fresh one of the same compiled module (as after
 * a trap): the next call starts from the baseline again.
 */
export declare function wasmMemoryBytes(): number;

/** The defaults of the options, and the nesting limit, as the core sets them. */
export declare const defaults: {
  /** The default `maxBytes`: 8 MiB (8388608). */
  readonly maxBytes: number;
  /** The default `maxIssues`: 100. */
  readonly maxIssues: number;
  /** How deeply arrays and objects may nest: 64. */
  readonly maxDepth: number;
};
