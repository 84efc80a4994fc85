//! The public entry points: bytes in, a typed normalized payload or a
//! [`Report`] out; and the one-JSON-text form the JavaScript bindings use.

use std::borrow::Cow;

use crate::events::envelope::{is_envelope, read_event_name, read_webhook, Webhook};
use crate::events::ticket::TicketInfo;
use crate::events::{is_known_event, read_event_data, EventData};
use crate::issue::{Issue, IssueCode, Position, Report, Segment, Severity};
use crate::json::{self, JsonWriter, Kind, ParseErrorKind, Sink, Value};
use crate::model::shape::shape;
use crate::model::{Cx, IntoOwned, PendingIssue};
pub use crate::options::{memory_budget, Options};
use crate::signature::{self, ReplayWindow, SignatureError};

/// An accepted payload and the warnings it raised.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed<T> {
    /// The typed, normalized payload.
    pub value: T,
    /// Issues that did not reject the payload.
    pub warnings: Vec<Issue>,
}

impl<T: IntoOwned> Parsed<T> {
    /// The same result with nothing borrowed from the input: `'static`, so
    /// it can move into `std::thread::spawn` or a tokio task.
    pub fn into_owned(self) -> Parsed<T::Owned> {
        Parsed { value: self.value.into_owned(), warnings: self.warnings }
    }
}

/// Reads the payload of `event` (one of [`crate::events::KNOWN_EVENTS`]): the
/// object the SDK hands its handler, or a webhook body whose `data` is one
/// (an envelope of another event is a `wrong_event` error).
///
/// Returns the typed payload, or every issue found when any is an error. An
/// unknown event name is an `unknown_event` error.
pub fn parse_event<'a>(event: &str, input: &'a [u8], options: &Options) -> Result<Parsed<EventData<'a>>, Report> {
    into_result(read(input, options, |root, cx| read_event_payload(event, root, cx)))
}

/// Checks the payload of `event` without building the normalized output.
pub fn validate_event(event: &str, input: &[u8], options: &Options) -> Report {
    read(input, options, |root, cx| read_event_payload(event, root, cx)).report.into_report()
}

/// Reads a `ticket.created` payload: the ticket info the SDK hands its
/// handler, a webhook body whose `data` is one, or a bare ticket.
///
/// Returns the typed payload, or every issue found when any is an error.
///
/// ```
/// use periskope_events::{parse_ticket_created, Options};
/// let body = br#"{"ticket":{"org_id":"2997dd64-89bf-48d3-9a22-b314fca017e5","ticket_id":"T-1",
///   "subject":"Help","created_at":"2024-05-24 08:30:00+00","priority":3,"ticket_labels":"vip, billing"}}"#;
/// let parsed = parse_ticket_created(body, &Options::default()).unwrap();
/// let ticket = parsed.value.ticket; // required: a plain value
/// assert_eq!(ticket.ticket_id, "T-1");
/// assert_eq!(ticket.priority.unwrap().label(), "high");
/// assert_eq!(ticket.ticket_labels.unwrap().0, ["vip", "billing"]);
/// ```
pub fn parse_ticket_created<'a>(input: &'a [u8], options: &Options) -> Result<Parsed<TicketInfo<'a>>, Report> {
    let parsed = parse_event("ticket.created", input, options)?;
    match parsed.value {
        EventData::Ticket(info) => Ok(Parsed { value: *info, warnings: parsed.warnings }),
        // The ticket.created reader only builds tickets.
        _ => Err(Report::default()),
    }
}

/// Checks a `ticket.created` payload without building the normalized output.
/// The report lists every issue, errors and warnings.
pub fn validate_ticket_created(input: &[u8], options: &Options) -> Report {
    validate_event("ticket.created", input, options)
}

/// Reads a webhook body: the envelope and, for every known event, the
/// normalized payload. An unknown event passes through as
/// [`Options::unknown_events`] says.
pub fn parse_webhook<'a>(input: &'a [u8], options: &Options) -> Result<Parsed<Webhook<'a>>, Report> {
    into_result(read(input, options, read_webhook))
}

