'use strict';
// The only module that can reach the native binding. It loads the addon on first use,
// checks every argument before it crosses the boundary, and turns the binding's plain
// string results into values. Nothing here is ever handed to guest code.
//
// The Rust side never returns source text decoded from UTF-8: it returns positions
// (UTF-16 offsets into the string it was given) and small JSON documents, and the text
// here is cut from the caller's own string; a module's program comes back built from the
// caller's own UTF-16 code units. Either way lone surrogates and every other code unit
// survive exactly.

const {
  TypeError,
  Error,
  freeze,
  jsonParse,
  stringSlice,
  arrayJoin,
  arrayPush,
  universalThis,
  isArray,
} = require('./commons.js');

const { platform, arch } = universalThis.process;

let binding;

// Candidate locations, in order: a binary built in this checkout (by `npm install`),
// then the per-platform npm package (napi-rs convention).
const candidates = () => {
  const triples = [];
  if (platform === 'linux') {
    // glibc first: musl hosts fail that dlopen and fall through.
    arrayPush(triples, `linux-${arch}-gnu`, `linux-${arch}-musl`);
  } else if (platform === 'win32') {
    arrayPush(triples, `win32-${arch}-msvc`);
  } else {
    arrayPush(triples, `${platform}-${arch}`);
  }
  const paths = [];
  for (const triple of triples) {
    arrayPush(paths, `../ses-native.${triple}.node`, `ses-native-${triple}`);
  }
  return paths;
};

const loadBinding = () => {
  if (binding !== undefined) return binding;
  const failures = [];
  for (const path of candidates()) {
    try {
      // eslint-disable-next-line global-require, import/no-dynamic-require
      binding = require(path);
      return binding;
    } catch (error) {
      arrayPush(failures, `${path}: ${error && error.message}`);
    }
  }
  throw Error(
    `ses: cannot load the native addon for ${platform}-${arch}. Run \`npm install\` in the package to build it.\n${arrayJoin(failures, '\n')}`,
  );
};

const assertString = (value, what) => {
  if (typeof value !== 'string') {
    throw TypeError(`${what} must be a string, got ${typeof value}`);
  }
};

// `edits` is a flat array [start, end, text, start, end, text, ...], sorted and
// non-overlapping, with offsets in UTF-16 code units of `source`.
const applyEdits = (source, edits) => {
  const parts = [];
  let at = 0;
  for (let i = 0; i < edits.length; i += 3) {
    arrayPush(parts, stringSlice(source, at, edits[i]), edits[i + 2]);
    at = edits[i + 1];
  }
  if (edits.length === 0) return source;
  arrayPush(parts, stringSlice(source, at));
  return arrayJoin(parts, '');
};

/**
 * Parses an ES module and builds its functor program, with `//# sourceURL=<sourceUrl>`
 * appended when `sourceUrl` is a string.
 * Returns `{ result, program }`: `result` is either { ok: true, imports, exports,
 * reexports, fixedExportMap, liveExportMap, reexportMap, needsImport, needsImportMeta,
 * headLength, eagerLength, eagerImports, clean, names } or { ok: false, message,
 * line, column }; `program` (when ok) is the eager program's text (its first
 * `eagerLength` code units) followed by the functor program's, both made from the code
 * units of `source` itself.
 */
const analyzeModuleSource = (source, sourceUrl) => {
  assertString(source, 'module source');
  if (sourceUrl !== undefined) assertString(sourceUrl, 'source URL');
  const { record, program } = loadBinding().analyzeModuleSource(source, sourceUrl);
  return { result: jsonParse(record), program };
};

// Bits of the `checks` mask, in the order the checks run.
const CHECK_HTML_COMMENT = 1;
const CHECK_IMPORT_EXPRESSION = 2;
const CHECK_DIRECT_EVAL = 4;
// With this bit the direct-eval check runs first (the order compartment.evaluate uses).
const CHECK_DIRECT_EVAL_FIRST = 8;

/**
 * Runs the regex-equivalent rejection checks selected by `checks`.
 * Returns undefined when the source passes, else { code, line, url } for the first
 * check (in mask-bit order) that matched.
 */
const findRejection = (source, checks) => {
  assertString(source, 'source');
  const found = loadBinding().findRejection(source, checks);
  return found === null || found === undefined ? undefined : jsonParse(found);
};

// Evasion rewrites (`__evadeHtmlCommentTest__`, `__evadeImportExpressionTest__`).
const EVADE_HTML_COMMENT = 1;
const EVADE_IMPORT_EXPRESSION = 2;

const evade = (source, which) => {
  assertString(source, 'source');
  const edits = jsonParse(loadBinding().evasionEdits(source, which));
  if (!isArray(edits)) {
    // An internal failure of the native side: never hand back the source unchanged.
    throw Error(`ses: evasion transform failed: ${edits.message}`);
  }
  return applyEdits(source, edits);
};

// Loads the addon now (it is otherwise loaded on first use), without handing it out.
const preloadBinding = () => {
  loadBinding();
};

module.exports = freeze({
  preloadBinding,
  analyzeModuleSource,
  findRejection,
  evade,
  CHECK_HTML_COMMENT,
  CHECK_IMPORT_EXPRESSION,
  CHECK_DIRECT_EVAL,
  CHECK_DIRECT_EVAL_FIRST,
  EVADE_HTML_COMMENT,
  EVADE_IMPORT_EXPRESSION,
});
