#!/usr/bin/env node
// A static file server for the playground, with no dependency:
//
//   node www-example/serve.mjs            # then open http://127.0.0.1:8080/www-example/
//   node www-example/serve.mjs --port 0   # any free port
//
// It serves the repository (the page loads the package from ../pkg/, which
// `bash scripts/build.sh` writes) on 127.0.0.1 only, with the MIME types
// browsers insist on for ES modules and WebAssembly. Any static server does
// the same job (python3 -m http.server -b 127.0.0.1 8080, from the
// repository root); the tests use this one through startServer().
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Serves `root` on 127.0.0.1; resolves to { url, close() }. */
export function startServer({ root, port = 0 } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let file;
    try {
      const { pathname } = new URL(req.url, 'http://127.0.0.1');
      file = path.join(base, decodeURIComponent(pathname));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!req.url.split('?')[0].endsWith('/')) {
        res.writeHead(301, { location: req.url.split('?')[0] + '/' }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : data);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      resolve({ url, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : 8080;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  if (!fs.existsSync(path.join(root, 'pkg', 'web', 'browser.mjs'))) {
    console.error('pkg/ is missing: run `bash scripts/build.sh` first');
    process.exit(1);
  }
  const { url } = await startServer({ root, port });
  console.log(`playground: ${url}www-example/  (Ctrl-C to stop)`);
}