/// Why [`construct_event`] refused a body.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConstructEventError {
    /// The signature did not verify (or, with a [`ReplayWindow`], the
    /// timestamp was outside it); the payload was not returned.
    Signature(SignatureError),
    /// The signature verified, and the body has these issues.
    Payload(Report),
}

impl std::fmt::Display for ConstructEventError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConstructEventError::Signature(e) => write!(f, "webhook refused: {e}"),
            ConstructEventError::Payload(report) => write!(f, "webhook payload refused: {report}"),
        }
    }
}

impl std::error::Error for ConstructEventError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ConstructEventError::Signature(e) => Some(e),
            ConstructEventError::Payload(report) => Some(report),
        }
    }
}

/// Verifies the signature of the exact bytes received (see
/// [`signature::verify`]), then reads them as [`parse_webhook`] does.
pub fn construct_event<'a>(
    input: &'a [u8],
    signature_header: Option<&str>,
    keys: &[&[u8]],
    options: &Options,
) -> Result<Parsed<Webhook<'a>>, ConstructEventError> {
    signature::verify(input, signature_header, keys).map_err(ConstructEventError::Signature)?;
    parse_webhook(input, options).map_err(ConstructEventError::Payload)
}

/// [`construct_event`] with a replay window: after the signature verifies,
/// an envelope whose `timestamp` is missing, unreadable or outside `window`
/// is refused with [`SignatureError::TimestampOutOfTolerance`], before its
/// payload's issues (a replayed delivery is refused as unauthenticated,
/// whatever its content).
///
/// ```
/// use periskope_events::signature::{sign, ReplayWindow, SignatureError};
/// use periskope_events::{construct_event_with_tolerance, sample_payload, ConstructEventError, Options};
/// let data = sample_payload("org.phone.qr").unwrap();
/// let body = format!(r#"{{"event":"org.phone.qr","org_id":"5b1c9d7e-3f42-4a8e-9c61-2d7f0e8a4b13","timestamp":"2025-01-26T13:46:55.758Z","data":{data}}}"#);
/// let (body, header) = (body.as_bytes(), sign(body.as_bytes(), b"peri_key"));
/// let sent = 1_737_899_215_758; // 2025-01-26T13:46:55.758Z
/// let window = ReplayWindow { tolerance_seconds: 300, now_millis: sent + 60_000 };
/// let options = Options::default();
/// assert!(construct_event_with_tolerance(body, Some(&header), &[b"peri_key"], &options, window).is_ok());
/// let late = ReplayWindow { now_millis: sent + 301_000, ..window };
/// let refused = construct_event_with_tolerance(body, Some(&header), &[b"peri_key"], &options, late);
/// assert_eq!(refused.unwrap_err(), ConstructEventError::Signature(SignatureError::TimestampOutOfTolerance));
/// ```
pub fn construct_event_with_tolerance<'a>(
    input: &'a [u8],
    signature_header: Option<&str>,
    keys: &[&[u8]],
    options: &Options,
    window: ReplayWindow,
) -> Result<Parsed<Webhook<'a>>, ConstructEventError> {
    signature::verify(input, signature_header, keys).map_err(ConstructEventError::Signature)?;
    let outcome = read_signed(input, options, window);
    if !outcome.value.as_ref().is_some_and(|(_, in_window)| *in_window) {
        return Err(ConstructEventError::Signature(SignatureError::TimestampOutOfTolerance));
    }
    let Outcome { value, report, output } = outcome;
    into_result(Outcome { value: value.and_then(|(webhook, _)| webhook), report, output }).map_err(ConstructEventError::Payload)
}

/// Reads a signed webhook and says whether its envelope's timestamp lies in
/// `window`. The timestamp is read by the envelope's own rule, even when
/// the rest of the envelope is broken.
fn read_signed<'a>(input: &'a [u8], options: &Options, window: ReplayWindow) -> Outcome<'a, (Option<Webhook<'a>>, bool)> {
    read(input, options, |root, cx| {
        let webhook = read_webhook(root, cx);
        let millis = match &webhook {
            Some(webhook) => Some(webhook.timestamp.millis),
            None => crate::events::envelope::read_timestamp_alone(root, cx.source(), options),
        };
        Some((webhook, millis.is_some_and(|m| window.contains(m))))
    })
}

