'use strict';
// Which global (and module-lexical) names the evaluator may bind as `const` locals.
// A name qualifies only when it is a plain identifier that could legally be a `const`
// binding, and its property is an immutable data property (so reading it once, when the
// evaluator is built, gives the same value as every later lookup would).

const {
  Map,
  Set,
  arrayPush,
  mapGet,
  mapSet,
  getOwnPropertyDescriptor,
  getOwnPropertyNames,
  hasOwn,
  regexpTest,
  setHas,
  freeze,
  isArray,
  stringIncludes,
} = require('../commons.js');

// Keywords, future reserved words, literals and the names that cannot be rebound in
// strict code. `eval` is here too: it must stay reachable only through the eval scope.
const reservedNames = new Set([
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default',
  'delete', 'do', 'else', 'export', 'extends', 'finally', 'for', 'function', 'if',
  'import', 'in', 'instanceof', 'new', 'return', 'super', 'switch', 'this', 'throw', 'try',
  'typeof', 'var', 'void', 'while', 'with', 'yield',
  'let', 'static',
  'enum',
  'implements', 'package', 'protected', 'interface', 'private', 'public',
  'null', 'true', 'false',
  'arguments',
  'eval',
]);

// ASCII identifiers only: anything fancier simply stays a dynamic lookup.
const identifierPattern = freeze(/^[a-zA-Z_$][\w$]*$/);

const isValidIdentifierName = name =>
  !setHas(reservedNames, name) && regexpTest(identifierPattern, name);

// Every evaluator's first use asks about the same few dozen global names: remember the
// answers (a name's validity never changes). Bounded, so that hostile endowment names
// cannot grow it without limit.
const identifierMemo = new Map();
const MEMO_LIMIT = 4096;
const isMemoizedIdentifierName = name => {
  let valid = mapGet(identifierMemo, name);
  if (valid === undefined) {
    valid = isValidIdentifierName(name);
    if (identifierMemo.size < MEMO_LIMIT) mapSet(identifierMemo, name, valid);
  }
  return valid;
};

const isImmutableData = desc =>
  desc !== undefined &&
  desc.configurable === false &&
  desc.writable === false &&
  hasOwn(desc, 'value');

// `usedIn`, when given, is the only text the evaluator will ever run: a name it does not
// contain can never be looked up, so whether it would be bound as a constant is
// unobservable, and its descriptor need not be read.
const constantNames = (obj, excluded, usedIn) => {
  const names = getOwnPropertyNames(obj);
  const constants = [];
  for (let i = 0; i < names.length; i += 1) {
    const name = names[i];
    if (
      (excluded === undefined || !setHas(excluded, name)) &&
      isMemoizedIdentifierName(name) &&
      isImmutableData(getOwnPropertyDescriptor(obj, name)) &&
      // Last: scanning the text costs more than reading a descriptor, and most
      // globals are not immutable.
      (usedIn === undefined || stringIncludes(usedIn, name))
    ) {
      arrayPush(constants, name);
    }
  }
  return constants;
};

// `usedNames`: the only names the evaluator's one program can look up (the native
// analysis of a module lists them): only those are considered.
const constantNamesAmong = (globalObject, moduleLexicals, usedNames) => {
  const globalObjectConstants = [];
  const moduleLexicalConstants = [];
  for (let i = 0; i < usedNames.length; i += 1) {
    const name = usedNames[i];
    // The descriptor first: most names a module spells are its own, absent from both,
    // and the identifier check is only needed for the few that are constants.
    // A module lexical hides the global of the same name.
    if (hasOwn(moduleLexicals, name)) {
      if (isImmutableData(getOwnPropertyDescriptor(moduleLexicals, name)) && isMemoizedIdentifierName(name)) {
        arrayPush(moduleLexicalConstants, name);
      }
    } else if (isImmutableData(getOwnPropertyDescriptor(globalObject, name)) && isMemoizedIdentifierName(name)) {
      arrayPush(globalObjectConstants, name);
    }
  }
  return { globalObjectConstants, moduleLexicalConstants };
};

// `used`, when given, is either the one text the evaluator will run (a string) or the
// list of names that text can look up (an array).
const getScopeConstants = (globalObject, moduleLexicals = {}, used = undefined) => {
  if (isArray(used)) {
    return constantNamesAmong(globalObject, moduleLexicals, used);
  }
  let usedIn = used;
  // An identifier may be spelled with escapes (`\u0041rray` is `Array`): text that has
  // any gets no shortcut.
  if (usedIn !== undefined && stringIncludes(usedIn, '\\u')) {
    usedIn = undefined;
  }
  const moduleLexicalNames = getOwnPropertyNames(moduleLexicals);
  const moduleLexicalConstants = constantNames(moduleLexicals, undefined, usedIn);
  const globalObjectConstants = constantNames(
    globalObject,
    moduleLexicalNames.length === 0 ? undefined : new Set(moduleLexicalNames),
    usedIn,
  );
  return { globalObjectConstants, moduleLexicalConstants };
};

module.exports = { isValidIdentifierName, getScopeConstants };
