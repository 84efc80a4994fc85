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
// two strings decoded at once; the rules stay in the core, which wrote
// every value. Only values passed through as the sender wrote them (an
// unknown field's object, say) are JSON text, given to `JSON.parse`.

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
let words = null;
// The answer's statics (strings of the core's own, which it repeats), in
// the order they came.
const statics = [];
let ascii = '';
let wide = '';
let at = 0;
let asciiAt = 0;
let wideAt = 0;

function length(word) {
  const n = word >>> 4;
  return n === TAPE_LONG ? words[at++] >>> 0 : n;
}

function value() {
  const word = words[at++];
  switch (word & 15) {
    case TAPE_NULL:
      return null;
    case TAPE_STRING: {
      const start = asciiAt;
      asciiAt += length(word);
      return ascii.slice(start, asciiAt);
    }
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
      while (words[at] !== TAPE_END) items.push(value());
      at++;
      return items;
    }
    case TAPE_WIDE_STRING: {
      const start = wideAt;
      wideAt += length(word);
      return wide.slice(start, wideAt);
    }
    case TAPE_STATIC:
      return statics[word >>> 4];
    case TAPE_NEW_STATIC: {
      const start = asciiAt;
      asciiAt += length(word);
      const text = ascii.slice(start, asciiAt);
      statics.push(text);
      return text;
    }
    case TAPE_OBJECT:
      return members({});
    case TAPE_NUMBER: {
      // JSON number text: `+` reads it as JSON.parse does.
      const start = asciiAt;
      asciiAt += length(word);
      return +ascii.slice(start, asciiAt);
    }
    case TAPE_JSON: {
      const start = asciiAt;
      asciiAt += length(word);
      return JSON.parse(ascii.slice(start, asciiAt));
    }
    case TAPE_WIDE_JSON: {
      const start = wideAt;
      wideAt += length(word);
      return JSON.parse(wide.slice(start, wideAt));
    }
  }
  throw new Error('periskope-events: the core wrote a tape tag (' + (word & 15) + ') this wrapper does not know');
}

// The sender's keys and values until the end of the object.
function members(object) {
  while (words[at] !== TAPE_END) {
    const key = value();
    const item = value();
    // An assignment to `__proto__` would set the prototype; JSON.parse
    // makes it a key like any other.
    if (key === '__proto__') Object.defineProperty(object, key, { value: item, writable: true, enumerable: true, configurable: true });
    else object[key] = item;
  }
  at++;
  return object;
}

// Reads the answer whose header (six 32-bit numbers: where the words, the
// ASCII slab and the wide slab lie, and their lengths) is at `header` in
// `memory`. The views are made here, after the call: a call may grow the
// memory, which detaches the views made before it.
function readTape(memory, header) {
  const buffer = memory.buffer;
  const [wordsAt, wordCount, asciiStart, asciiLength, wideStart, wideLength] = new Uint32Array(buffer, header, 6);
  words = new Int32Array(buffer, wordsAt, wordCount);
  ascii = asciiLength === 0 ? '' : decoder.decode(new Uint8Array(buffer, asciiStart, asciiLength));
  wide = wideLength === 0 ? '' : decoder.decode(new Uint8Array(buffer, wideStart, wideLength));
  at = 0;
  asciiAt = 0;
  wideAt = 0;
  try {
    const answer = value();
    if (at !== wordCount) throw new Error('periskope-events: the core wrote a tape with words left over');
    return answer;
  } finally {
    // Nothing of this answer is kept once it is read.
    words = null;
    ascii = '';
    wide = '';
    statics.length = 0;
  }
}

return readTape;