/// Which payload a call reads, for [`to_js_json`].
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target<'e> {
    /// [`parse_event`]'s payload of the named event.
    Event(&'e str),
    /// [`parse_webhook`]'s envelope.
    Webhook,
}

/// The whole outcome of a call, written to `w`: the bindings write it as a
/// [`Tape`](crate::json::tape::Tape), from which the JavaScript wrapper
/// builds its objects; in JSON text ([`to_js_json`]) it is
///
/// `{"data":<normalized payload or null>,"issues":[{"path","code","message","severity","segments","line"?,"column"?}]}`
///
/// `data` is `null` when any issue is an error, or when `with_data` is false
/// (validation only). The bindings' wire format, not an API.
#[doc(hidden)]
pub fn write_answer<W: Sink>(input: &[u8], options: &Options, target: Target<'_>, with_data: bool, w: &mut W) {
    begin_answer(w);
    let report = match target {
        Target::Event(event) => write_outcome(input, options, |root, cx| read_event_payload(event, root, cx), with_data, w),
        Target::Webhook => write_outcome(input, options, read_webhook, with_data, w),
    };
    end_answer(&report, w);
}

/// Begins an answer, `{"data":`, for [`write_answer`] and
/// [`write_verified_answer`]. One buffer holds the whole answer: the data is
/// written in place, not copied from a writer of its own.
fn begin_answer<W: Sink>(w: &mut W) {
    w.begin_model(const { shape("Answer") });
    w.name("data");
}

/// Ends an answer begun by [`begin_answer`]: its issues.
fn end_answer<W: Sink>(report: &Findings<'_>, w: &mut W) {
    w.name("issues");
    write_issues(report, w);
    w.end_object();
}

/// [`write_answer`] as JSON text: for the native tools (fuzz targets,
/// examples) and the tests that check the tape against it.
#[doc(hidden)]
pub fn to_js_json(input: &[u8], options: &Options, target: Target<'_>, with_data: bool) -> String {
    let mut w = JsonWriter::with_capacity(256);
    write_answer(input, options, target, with_data, &mut w);
    w.finish()
}

/// [`construct_event`]'s answer, written to `w`: `{"signature_error":<n>}`
/// when the signature does not verify (or the timestamp is outside
/// `window`), `n` being the error's place in [`SignatureError::ALL`] plus
/// one; else [`write_answer`]'s webhook outcome. The bindings' wire format,
/// not an API.
#[doc(hidden)]
pub fn write_construct_event_answer<W: Sink>(
    input: &[u8],
    signature_header: Option<&str>,
    keys: &[&[u8]],
    options: &Options,
    window: Option<ReplayWindow>,
    w: &mut W,
) {
    match signature::verify(input, signature_header, keys) {
        Err(e) => write_refusal(e, w),
        Ok(()) => write_verified_answer(input, options, window, w),
    }
}

/// [`write_construct_event_answer`] after the signature was verified by the
/// host (Node's `node:crypto`, on the same bytes, with the keys and the
/// header checked by this crate's rules): the replay window, then the
/// webhook. The bindings' wire format, not an API.
#[doc(hidden)]
pub fn write_verified_answer<W: Sink>(input: &[u8], options: &Options, window: Option<ReplayWindow>, w: &mut W) {
    let Some(window) = window else {
        return write_answer(input, options, Target::Webhook, true, w);
    };
    // One reading gives the window's verdict and the answer.
    let Outcome { value, report, output } = read_signed(input, options, window);
    let Some((webhook, true)) = value else {
        return write_refusal(SignatureError::TimestampOutOfTolerance, w);
    };
    begin_answer(w);
    let report = write_data(input.len(), Outcome { value: webhook, report, output }, true, w);
    end_answer(&report, w);
}

fn write_refusal<W: Sink>(error: SignatureError, w: &mut W) {
    w.begin_object();
    w.key("signature_error");
    w.int(i64::from(signature_error_number(error)));
    w.end_object();
}

/// The number the bindings give `error`: its place in
/// [`SignatureError::ALL`] plus one (0 means verified).
#[doc(hidden)]
pub fn signature_error_number(error: SignatureError) -> u32 {
    let place = SignatureError::ALL.iter().position(|e| *e == error).unwrap_or(0);
    u32::try_from(place).unwrap_or(0) + 1
}

