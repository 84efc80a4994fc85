// The README's examples compile under tsc --strict, as written: every js/ts
// block of README.md becomes a module (with the package as installed, and
// the types of the frameworks the examples use) and is type-checked with
// module node16 and bundler resolution. A block that stops compiling fails
// here, not in a user's editor.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'target', 'readme-examples');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```(?:js|ts)\n([\s\S]*?)```/g)].map((m) => m[1]);

test('the README has its examples', () => {
  assert.ok(blocks.length >= 4, `${blocks.length} blocks`);
});

for (const resolution of ['node16', 'bundler']) {
  test(`README.md's examples compile under tsc --strict (${resolution})`, { timeout: 120000 }, () => {
    const dir = path.join(out, resolution);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    // .mts: ES modules whatever the nearest package.json says, so top-level
    // await and import.meta compile as users' modules do.
    blocks.forEach((code, i) => fs.writeFileSync(path.join(dir, `example-${i}.mts`), code + '\nexport {};\n'));
    const tsconfig = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: resolution === 'node16' ? 'node16' : 'esnext',
        moduleResolution: resolution,
        target: 'es2022',
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [path.join(root, 'node_modules', '@types')],
      },
      include: ['*.mts'],
    };
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    // The package as a user installs it (the tarball in tests/js/node_modules),
    // found first by resolution from these files; the rest (express, the
    // official SDK, their types) from the workspace's dev dependencies above.
    const modules = path.join(out, 'node_modules');
    fs.mkdirSync(modules, { recursive: true });
    const link = path.join(modules, 'periskope-events');
    fs.rmSync(link, { recursive: true, force: true });
    fs.symlinkSync(path.join(root, 'tests', 'js', 'node_modules', 'periskope-events'), link, 'dir');
    const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
    try {
      execFileSync(tsc, ['-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      assert.fail(`README.md's examples do not compile (${resolution}), files in ${dir}:\n${e.stdout}${e.stderr}`);
    }
  });
}
