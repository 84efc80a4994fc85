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

/** The stable codes of every issue. Programs match on these; messages may change. */
export type IssueCode =
  | 'invalid_json'
  | 'invalid_encoding'
  | 'duplicate_key'
  | 'too_large'
  | 'too_deep'
  | 'invalid_input'
  | 'invalid_type'
  | 'missing_field'
  | 'out_of_range'
  | 'invalid_timestamp'
  | 'wrong_event'
  | 'unknown_field'
  | 'unknown_event'
  | 'unknown_enum_value'
  | 'placeholder_value'
  | 'invalid_format'
  | 'invalid_email'
  | 'inconsistent_value'
  | 'coerced_value'
  | 'bare_ticket'
  | 'derived_field_replaced'
  | 'too_many_issues'
  | 'internal_error';

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
  /** 1-based line of the offending value, for string and byte input. */
  line?: number;
  /** 1-based column (UTF-16 code units) of the offending value, for string and byte input. */
  column?: number;
}

/**
 * What the functions accept: a raw body (a string, a `Uint8Array` such as a
 * Node `Buffer`, an `ArrayBuffer` or another typed array) or an object already
 * parsed, such as the one the official SDK hands to `client.on` handlers.
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
export declare function validateEvent<E extends KnownEvent>(event: E, input: PayloadInput<EventDataInputMap[E]>, options?: Options): ValidationResult;

/** Reads the payload of `event` into its normalized form, or throws a `PayloadError` listing every issue. */
export declare function parseEvent<E extends KnownEvent>(event: E, input: PayloadInput<EventDataInputMap[E]>, options?: Options): EventDataMap[E];

/** `parseEvent` without throwing, with the warnings. */
export declare function safeParseEvent<E extends KnownEvent>(
  event: E,
  input: PayloadInput<EventDataInputMap[E]>,
  options?: Options,
): SafeParseResult<EventDataMap[E]>;

/**
 * Checks a `ticket.created` payload: the SDK's payload, a webhook body whose
 * `data` is one, or a bare ticket. Lists every issue; builds no output.
 */
export declare function validateTicketCreated(input: PayloadInput<TicketCreatedInput>, options?: Options): ValidationResult;

/**
 * Reads a `ticket.created` payload (see `validateTicketCreated`) into its
 * normalized form. Throws a `PayloadError` listing every issue when any is
 * an error. Given a webhook body, returns its `data`: use `parseWebhook` to
 * keep the envelope.
 */
export declare function parseTicketCreated(input: PayloadInput<TicketCreatedInput>, options?: Options): TicketCreated;

/** `parseTicketCreated` without throwing, with the warnings. */
export declare function safeParseTicketCreated(
  input: PayloadInput<TicketCreatedInput>,
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
   * `<event>:<org_id>:<entity id>:<timestamp>`: the same for every delivery of
   * one event, since the envelope has no delivery id. The entity id is the
   * ticket's `ticket_id`, the message's `message_id`, the chat's `chat_id`, the
   * notification's `notification_id`, the reaction's `reaction_id`, the note's
   * `message_id` (else `unique_id`), the phone's `phone_id`; for an unknown
   * event, `data#` and 16 hex digits of a digest of its data.
   */
  dedup_key: string;
  /** Envelope fields this version does not know, passed through as sent. */
  [field: string]: unknown;
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
export declare function validateWebhook(body: PayloadInput<WebhookInput>, options?: Options): ValidationResult;

/**
 * Reads a webhook body: the envelope, and the payload of every known event
 * validated and normalized. An unknown event comes back with `known: false`
 * and its `data` as sent (see the `unknownEvents` option). Throws a
 * `PayloadError` when any issue is an error.
 */
export declare function parseWebhook(body: PayloadInput<WebhookInput>, options?: Options): Webhook;

/** `parseWebhook` without throwing, with the warnings. */
export declare function safeParseWebhook(body: PayloadInput<WebhookInput>, options?: Options): SafeParseResult<Webhook>;

/** The stable codes of a `WebhookVerificationError`. */
export type VerificationErrorCode = 'missing_signature' | 'malformed_signature' | 'signature_mismatch' | 'missing_key' | 'body_was_parsed';

/** Thrown when a signature does not verify. No property holds the key, a signature or the body. */
export declare class WebhookVerificationError extends Error {
  name: 'WebhookVerificationError';
  code: VerificationErrorCode;
}

/** The exact bytes received: a string, a `Buffer`/`Uint8Array`, an `ArrayBuffer` or another typed array. */
export type RawBody = string | Uint8Array | ArrayBuffer | ArrayBufferView;

/** One signing key, or several while rotating (each is tried). */
export type SigningKeys = string | Uint8Array | ReadonlyArray<string | Uint8Array>;

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
 * with code `missing_key` or `body_was_parsed` for those mistakes. A body over
 * `options.maxBytes` (default 8 MiB), or a string with a lone surrogate, does
 * not verify.
 */
export declare function verifySignature(body: RawBody, signature: SignatureSource, keys: SigningKeys, options?: Options): boolean;

/**
 * Verifies the signature of the raw body, then reads it as `parseWebhook`
 * does. Throws a `WebhookVerificationError` (`missing_signature`,
 * `malformed_signature`, `signature_mismatch`, `missing_key`,
 * `body_was_parsed`) or a `PayloadError`.
 */
export declare function constructEvent(body: RawBody, signatureOrHeaders: SignatureSource, keys: SigningKeys, options?: Options): Webhook;

/** Reads a Fetch API `Request`'s bytes and headers, then `constructEvent`. */
export declare function verifyRequest(
  request: { arrayBuffer(): Promise<ArrayBuffer>; headers: { get(name: string): string | null }; bodyUsed?: boolean },
  keys: SigningKeys,
  options?: Options,
): Promise<Webhook>;

/** The `x-periskope-signature` value for `body` signed with `key`, for tests. */
export declare function signPayload(body: RawBody, key: string | Uint8Array): string;

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
): (payload: unknown) => R | undefined;

/** Formats an issue as `path: message [code]` (`(root)` for the empty path). */
export declare function formatIssue(issue: Issue): string;

/** The size in bytes of the wasm instance's memory, for diagnostics. */
export declare function wasmMemoryBytes(): number;
