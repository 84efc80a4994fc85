#!/usr/bin/env node
'use strict';
// periskope-events validate [--webhook | --event NAME] [--strict] [--max-bytes N] <file | ->
// periskope-events --version | --help
//
// Prints the normalized JSON (exit 0), or every error as `path: message [code]`
// (exit 1). Warnings go to stderr as `warning: path: message [code]`.
// Exit 2 on a usage error or an unreadable file.
//
// It never reads more than --max-bytes + 1 bytes: a regular file over the
// limit is refused from its size alone, and stdin, a pipe or a device is
// read with a running count that stops one byte past the limit.

const fs = require('node:fs');
const api = require('../node/index.cjs');

const USAGE = `usage: periskope-events validate [--webhook | --event NAME] [--strict] [--max-bytes N] <file | ->
       periskope-events --version

Reads a Periskope payload from a file (or stdin with -) and prints it
normalized, or prints what is wrong with it, one issue per line.

  --webhook      read a webhook body of any event
  --event NAME   read the payload of event NAME (such as message.created),
                 as the SDK hands it or inside a webhook envelope
                 (default: ticket.created)
  --strict       treat warnings and unknown fields as errors
  --max-bytes N  refuse inputs over N bytes (default ${api.defaults.maxBytes})

exit status: 0 valid, 1 invalid, 2 usage error`;

function usage(message) {
  if (message) process.stderr.write('periskope-events: ' + message + '\n');
  process.stderr.write(USAGE + '\n');
  process.exit(2);
}

function fatal(message) {
  process.stderr.write('periskope-events: ' + message + '\n');
  process.exit(2);
}

const ERRNO = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
};

function cannotRead(name, e) {
  const code = e && e.code;
  fatal('cannot read ' + name + ': ' + (ERRNO[code] || (e && e.message) || String(e)) + (code ? ' (' + code + ')' : ''));
}

function tooLarge(what, maxBytes) {
  return { path: '', code: 'too_large', message: what + ', over the limit of ' + maxBytes + ' (--max-bytes)', severity: 'error' };
}

// At most maxBytes + 1 bytes of `fd`: `{ bytes }`, or `{ issue }` when there
// is more. A regular file's size is checked before anything is read.
function readCapped(fd, maxBytes) {
  const stat = fs.fstatSync(fd);
  if (stat.isFile() && stat.size > maxBytes) return { issue: tooLarge('the file is ' + stat.size + ' bytes', maxBytes) };
  const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, stat.isFile() ? stat.size + 1 : 64 * 1024));
  let chunks = [];
  let length = 0;
  let chunk = buffer;
  let used = 0;
  for (;;) {
    let n;
    try {
      n = fs.readSync(fd, chunk, used, Math.min(chunk.length - used, maxBytes + 1 - length), null);
    } catch (e) {
      // A non-blocking stdin (a TTY or pipe some parents hand over) has no
      // data yet: wait a little, synchronously, and try again.
      if (e.code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (e.code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    used += n;
    length += n;
    if (length > maxBytes) return { issue: tooLarge('the input is more than ' + maxBytes + ' bytes', maxBytes) };
    if (used === chunk.length) {
      chunks.push(chunk);
      chunk = Buffer.allocUnsafe(Math.min(Math.max(chunk.length * 2, 64 * 1024), maxBytes + 1 - length));
      used = 0;
    }
  }
  chunks.push(chunk.subarray(0, used));
  return { bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length) };
}

function main(argv) {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (command === '--version' || command === '-v' || command === '-V') {
    process.stdout.write('periskope-events ' + require('../package.json').version + '\n');
    return 0;
  }
  if (command !== 'validate') usage(command ? 'unknown command ' + JSON.stringify(command) : 'no command given');
  const options = {};
  let webhook = false;
  let event = 'ticket.created';
  let file;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--webhook') webhook = true;
    else if (arg === '--event') {
      event = rest[++i];
      if (!api.isKnownEvent(event)) usage('--event needs one of: ' + api.knownEvents.join(', '));
    }
    else if (arg === '--strict') options.strict = true;
    else if (arg === '--max-bytes') {
      const n = Number(rest[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 0xffffffff) usage('--max-bytes needs a positive integer');
      options.maxBytes = n;
    } else if (arg.startsWith('-') && arg !== '-') usage('unknown option ' + JSON.stringify(arg));
    else if (file === undefined) file = arg;
    else usage('only one file can be validated at a time');
  }
  if (file === undefined) usage('no file given (use - for stdin)');
  const maxBytes = options.maxBytes || api.defaults.maxBytes;
  const name = file === '-' ? 'stdin' : file;
  let read;
  let fd = 0;
  try {
    if (file !== '-') fd = fs.openSync(file, 'r');
    read = readCapped(fd, maxBytes);
  } catch (e) {
    cannotRead(name, e);
  } finally {
    if (fd !== 0) fs.closeSync(fd);
  }
  if (read.issue) {
    process.stdout.write(api.formatIssue(read.issue) + '\n');
    return 1;
  }
  const input = read.bytes;
  const result = webhook ? api.safeParseWebhook(input, options) : api.safeParseEvent(event, input, options);
  const warnings = result.success ? result.warnings : result.error.warnings;
  for (const w of warnings) process.stderr.write('warning: ' + api.formatIssue(w) + '\n');
  if (!result.success) {
    for (const e of result.error.errors) process.stdout.write(api.formatIssue(e) + '\n');
    return 1;
  }
  process.stdout.write(JSON.stringify(result.data, null, 2) + '\n');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
