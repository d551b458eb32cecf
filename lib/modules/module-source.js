'use strict';
// ModuleSource: parses an ES module with the native core and presents the record that
// `ses` compartments consume (spec section 6.2), shaped like @endo/module-source's.
//
// The Rust side returns the record facts and the program, built from the caller's own
// UTF-16 code units: every original token keeps its line (and, outside rewritten
// declarations, its column).

const {
  TypeError,
  SyntaxError,
  WeakMap,
  create,
  freeze,
  stringSlice,
  weakmapGet,
  weakmapSet,
  setPrototypeOf,
  arrayPush,
  arrayJoin,
  stringCharCodeAt,
  jsonStringify,
  universalThis,
  regexpTest,
} = require('../commons.js');
const { analyzeModuleSource } = require('../native.js');

// Captured at load, like every other intrinsic the layer relies on.
const { URL } = universalThis;

// A `//# sourceURL=` comment runs to the end of its line: only a value that survives
// URL serialization (which strips or escapes every line terminator) is written.
// A `file:` URL of plain path segments (none `.` or `..`) is its own serialization: it
// is returned without building a URL object (a few microseconds per module).
const PLAIN_FILE_URL = /^file:\/\/\/(?:(?!\.\.?(?:\/|$))[\w.~-]*\/)*(?!\.\.?$)[\w.~-]*$/;
const sanitizeSourceUrl = sourceUrl => {
  if (typeof sourceUrl !== 'string' || typeof URL !== 'function') {
    return undefined;
  }
  if (regexpTest(PLAIN_FILE_URL, sourceUrl)) {
    return sourceUrl;
  }
  try {
    return new URL(sourceUrl).href;
  } catch {
    return undefined;
  }
};

const BASE64 =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const vlq = value => {
  let v = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    out += BASE64[digit];
  } while (v > 0);
  return out;
};

// The program keeps every source line on the same line (after the head, which shares
// line 1), so the map sends the start of each generated line to the start of the same
// source line.
const makeSourceMap = (source, headLength, sourceMapUrl) => {
  const lines = [];
  let previousLine = 0;
  let lineCount = 1;
  for (let i = 0; i < source.length; i += 1) {
    const c = stringCharCodeAt(source, i);
    if (c === 10 || c === 0x2028 || c === 0x2029) {
      lineCount += 1;
    } else if (c === 13) {
      if (stringCharCodeAt(source, i + 1) === 10) i += 1;
      lineCount += 1;
    }
  }
  for (let line = 0; line < lineCount; line += 1) {
    const column = line === 0 ? headLength : 0;
    arrayPush(lines, `${vlq(column)}A${vlq(line - previousLine)}A`);
    previousLine = line;
  }
  return {
    version: 3,
    names: [],
    sources: [sourceMapUrl],
    sourcesContent: [source],
    mappings: arrayJoin(lines, ';'),
    ignoreList: [],
  };
};

// Record maps are null-prototype objects, as upstream builds them. The native side sends
// each as `[key, value]` pairs in insertion order (assigning them here gives the same
// key order as an object literal would).
const nullProtoFromPairs = (pairs, mapValue) => {
  const copy = create(null);
  for (let i = 0; i < pairs.length; i += 1) {
    copy[pairs[i][0]] = mapValue(pairs[i][1]);
  }
  return freeze(copy);
};

const undefinedForNull = value => (value === null ? undefined : value);

// A string-literal export name reads as `undefined` upstream; the JSON carries null.
// (The arrays are the parser's own, fresh from JSON.parse: changed in place.)
const freezePairs = pairs => {
  for (let i = 0; i < pairs.length; i += 1) {
    const pair = pairs[i];
    pair[0] = undefinedForNull(pair[0]);
    pair[1] = undefinedForNull(pair[1]);
    freeze(pair);
  }
  return freeze(pairs);
};

const freezeNames = names => {
  for (let i = 0; i < names.length; i += 1) {
    if (names[i] === null) names[i] = undefined;
  }
  return freeze(names);
};

// --- the eager form of a program ----------------------------------------------------
//
// `__syncModuleProgram__` is an arrow: V8 pre-parses it when the program is evaluated
// and parses it again, in full, when the functor is first called. The module loader of
// this package evaluates instead an equivalent program whose functor is a parenthesized
// function expression, which V8 compiles once, eagerly. It takes the five values as
// positional parameters, and its head has the arrow head's length, so every line and
// column of the module's code is where it is in `__syncModuleProgram__`.
// Its `$h\u034f_imports` call passes a single updater for all the imported locals,
// called with the slot as `this` and the value as argument (one small function, compiled
// with the program, instead of an arrow per local compiled on its first call); which
// import feeds which slot comes as data, `imports` below. (When a specifier spells a
// line separator, which that compact head would drop, only the arrow's opening is
// replaced and the update record of arrows is kept.)
// The native side writes both programs into one string, the eager one first; each is a
// slice of it, so neither is copied again.
// The module code itself runs in the same strict inner function either way.

