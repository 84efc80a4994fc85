// Builds the objects of an answer from the tape the core wrote
// (src/json/tape.rs has the format). scripts/build-pkg.mjs puts this file,
// after the generated shapes.js (the tags and one object literal per
// shape), into the body of `function createTapeReader()`, which returns
// `readTape`.
//
// Why a tape: the core used to answer with JSON text, which this wrapper
// then parsed; that text, with every field the SDK declares and the derived
// ones, is 1.3 to 3.3 times the body, and its `JSON.parse` built every
// object a second time (37 to 48% of a call). From the tape each object is
// built once, by its shape's object literal, with its strings sliced from
// its slabs' decoded pieces (below); the rules stay in the core, which wrote
// every value. Only values passed through as the sender wrote them (an
// unknown field's object, say) are JSON text, given to `JSON.parse`.

// Each slab is decoded a piece at a time, each piece starting where a
// string does and at least CHUNK bytes long: V8 slices strings of 13 units
// or more out of the string they come from, so a string the caller keeps
// (a dedup key in a cache) holds its piece in memory, not the whole answer
// (300 answers of 1 MiB, each keeping two ids: a few MB instead of 305 MB).
// A small answer is one piece; on large ones, pieces cost up to a fifth of
// the building (1 KiB pieces, measured: a third).
const CHUNK = 4096;

// Safari 16 to 18.4 fails a TextDecoder that has decoded about 2 GiB in
// all (wasm-bindgen issue #4471, worked around in #4472): a new one is
// made well before; the first, empty decode of each works around an older
// Safari bug with the BOM (wasm-bindgen #1825), as wasm-bindgen does.
const DECODER_BYTES = 2000000000;
let decoder = null;
let decoded = DECODER_BYTES;
function decode(bytes) {
  decoded += bytes.length;
  if (decoded >= DECODER_BYTES) {
    decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    decoder.decode();
    decoded = bytes.length;
  }
  return decoder.decode(bytes);
}

// wasm memory is little-endian; typed arrays have the host's byte order.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

// Views of the whole wasm memory, made again only when the buffer changes
// (a call that grows the memory detaches the old one, and a replaced
// instance has its own): an answer's words and slabs are read through them
// at their offsets, rather than through four views made per call (about
// 300 ns, measured apart). `forgetViews` lets a replaced instance's memory
// go.
let viewedBuffer = null;
let memoryWords = null;
let memoryBytes = null;
function forgetViews() {
  viewedBuffer = memoryWords = memoryBytes = null;
}

let words = null;
let at = 0;
let end = 0;
// The answer's statics (strings of the core's own, which it repeats), in
// the order they came.
const statics = [];
// The ASCII slab: where it ends in `memoryBytes`, the piece decoded
// (`asciiText`, bytes `asciiFrom` to `asciiTo`) and the next string's
// offset.
let asciiEnd = 0;
let asciiText = '';
let asciiFrom = 0;
let asciiTo = 0;
let asciiAt = 0;
// The wide slab: the same, with offsets in bytes and in UTF-16 units.
let wideEnd = 0;
let wideText = '';
let wideFrom = 0;
let wideTo = 0;
let wideUnitsFrom = 0;
let wideAt = 0;
let wideUnitsAt = 0;

// The next word. Past the tape's end (only a tape the core wrote wrong),
// an error rather than the memory beyond it: `words` is the whole memory.
function next() {
  if (at >= end) throw new Error('periskope-events: the core wrote a tape that ends inside a value');
  return words[at++];
}

// Whether the next word ends an array or object (an error past the end).
function closes() {
  if (at >= end) throw new Error('periskope-events: the core wrote a tape that ends inside a value');
  return words[at] === TAPE_END;
}

function length(word) {
  const n = word >>> 4;
  return n === TAPE_LONG ? next() >>> 0 : n;
}

// The next `n` bytes of the ASCII slab, as a string.
function ascii(n) {
  const start = asciiAt;
  const end = (asciiAt += n);
  if (end > asciiTo) {
    if (end > asciiEnd) throw new Error('periskope-events: the core wrote a string past its slab');
    asciiFrom = start;
    asciiTo = Math.min(asciiEnd, Math.max(end, start + CHUNK));
    asciiText = decode(memoryBytes.subarray(asciiFrom, asciiTo));
  }
  return asciiText.slice(start - asciiFrom, end - asciiFrom);
}

