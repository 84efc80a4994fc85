#!/usr/bin/env node
'use strict';
// periskope-events validate [--webhook | --event NAME] [--strict] [--max-bytes N] <file | ->
//
// Prints the normalized JSON (exit 0), or every error as `path: message [code]`
// (exit 1). Warnings go to stderr as `warning: path: message [code]`.
// Exit 2 on a usage error or an unreadable file.

const fs = require('node:fs');
const api = require('../node/index.cjs');

const USAGE = `usage: periskope-events validate [--webhook | --event NAME] [--strict] [--max-bytes N] <file | ->

Reads a Periskope payload from a file (or stdin with -) and prints it
normalized, or prints what is wrong with it, one issue per line.

  --webhook      read a webhook body of any event
  --event NAME   read the payload of event NAME (such as message.created),
                 as the SDK hands it or inside a webhook envelope
                 (default: ticket.created)
  --strict       treat warnings and unknown fields as errors
  --max-bytes N  refuse inputs over N bytes (default 8388608)

exit status: 0 valid, 1 invalid, 2 usage error`;

function usage(message) {
  if (message) process.stderr.write('periskope-events: ' + message + '\n');
  process.stderr.write(USAGE + '\n');
  process.exit(2);
}

function main(argv) {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
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
  let input;
  try {
    input = fs.readFileSync(file === '-' ? 0 : file);
  } catch (e) {
    usage('cannot read ' + (file === '-' ? 'stdin' : file) + ': ' + e.code);
  }
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
