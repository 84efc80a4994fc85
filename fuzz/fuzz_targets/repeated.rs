//! Slow inputs: a small fragment chosen by the fuzzer, repeated up to 65,535
//! times inside one of the places where a payload can hold many things (a
//! label string, a label array, a members object, unknown keys, array
//! items, nesting, a JSON string inside a field; see repeated_body.rs). Any
//! cost that grows faster than the input shows up as libFuzzer's `-timeout`
//! (scripts/fuzz.sh sets it), which is how the quadratic label
//! de-duplication and the per-key pointer search of the second
//! hostile-input round would have been found.
#![no_main]

mod repeated_body;

use periskope_events::to_js_json;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((body, target)) = repeated_body::body(data) else { return };
    // Whatever it says, it must say it in time and in a bounded output.
    let out = to_js_json(body.as_bytes(), &repeated_body::options(), target, true);
    assert!(out.len() <= periskope_events::memory_budget(body.len()), "output {} bytes for {} of input", out.len(), body.len());
});