fn write_issues<W: Sink>(findings: &Findings<'_>, w: &mut W) {
    // Room for the usual issue (its path twice, a sentence, a position), so
    // the answer does not grow by copying itself once per few issues.
    w.reserve(findings.issues.iter().map(|i| 24 * i.segments.len() + i.message.len() + 96).sum());
    w.begin_array();
    // The pointers are written into one scratch string, reused.
    let mut path = String::new();
    for (issue, position) in findings.issues.iter().zip(&findings.positions) {
        path.clear();
        crate::issue::write_pointer(&mut path, &issue.segments);
        write_issue(w, &path, issue.code, &issue.message, issue.severity, &issue.segments, *position);
    }
    if let Some(issue) = findings.too_many_issues() {
        write_issue(w, "", issue.code, &issue.message, issue.severity, &[], None);
    }
    w.end_array();
}

/// One issue of the answer: `{"path","code","message","severity","segments","line"?,"column"?}`.
#[allow(clippy::ptr_arg)] // Whether the message is borrowed (a static) is the point.
fn write_issue<W: Sink>(
    w: &mut W,
    path: &str,
    code: IssueCode,
    message: &Cow<'static, str>,
    severity: Severity,
    segments: &[Segment<'_>],
    position: Option<Position>,
) {
    // Two shapes: an issue about no value has no position.
    match position {
        Some(_) => w.begin_model(const { shape("PositionedIssue") }),
        None => w.begin_model(const { shape("Issue") }),
    }
    w.name("path");
    w.string(path);
    w.name("code");
    w.static_string(code.as_str());
    w.name("message");
    match message {
        Cow::Borrowed(message) => w.static_string(message),
        Cow::Owned(message) => w.string(message),
    }
    w.name("severity");
    w.static_string(severity.as_str());
    w.name("segments");
    w.begin_array();
    for segment in segments {
        match segment {
            Segment::Key(key) => w.string(key),
            Segment::Index(i) => w.int(*i as i64),
        }
    }
    w.end_array();
    if let Some(p) = position {
        w.name("line");
        w.int(i64::from(p.line));
        w.name("column");
        w.int(i64::from(p.column));
    }
    w.end_object();
}

trait WriteJson {
    fn write_to<W: Sink>(&self, w: &mut W);
}

impl WriteJson for EventData<'_> {
    fn write_to<W: Sink>(&self, w: &mut W) {
        self.write_json(w);
    }
}

impl WriteJson for Webhook<'_> {
    fn write_to<W: Sink>(&self, w: &mut W) {
        self.write_json(w);
    }
}

/// Reads the input and writes its normalized data (or `null`) as the value
/// of the key just written to `w`.
fn write_outcome<'a, T: WriteJson>(
    input: &'a [u8],
    options: &Options,
    reader: impl FnOnce(&Value<'a>, &mut Cx<'a>) -> Option<T>,
    with_data: bool,
    w: &mut impl Sink,
) -> Findings<'a> {
    write_data(input.len(), read(input, options, reader), with_data, w)
}

/// Writes a reading's normalized data (or `null`) as the value of the key
/// just written to `w`; `input_len`, the input's size, only sizes the room
/// reserved for it.
fn write_data<'a, T: WriteJson>(input_len: usize, outcome: Outcome<'a, T>, with_data: bool, w: &mut impl Sink) -> Findings<'a> {
    let Outcome { value, report, output } = outcome;
    match value {
        Some(v) if with_data && report.is_valid() => {
            // The output was counted against the budget while reading, so
            // that validation gives the same verdict; the writer's limit is
            // a second line, which only a flaw in that count could reach.
            // Room is made for what real payloads write (1.3 to 3.3 times
            // the input on the bench's payloads), so the buffer seldom grows
            // by copying itself.
            let limit = output.saturating_add(64 * 1024);
            w.limit_from_here(input_len.saturating_mul(2).saturating_add(4096), limit);
            v.write_to(w);
            if w.end_limit() {
                let message = format!("the normalized output would need more than the {limit} bytes counted for it");
                return single(IssueCode::TooLarge, message, None);
            }
        }
        _ => w.null(),
    }
    report
}

