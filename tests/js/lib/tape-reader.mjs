// The package's tape reader made from its sources, for the tests that read
// the core's answers outside the package's wrapper: scripts/build-pkg.mjs
// puts pkg-template/src/shapes.js and tape.js into one function's body,
// which returns `readTape(memory, header)`; this does the same.
import fs from 'node:fs';

const read = (file) => fs.readFileSync(new URL(`../../../pkg-template/src/${file}`, import.meta.url), 'utf8');

/** The reader's source: the body of the package's createTapeReader. */
export const tapeReaderSource = read('shapes.js') + '\n' + read('tape.js');

/** A reader made from `source` (the reader's own, unless given). */
export const makeTapeReader = (source = tapeReaderSource) => new Function(source)();

/** The tape's tags, by name, as shapes.js declares them. */
export const TAGS = Object.fromEntries([...read('shapes.js').matchAll(/^const TAPE_(\w+) = (\d+);$/gm)].map((m) => [m[1], Number(m[2])]));
