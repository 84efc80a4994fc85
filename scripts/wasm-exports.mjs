// Fails when a .wasm exports anything but what every Rust cdylib for
// wasm32-unknown-unknown exports (its memory and two linker symbols): the
// core built without the `wasm-bindings` feature must add no exports to a
// crate that depends on it (a Cloudflare worker in Rust, a Leptos app).
//
//   node scripts/wasm-exports.mjs <file.wasm>
import fs from 'node:fs';

const file = process.argv[2];
const exports = WebAssembly.Module.exports(new WebAssembly.Module(fs.readFileSync(file))).map((e) => e.name);
const linker = new Set(['memory', '__heap_base', '__data_end']);
const ours = exports.filter((name) => !linker.has(name));
if (ours.length > 0) {
  console.error(`${file} exports ${ours.join(', ')}: the core without the wasm-bindings feature must export nothing`);
  process.exit(1);
}
console.log(`${file}: no exports but ${exports.join(', ')}`);