fn into_result<T>(Outcome { value, report, .. }: Outcome<'_, T>) -> Result<Parsed<T>, Report> {
    let valid = report.is_valid();
    let report = report.into_report();
    match value {
        Some(value) if valid => Ok(Parsed { value, warnings: report.into_issues() }),
        _ => Err(report),
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What [`read`] gives: the value (even when the report has errors, for the
/// callers that look further), the report, and the output it may write.
struct Outcome<'a, T> {
    value: Option<T>,
    report: Findings<'a>,
    /// The output this input may write, as counted against the budget.
    output: usize,
}

/// The pipeline every entry point shares: limits, encoding, syntax,
/// duplicate keys, then the model's reader; positions computed at the end,
/// once, for every issue.
fn read<'a, T>(input: &'a [u8], options: &Options, reader: impl FnOnce(&Value<'a>, &mut Cx<'a>) -> Option<T>) -> Outcome<'a, T> {
    let fail = |report| Outcome { value: None, report, output: 0 };
    if input.len() > options.max_bytes {
        let message = format!("the input is {} bytes, over the limit of {} (option maxBytes)", input.len(), options.max_bytes);
        return fail(single(IssueCode::TooLarge, message, None));
    }
    let (body, bom) = match input.strip_prefix(BOM) {
        Some(rest) => (rest, true),
        None => (input, false),
    };
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(e) => {
            let line_text = String::from_utf8_lossy(body.get(..e.valid_up_to()).unwrap_or_default());
            let position = json::position::positions(&line_text, &[line_text.len()]).pop();
            return fail(single(IssueCode::InvalidEncoding, "the input is not valid UTF-8".into(), position));
        }
    };
    let budget = memory_budget(input.len());
    let (root, duplicates, tree) = match json::parse_within(text, options.depth_limit(), budget) {
        Ok(parsed) => parsed,
        Err(e) => {
            let code = match e.kind {
                ParseErrorKind::Syntax => IssueCode::InvalidJson,
                ParseErrorKind::Encoding => IssueCode::InvalidEncoding,
                ParseErrorKind::TooDeep => IssueCode::TooDeep,
                ParseErrorKind::TooLarge => IssueCode::TooLarge,
            };
            let position = json::position::positions(text, &[e.offset]).pop();
            let message = match (e.kind, position) {
                (ParseErrorKind::TooDeep, _) => format!("{} (limit {})", e.message, options.depth_limit()),
                (ParseErrorKind::TooLarge, _) => format!(
                    "{} ({budget} bytes for a {}-byte input: {} per byte plus {} MiB)",
                    e.message,
                    input.len(),
                    Options::MEMORY_PER_INPUT_BYTE,
                    Options::MEMORY_BASE >> 20
                ),
                (_, Some(p)) => format!("{} at line {}, column {}", e.message, p.line, p.column),
                (_, None) => e.message.to_string(),
            };
            return fail(single(code, message, position));
        }
    };
    // What is left once the tree and the output's share of the input are counted.
    let output_reserve = input.len().saturating_mul(crate::model::OUTPUT_PER_INPUT_BYTE);
    let mut cx = Cx::new(text, options, budget.saturating_sub(tree).saturating_sub(output_reserve));
    if bom {
        let strict_severity = if options.strict { Severity::Error } else { Severity::Warning };
        cx.record(strict_severity, IssueCode::CoercedValue, "a byte order mark before the JSON was ignored".into(), None);
    }
    for d in duplicates {
        cx.push_pending(PendingIssue {
            segments: d.segments.into_iter().map(Segment::from).collect(),
            code: IssueCode::DuplicateKey,
            message: "this key appears more than once in its object; JSON.parse would keep only the last".into(),
            severity: Severity::Error,
            offset: u32::try_from(d.offset).ok(),
        });
    }
    let value = reader(&root, &mut cx);
    let output = output_reserve.saturating_add(cx.fixed_output());
    Outcome { value, report: finish(cx, text), output }
}

