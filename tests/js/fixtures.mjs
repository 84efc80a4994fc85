// Reads the fixtures the shared cases use (hosts with a file system).
import { readFileSync } from 'node:fs';

const dir = new URL('../fixtures/ticket.created/', import.meta.url);
const read = (name) => readFileSync(new URL(name, dir), 'utf8');

export const fixtures = {
  docsPublished: read('invalid/docs-sample-as-published.json'),
  docsFixed: read('valid/docs-sample-commas-fixed.json'),
  realistic: read('valid/realistic.json'),
  prototypeKeys: read('valid/prototype-keys.json'),
};
