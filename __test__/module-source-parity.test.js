// Parity of our native ModuleSource with @endo/module-source 1.5.0 (the reference):
// - the fixture records (generated from the reference) and programs (reviewed output);
// - the record of every module in the corpus (all of lodash-es and the ES modules in
//   node_modules), field by field, including key order;
// - executing both programs in compartments of `ses-reference` (ses 2.3.0) gives the
//   same namespaces (run in a child process, since it calls lockdown()).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import url from 'node:url';
import { execFileSync } from 'node:child_process';
import { ModuleSource as Reference } from '@endo/module-source';
import { ModuleSource } from 'ses/module-source';
import { corpusFiles } from './fixtures/module-source/corpus.js';

const fixtures = path.join(
  path.dirname(url.fileURLToPath(import.meta.url)),
  'fixtures/module-source',
);
const casesDir = path.join(fixtures, 'cases');
const caseNames = fs.readdirSync(casesDir).sort();

const FIELDS = [
  'imports',
  'exports',
  'reexports',
  '__fixedExportMap__',
  '__liveExportMap__',
  '__reexportMap__',
  '__needsImport__',
  '__needsImportMeta__',
];

// A comparable rendering: key order kept, `undefined` made visible.
const render = value =>
  JSON.stringify(value, (k, v) => (v === undefined ? '<undefined>' : v));

const nullToUndefined = value => {
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.map(nullToUndefined);
  if (typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = nullToUndefined(v);
    return out;
  }
  return value;
};

test('fixture records equal the reference records', () => {
  for (const name of caseNames) {
    const dir = path.join(casesDir, name);
    const source = fs.readFileSync(path.join(dir, 'input.js'), 'utf8');
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'record.json'), 'utf8'));
    if (expected.error) {
      assert.throws(() => new ModuleSource(source), SyntaxError, name);
      continue;
    }
    const ours = new ModuleSource(source);
    for (const field of FIELDS) {
      assert.equal(
        render(ours[field]),
        render(nullToUndefined(expected[field])),
        `${name}: ${field}`,
      );
    }
  }
});

test('fixture programs are reproduced byte for byte', () => {
  for (const name of caseNames) {
    const file = path.join(casesDir, name, 'program.js');
    if (!fs.existsSync(file)) continue;
    const source = fs.readFileSync(path.join(casesDir, name, 'input.js'), 'utf8');
    assert.equal(
      new ModuleSource(source).__syncModuleProgram__,
      fs.readFileSync(file, 'utf8'),
      name,
    );
  }
});

test('upstream preserve-format fixture matches', () => {
  const source = fs.readFileSync(path.join(casesDir, 'preserve-format/input.js'), 'utf8');
  const expected = fs.readFileSync(path.join(casesDir, 'preserve-format/program.js'), 'utf8');
  assert.equal(new ModuleSource(source).__syncModuleProgram__, expected);
});

test('corpus records equal the reference records', () => {
  const files = corpusFiles();
  const lodash = files.filter(f => f.includes(`${path.sep}lodash-es${path.sep}`));
  assert.ok(lodash.length > 600, 'all of lodash-es is in the corpus');
  let compared = 0;
  const differences = [];
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    let theirs;
    let ours;
    try {
      theirs = new Reference(source);
    } catch (error) {
      theirs = { error: error.constructor.name };
    }
    try {
      ours = new ModuleSource(source);
    } catch (error) {
      ours = { error: error.constructor.name };
    }
    compared += 1;
    if (theirs.error || ours.error) {
      if (theirs.error !== ours.error) differences.push(`${file}: ${theirs.error} vs ${ours.error}`);
      continue;
    }
    for (const field of FIELDS) {
      if (render(ours[field]) !== render(theirs[field])) {
        // Known upstream bug, deliberately not reproduced: Babel never visits the
        // body of an exported class declaration in its transform pass, so an
        // `import.meta` there is neither rewritten nor flagged, and the program fails
        // to evaluate. We rewrite it and report __needsImportMeta__: true.
        if (
          field === '__needsImportMeta__' &&
          ours[field] === true &&
          /class\b[^]*import\s*\.\s*meta/.test(source)
        ) {
          continue;
        }
        differences.push(`${file}: ${field}`);
      }
    }
  }
  assert.ok(compared > 1000, `corpus has ${compared} files`);
  assert.deepEqual(differences, []);
});

test('programs run the same in ses-reference compartments', () => {
  const out = execFileSync(
    process.execPath,
    [path.join(fixtures, 'run-in-ses.js')],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const results = JSON.parse(out);
  assert.ok(Object.keys(results).length > 40);
  for (const [name, { ours, theirs }] of Object.entries(results)) {
    assert.deepEqual(ours, theirs, name);
  }
  assert.equal(typeof results['lodash-es'].ours, 'object', 'lodash-es loads');
});