/// The issues of one read, as recorded: their paths are still the reading's
/// segments (keys borrowed from the input). The JSON answer is written
/// straight from them; a public [`Report`] is made only when one is asked
/// for.
struct Findings<'a> {
    issues: Vec<PendingIssue<'a>>,
    /// Each issue's position, `None` for an issue about no value.
    positions: Vec<Option<Position>>,
    /// Issues not listed because of `max_issues`, and the errors among them.
    dropped: usize,
    dropped_errors: usize,
}

impl<'a> Findings<'a> {
    /// Whether no issue, listed or not, is an error.
    fn is_valid(&self) -> bool {
        self.dropped_errors == 0 && !self.issues.iter().any(|i| i.severity == Severity::Error)
    }

    /// The `too_many_issues` issue that ends the list when some were not
    /// listed.
    fn too_many_issues(&self) -> Option<Issue> {
        (self.dropped > 0).then(|| Issue {
            path: String::new(),
            code: IssueCode::TooManyIssues,
            message: format!("{} more issues were found and not listed (option maxIssues)", self.dropped).into(),
            // An error only when an unlisted issue is one: many warnings
            // (a large group's unknown colors) must not reject a payload.
            severity: if self.dropped_errors > 0 { Severity::Error } else { Severity::Warning },
            position: None,
            segments: Vec::new(),
        })
    }

    /// The public report: each issue with its JSON Pointer and owned path.
    fn into_report(self) -> Report {
        let last = self.too_many_issues();
        let mut issues: Vec<Issue> = self
            .issues
            .into_iter()
            .zip(self.positions)
            .map(|(p, position)| {
                let mut path = String::new();
                crate::issue::write_pointer(&mut path, &p.segments);
                Issue { position, path, code: p.code, message: p.message, severity: p.severity, segments: into_path(p.segments) }
            })
            .collect();
        issues.extend(last);
        Report::from_issues(issues)
    }
}

/// A reading path as owned steps, its owned keys moved rather than copied
/// (a duplicate key's path below JSON sent in a string is owned already).
fn into_path(segments: Vec<Segment<'_>>) -> Vec<crate::issue::PathSegment> {
    segments
        .into_iter()
        .map(|s| match s {
            Segment::Key(key) => crate::issue::PathSegment::Key(key.into_owned()),
            Segment::Index(i) => crate::issue::PathSegment::Index(i),
        })
        .collect()
}

fn single<'a>(code: IssueCode, message: String, position: Option<Position>) -> Findings<'a> {
    let issue = PendingIssue { segments: Vec::new(), code, message: message.into(), severity: Severity::Error, offset: None };
    Findings { issues: vec![issue], positions: vec![position], dropped: 0, dropped_errors: 0 }
}

fn finish<'a>(cx: Cx<'a>, text: &str) -> Findings<'a> {
    let offsets: Vec<usize> = cx.issues.iter().map(|i| i.offset.unwrap_or(0) as usize).collect();
    let positions = json::position::positions(text, &offsets);
    let positions = cx.issues.iter().zip(positions).map(|(issue, position)| issue.offset.map(|_| position)).collect();
    Findings { issues: cx.issues, positions, dropped: cx.dropped, dropped_errors: cx.dropped_errors }
}

/// The reader of one event's payload: unwraps an envelope of that event.
fn read_event_payload<'a>(event: &str, root: &Value<'a>, cx: &mut Cx<'a>) -> Option<EventData<'a>> {
    if !is_known_event(event) {
        cx.error(IssueCode::UnknownEvent, "this event is not one of the known events", root);
        return None;
    }
    let Kind::Object(members) = &root.kind else {
        cx.wrong_type("an object", root);
        return None;
    };
    if !is_envelope(root) {
        return read_event_data(event, root, cx);
    }
    // A webhook body: check its event, then read its data.
    let name = read_event_name(members, root, cx);
    if name.as_deref().is_some_and(|name| name != event) {
        if let Some(m) = members.iter().find(|m| m.key == "event" || m.key == "event_type") {
            cx.push_key(m.key.clone());
            cx.error(IssueCode::WrongEvent, "this webhook is of another event; use parseWebhook for any event", &m.value);
            cx.pop();
        }
    }
    let data = members.iter().find(|m| m.key == "data")?;
    cx.push_key(data.key.clone());
    let payload = read_event_data(event, &data.value, cx);
    cx.pop();
    payload
}