// ModuleSource -> { program, eagerProgram, eagerImports, clean, names, needsImportMeta },
// where `program` is the text the constructor made (and the native side checked).
const eagerFacts = new WeakMap();

/**
 * The eager form of `program` for a ModuleSource made here (undefined for any other
 * record, and unless `program`, the `__syncModuleProgram__` the caller read from the
 * record, is the very text the constructor made: a subclass may intercept the field):
 * `{ program, imports, clean, names, needsImportMeta }`. Evaluating `program` gives
 * `functor(imports, liveVar, onceVar, import, importMeta)`; `imports`, when defined, is
 * the table `[[specifier, [[importName, [slot or live export name, ...]], ...]], ...]`
 * that its `$h\u034f_imports(updater)` call stands for (when undefined, the call passes
 * the usual update record); `clean` says that `__syncModuleProgram__` passes the
 * rejection checks (the native side ran them; the eager program differs only in its
 * head, which spells nothing a check can match, and its closing); `names` lists every
 * name the program's code can look up in the scopes around it (a superset: every
 * identifier it spells); `needsImportMeta` says whether the program reads `import.meta`.
 */
const eagerFormOf = (record, program) => {
  const facts = weakmapGet(eagerFacts, record);
  if (facts === undefined || facts.program !== program) {
    return undefined;
  }
  const { eagerProgram, eagerImports, clean, names, needsImportMeta } = facts;
  return { program: eagerProgram, imports: eagerImports, clean, names, needsImportMeta };
};

function AbstractModuleSource() {
  // Nothing to initialize; present so `super()` and instanceof chains work.
}

/**
 * @param {string} source
 * @param {string | {sourceUrl?: string, sourceMapUrl?: string, sourceMap?: any,
 *   sourceMapHook?: Function}} [opts]
 */
function ModuleSource(source, opts = {}) {
  if (new.target === undefined) {
    throw TypeError(
      "Class constructor ModuleSource cannot be invoked without 'new'",
    );
  }
  if (typeof opts === 'string') {
    opts = { sourceUrl: opts };
  }
  const { sourceUrl, sourceMapUrl, sourceMapHook } = opts;
  if (typeof source !== 'string') {
    // Upstream's first use of the source is `source.startsWith('#!')`.
    if (source === undefined || source === null) {
      throw TypeError(
        `Cannot read properties of ${source} (reading 'startsWith')`,
      );
    }
    throw TypeError('moduleSource.startsWith is not a function');
  }

  const transformError = cause =>
    SyntaxError(
      `Error transforming source in ${sourceUrl ? jsonStringify(sourceUrl) : '<unknown>'}: ${cause && cause.message}`,
      { cause },
    );

  const href = sanitizeSourceUrl(sourceUrl);
  const { result, program: programs } = analyzeModuleSource(source, href);
  if (!result.ok) {
    throw transformError(SyntaxError(result.message));
  }

  if (sourceMapHook) {
    // Upstream calls the hook inside its transform, so its failures are reported the
    // same way as a transform failure.
    try {
      sourceMapHook(
        makeSourceMap(source, result.headLength, sourceMapUrl),
        { sourceUrl, sourceMapUrl, source },
      );
    } catch (error) {
      throw transformError(error);
    }
  }

  const program = stringSlice(programs, result.eagerLength);
  this.imports = freeze(result.imports);
  this.exports = freezeNames(result.exports);
  this.reexports = freeze(result.reexports);
  this.__syncModuleProgram__ = program;
  this.__liveExportMap__ = nullProtoFromPairs(result.liveExportMap, freeze);
  this.__reexportMap__ = nullProtoFromPairs(result.reexportMap, freezePairs);
  this.__fixedExportMap__ = nullProtoFromPairs(result.fixedExportMap, freeze);
  this.__needsImport__ = result.needsImport;
  this.__needsImportMeta__ = result.needsImportMeta;
  freeze(this);
  weakmapSet(eagerFacts, this, {
    program,
    eagerProgram: stringSlice(programs, 0, result.eagerLength),
    eagerImports: undefinedForNull(result.eagerImports),
    clean: result.clean,
    names: freeze(result.names),
    needsImportMeta: result.needsImportMeta,
  });
}

setPrototypeOf(ModuleSource, AbstractModuleSource);
setPrototypeOf(ModuleSource.prototype, AbstractModuleSource.prototype);
freeze(AbstractModuleSource);
freeze(AbstractModuleSource.prototype);
freeze(ModuleSource.prototype);
freeze(ModuleSource);

module.exports = freeze({ ModuleSource, AbstractModuleSource, eagerFormOf });