// The next string of the wide slab: `units` UTF-16 units, then the word of
// its length in bytes. A piece that ends inside a later string's character
// decodes that character wrong, past every string read from the piece.
function wide(units) {
  const start = wideAt;
  const end = (wideAt += next() >>> 0);
  const unitsStart = wideUnitsAt;
  wideUnitsAt += units;
  if (end > wideTo) {
    if (end > wideEnd) throw new Error('periskope-events: the core wrote a string past its slab');
    wideFrom = start;
    wideUnitsFrom = unitsStart;
    wideTo = Math.min(wideEnd, Math.max(end, start + CHUNK));
    wideText = decode(memoryBytes.subarray(wideFrom, wideTo));
  }
  return wideText.slice(unitsStart - wideUnitsFrom, wideUnitsAt - wideUnitsFrom);
}

function value() {
  const word = next();
  switch (word & 15) {
    case TAPE_NULL:
      return null;
    case TAPE_STRING:
      return ascii(length(word));
    case TAPE_MODEL:
      return members(TAPE_SHAPES[word >>> 4](value));
    case TAPE_INT:
      // The payload is the integer's 28 bits, two's complement.
      return word >> 4;
    case TAPE_FALSE:
      return false;
    case TAPE_TRUE:
      return true;
    case TAPE_ARRAY: {
      const items = [];
      while (!closes()) items.push(value());
      at++;
      return items;
    }
    case TAPE_WIDE_STRING:
      return wide(length(word));
    case TAPE_STATIC:
      return statics[word >>> 4];
    case TAPE_NEW_STATIC: {
      const text = ascii(length(word));
      statics.push(text);
      return text;
    }
    case TAPE_OBJECT:
      return members({});
    case TAPE_NUMBER:
      // JSON number text: `+` reads it as JSON.parse does.
      return +ascii(length(word));
    case TAPE_JSON:
      return JSON.parse(ascii(length(word)));
    case TAPE_WIDE_JSON:
      return JSON.parse(wide(length(word)));
  }
  throw new Error('periskope-events: the core wrote a tape tag (' + (word & 15) + ') this wrapper does not know');
}

// The sender's keys and values until the end of the object.
function members(object) {
  while (!closes()) {
    const key = value();
    const item = value();
    // An assignment to a key the object inherits would reach its prototype
    // (`__proto__` sets it, a setter runs, a frozen Object.prototype's key
    // throws); JSON.parse makes each one an own key like any other.
    if (key in object) Object.defineProperty(object, key, { value: item, writable: true, enumerable: true, configurable: true });
    else object[key] = item;
  }
  at++;
  return object;
}

// Reads the answer whose header (six 32-bit numbers: where the words, the
// ASCII slab and the wide slab lie, and their lengths) is at `header` in
// `memory`. The views are checked here, after the call: a call may grow the
// memory, which detaches the views made before it.
function readTape(memory, header) {
  const buffer = memory.buffer;
  if (buffer !== viewedBuffer) {
    viewedBuffer = buffer;
    memoryWords = new Int32Array(buffer, 0, buffer.byteLength >>> 2);
    memoryBytes = new Uint8Array(buffer);
  }
  // The core aligns the header and the words to four bytes.
  if (header & 3 || header + 24 > buffer.byteLength) throw new Error('periskope-events: the core wrote a tape header that does not fit its memory');
  const head = (i) => (LITTLE_ENDIAN ? memoryWords[(header >>> 2) + i] >>> 0 : new DataView(buffer).getUint32(header + 4 * i, true));
  const wordsAt = head(0);
  const wordCount = head(1);
  const asciiStart = head(2);
  const wideStart = head(4);
  asciiEnd = asciiStart + head(3);
  wideEnd = wideStart + head(5);
  if (wordsAt & 3 || wordsAt + wordCount * 4 > buffer.byteLength || asciiEnd > buffer.byteLength || wideEnd > buffer.byteLength) {
    throw new Error('periskope-events: the core wrote a tape header that does not fit its memory');
  }
  if (LITTLE_ENDIAN) {
    words = memoryWords;
    at = wordsAt >>> 2;
  } else {
    const view = new DataView(buffer, wordsAt, wordCount * 4);
    words = new Int32Array(wordCount);
    for (let i = 0; i < wordCount; i++) words[i] = view.getInt32(i * 4, true);
    at = 0;
  }
  end = at + wordCount;
  asciiAt = asciiFrom = asciiTo = asciiStart;
  wideAt = wideFrom = wideTo = wideStart;
  wideUnitsAt = wideUnitsFrom = 0;
  try {
    const answer = value();
    if (at !== end) throw new Error('periskope-events: the core wrote a tape with words left over');
    return answer;
  } finally {
    // Nothing of this answer is kept once it is read.
    words = null;
    asciiText = wideText = '';
    statics.length = 0;
  }
}

readTape.forgetViews = forgetViews;

return readTape;
