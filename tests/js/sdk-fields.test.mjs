// Every field the official SDK's payload types declare is a field of our
// model, so strict mode never refuses a field the SDK says Periskope sends.
//
// Read with the TypeScript compiler from the installed declarations: the
// SDK's event map (`EventPayloads` of @periskope/periskope-client, whose
// payload types are @periskope/types') against ours (`EventDataInputMap` of
// the generated pkg-template/types/models.d.ts). For each event, the SDK's
// property names must be a subset of our input model's (index signatures
// aside), and the SDK's type of each field must be assignable to ours; then
// the same for every nested model (a ticket's `ticket`, `chat`, `message`,
// `attached_messages[]`, a chat's `members{}`, a message's `id`...), found by
// following our fields whose type is one of our model interfaces.
//
// Needs only `npm ci` (no build):
//   node --test tests/js/sdk-fields.test.mjs
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ours = `${root}pkg-template/types/models.d.ts`;
const sdk = `${root}node_modules/@periskope/periskope-client/dist/types/eventTypes.d.ts`;

const program = ts.createProgram([ours, sdk], {
  strict: true,
  noEmit: true,
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  target: ts.ScriptTarget.ES2022,
  skipLibCheck: true,
  types: [],
});
const checker = program.getTypeChecker();

/** The declared type of `name`, exported by the file at `path`. */
function exported(path, name) {
  const file = program.getSourceFile(path);
  assert.ok(file, `${path} was not read (run npm ci at the repository root)`);
  const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(file)).find((s) => s.name === name);
  assert.ok(symbol, `${path} exports no ${name}`);
  return checker.getDeclaredTypeOfSymbol(symbol);
}

/** The object types a (non-null) type is made of. */
function objects(type) {
  const t = checker.getNonNullableType(type);
  return (t.isUnion() ? t.types : [t]).filter((c) => c.flags & ts.TypeFlags.Object);
}

/** Property names, without index signatures (they are no field). */
function names(type) {
  return new Set(objects(type).flatMap((o) => checker.getPropertiesOfType(o).map((p) => p.name)));
}

/** The type of property `name` of the object type `type`. */
function propertyType(type, name) {
  const p = checker.getPropertyOfType(type, name);
  return p && checker.getTypeOfSymbol(p);
}

/** Whether `type` is one of our model interfaces (declared in models.d.ts). */
function isOurModel(type) {
  const decl = type.symbol?.declarations?.[0];
  return Boolean(decl && ts.isInterfaceDeclaration(decl) && decl.getSourceFile().fileName === ours);
}

/** The type of property `name` of `type` as written (`ObjChatType`). */
function declaredAs(type, name) {
  const decl = checker.getPropertyOfType(type, name)?.declarations?.[0];
  return decl?.type ? decl.type.getText() : show(propertyType(type, name));
}

const show = (type) => checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);

/**
 * Compares the SDK's object type with our model at `path`: pushes the
 * missing names and the disagreeing types to `problems`, and recurses into
 * nested models. `seen` visits each pair of an SDK type and a model once.
 */
function compare(sdkType, ourType, path, problems, seen) {
  if (seen.get(sdkType)?.has(ourType)) return;
  seen.set(sdkType, (seen.get(sdkType) ?? new Set()).add(ourType));
  const ourNames = names(ourType);
  if (names(sdkType).size === 0) problems.push(`${path}: the SDK's type declares no field (is it resolved?)`);
  const missing = [...names(sdkType)].filter((n) => !ourNames.has(n)).sort();
  if (missing.length) problems.push(`${path} (${ourType.symbol.name}) lacks: ${missing.join(', ')}`);
  for (const name of [...names(sdkType)].filter((n) => ourNames.has(n)).sort()) {
    const theirs = checker.getNonNullableType(propertyType(sdkType, name));
    const mine = propertyType(ourType, name);
    if (!checker.isTypeAssignableTo(theirs, mine)) {
      problems.push(`${path}.${name}: the SDK's ${show(theirs)} is not assignable to our ${show(mine)}`);
    }
    for (const part of objects(mine)) {
      if (isOurModel(part)) {
        for (const o of objects(theirs)) compare(o, part, `${path}.${name}`, problems, seen);
      } else if (checker.isArrayType(part) && isOurModel(checker.getTypeArguments(part)[0])) {
        const element = checker.getTypeArguments(part)[0];
        for (const o of objects(theirs).filter((t) => checker.isArrayType(t))) {
          for (const e of objects(checker.getTypeArguments(o)[0])) compare(e, element, `${path}.${name}[]`, problems, seen);
        }
      } else {
        const value = checker.getIndexInfoOfType(part, ts.IndexKind.String)?.type;
        if (value && isOurModel(value)) {
          for (const o of objects(theirs)) {
            const theirValue = checker.getIndexInfoOfType(o, ts.IndexKind.String)?.type;
            for (const e of theirValue ? objects(theirValue) : []) compare(e, value, `${path}.${name}{}`, problems, seen);
          }
        }
      }
    }
  }
}

const sdkEvents = exported(sdk, 'EventPayloads');
const ourEvents = exported(ours, 'EventDataInputMap');

test('the SDK and we know the same events', () => {
  assert.deepEqual([...names(ourEvents)].sort(), [...names(sdkEvents)].sort());
});

// Events that share a payload type (and so a model) are checked together.
const groups = new Map();
for (const event of [...names(sdkEvents)].sort()) {
  const theirs = propertyType(sdkEvents, event);
  const mine = propertyType(ourEvents, event);
  const sdkName = declaredAs(sdkEvents, event);
  const key = `${sdkName} → ${mine ? declaredAs(ourEvents, event) : '(no model)'}`;
  if (!groups.has(key)) groups.set(key, { sdkName, theirs, mine, events: [] });
  groups.get(key).events.push(event);
}

for (const [key, { sdkName, theirs, mine, events }] of groups) {
  test(`${key} (${events.join(', ')}): every field the SDK declares is ours, of a type we accept`, () => {
    assert.ok(mine, `we have no model for ${events.join(', ')}`);
    assert.ok(objects(theirs).length > 0, `the SDK's ${sdkName} did not resolve to an object type (run npm ci)`);
    const problems = [];
    for (const o of objects(theirs)) compare(o, checker.getNonNullableType(mine), sdkName, problems, new Map());
    if (problems.length) {
      const list = problems.join('\n  ');
      assert.fail(`@periskope/types declares what our models do not accept (model it in src/events/):\n  ${list}`);
    }
  });
}
