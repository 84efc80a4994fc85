// Standard Schema v1 and Standard JSON Schema v1. The build appends this
// after api.d.ts, then one
// `export declare const <event>Schema: StandardSchemaOf<typeof safeParse<Event>>`
// per safeParse function of the API (ticketCreatedSchema, webhookSchema, ...).

/**
 * The Standard Schema v1 interface (https://standardschema.dev), copied from
 * `@standard-schema/spec` as the spec invites, so that the package has no
 * dependency. It is structurally the spec's `StandardSchemaV1`.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown, options?: Options | undefined) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Options {
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

/**
 * The Standard JSON Schema v1 interface (`@standard-schema/spec` 1.1),
 * copied as `StandardSchemaV1` is: structurally the spec's
 * `StandardJSONSchemaV1`.
 */
export interface StandardJSONSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardJSONSchemaV1.Props<Input, Output>;
}

export declare namespace StandardJSONSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly types?: StandardSchemaV1.Types<Input, Output> | undefined;
    /** Methods for generating the input/output JSON Schema. */
    readonly jsonSchema: Converter;
  }
  interface Converter {
    /** The JSON Schema of the input. Throws if the target is not supported. */
    readonly input: (options: Options) => Record<string, unknown>;
    /** The JSON Schema of the output. Throws if the target is not supported. */
    readonly output: (options: Options) => Record<string, unknown>;
  }
  /** The target version of the generated JSON Schema. */
  type Target = 'draft-2020-12' | 'draft-07' | 'openapi-3.0' | ({} & string);
  interface Options {
    readonly target: Target;
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
}

/** The JSON Schema targets this package supports; any other throws a `TypeError`. */
export type PeriskopeJsonSchemaTarget = 'draft-2020-12' | 'draft-07';

/**
 * The JSON Schemas of one payload, generated from the Rust models: the files
 * `periskope-events/schemas/<event>.input.json` and `.output.json` (draft
 * 2020-12) without their annotations (`description`, `examples`, which the
 * files keep for OpenAPI and other tools). They describe the default reading
 * (not `strict`).
 */
export interface PeriskopeJsonSchemaConverter extends StandardJSONSchemaV1.Converter {
  /** The JSON Schema of what is accepted: optional fields may be `null`, unknown fields are allowed. Throws a `TypeError` for a target other than `'draft-2020-12'` or `'draft-07'`. */
  readonly input: (options: StandardJSONSchemaV1.Options) => Record<string, unknown>;
  /** The JSON Schema of the normalized result: every field present, derived fields included. Throws a `TypeError` for a target other than `'draft-2020-12'` or `'draft-07'`. */
  readonly output: (options: StandardJSONSchemaV1.Options) => Record<string, unknown>;
}

/** An issue of a failed Standard Schema validation: one of our errors, with its path as keys. */
export interface StandardIssue extends StandardSchemaV1.Issue {
  readonly message: string;
  /** The JSON Pointer as keys: `["attached_messages", 1, "timestamp"]` (array indices are numbers); `[]` for the root. */
  readonly path: ReadonlyArray<string | number>;
  readonly code: IssueCode;
  /** The same path as a JSON Pointer, as in `Issue.path`. */
  readonly pointer: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * A Standard Schema v1 validator for one kind of payload, and its Standard
 * JSON Schema v1 (`['~standard'].jsonSchema`). Warnings do not fail it.
 */
export interface PeriskopeStandardSchema<Input, Output> extends StandardSchemaV1<Input, Output>, StandardJSONSchemaV1<Input, Output> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: 'periskope-events';
    /**
     * Synchronous. Our options (`{ strict, maxBytes, maxIssues }`) may be given
     * as `libraryOptions`.
     */
    readonly validate: (
      value: unknown,
      options?: { readonly libraryOptions?: Options | undefined },
    ) => StandardSchemaV1.SuccessResult<Output> | { readonly issues: ReadonlyArray<StandardIssue> };
    readonly types?: StandardSchemaV1.Types<Input, Output> | undefined;
    /**
     * The JSON Schemas of the input and of the output:
     * `jsonSchema.input({ target: 'draft-2020-12' })` (or `'draft-07'`).
     */
    readonly jsonSchema: PeriskopeJsonSchemaConverter;
  };
  /** The same schema with these options, e.g. `webhookSchema.withOptions({ strict: true })`. */
  withOptions(options: Options): PeriskopeStandardSchema<Input, Output>;
}

type RawInput = string | ArrayBuffer | ArrayBufferView;

/** The Standard Schema made from a `safeParse*` function: its input without the raw forms, its data as output. */
export type StandardSchemaOf<F extends (input: never, options?: Options) => SafeParseResult<unknown>> = PeriskopeStandardSchema<
  Exclude<Parameters<F>[0], RawInput>,
  Extract<ReturnType<F>, { success: true }>['data']
>;
