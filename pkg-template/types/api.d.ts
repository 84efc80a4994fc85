// The public API. The build appends this to the generated models.d.ts.

/** Options every function accepts. */
export interface Options {
  /** Treat every warning as an error and reject unknown fields. Default `false`. */
  strict?: boolean;
  /** Refuse inputs longer than this many bytes (UTF-8). Default 8 MiB (8388608). */
  maxBytes?: number;
  /** Report at most this many issues, then one `too_many_issues`. Default 100. */
  maxIssues?: number;
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

/** A ticket event's delivery. */
export interface TicketWebhook {
  event: 'ticket.created' | 'ticket.updated' | 'ticket.deleted';
  /** `true`: the payload was validated and normalized. */
  known: true;
  org_id: string;
  /** When the event happened, UTC ISO 8601 with milliseconds. */
  timestamp: string;
  data: TicketInfo;
  /** On update events, the previous values of the changed attributes, as sent. */
  previous_attributes: Record<string, unknown> | null;
  [field: string]: unknown;
}

/** A delivery of an event this version does not validate: `data` is as sent. */
export interface UnvalidatedWebhook {
  event: string;
  /** `false`: `data` was passed through unvalidated (with an `unknown_event` warning). */
  known: false;
  org_id: string;
  timestamp: string;
  data: unknown;
  previous_attributes: Record<string, unknown> | null;
  [field: string]: unknown;
}

/** A normalized webhook delivery; narrow on `known` (or `event`) to type `data`. */
export type Webhook = TicketWebhook | UnvalidatedWebhook;

/** Checks a webhook body (`{ event, data, org_id, timestamp }`). */
export declare function validateWebhook(body: PayloadInput<WebhookInput>, options?: Options): ValidationResult;

/**
 * Reads a webhook body: the envelope, and the payload normalized for the
 * events this version validates (ticket.created, ticket.updated,
 * ticket.deleted). Other events come back with `known: false` and their data
 * as sent. Throws a `PayloadError` when any issue is an error.
 */
export declare function parseWebhook(body: PayloadInput<WebhookInput>, options?: Options): Webhook;

/** `parseWebhook` without throwing, with the warnings. */
export declare function safeParseWebhook(body: PayloadInput<WebhookInput>, options?: Options): SafeParseResult<Webhook>;

/** Formats an issue as `path: message [code]` (`(root)` for the empty path). */
export declare function formatIssue(issue: Issue): string;
