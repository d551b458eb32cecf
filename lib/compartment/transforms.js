'use strict';
// The source rejection checks and evasion transforms of `ses` (what `ses/tools.js`
// exposes as `transforms`), with the scanning done natively (src/checks/).
//
// Exports, by upstream name (each a frozen function with upstream's name and length):
//   rejectHtmlComments(src)              -> src, or throws SyntaxError SES_HTML_COMMENT_REJECTED
//   evadeHtmlCommentTest(src)            -> string with `<!--` -> `< ! --`, `-->` -> `-- >`
//   rejectImportExpressions(src)         -> src, or throws SyntaxError SES_IMPORT_REJECTED
//   evadeImportExpressionTest(src)       -> string with each matched `import` -> `__import__`
//   rejectSomeDirectEvalExpressions(src) -> src, or throws SyntaxError SES_EVAL_REJECTED
//   mandatoryTransforms(src)             -> rejectHtmlComments, then rejectImportExpressions
//   applyTransforms(src, fns)            -> fns applied left to right
//   transforms                           -> frozen record of the seven above (ses/tools.js)
// and, for the evaluators:
//   checkSource(source, withDirectEval) -> source, or throws exactly what applying
//     [rejectSomeDirectEvalExpressions (only when withDirectEval is true),
//      mandatoryTransforms] in that order would throw, in a single native scan.
//     Only valid when nothing is meant to transform the text between the two steps.
//
// These checks are the confinement boundary for code that is not parsed: the native
// matchers reproduce ses's regexps exactly (same matches, including inside strings,
// comments and regexps), and the messages, error class, codes and line numbers are
// ses's. A non-string argument is coerced with ToString, as the regexp methods ses
// calls do, and returned unchanged when it passes.

const { SyntaxError, Error, freeze, stringSlice, stringIncludes } = require('../commons.js');
const {
  findRejection,
  evade,
  CHECK_HTML_COMMENT,
  CHECK_IMPORT_EXPRESSION,
  CHECK_DIRECT_EVAL,
  CHECK_DIRECT_EVAL_FIRST,
  EVADE_HTML_COMMENT,
  EVADE_IMPORT_EXPRESSION,
} = require('../native.js');

const CHECK_MANDATORY = CHECK_HTML_COMMENT | CHECK_IMPORT_EXPRESSION;

const whatWasRejected = freeze({
  __proto__: null,
  SES_HTML_COMMENT_REJECTED: 'Possible HTML comment',
  SES_IMPORT_REJECTED: 'Possible import expression',
  SES_EVAL_REJECTED: 'Possible direct eval expression',
});

// ToString, as RegExp.prototype[Symbol.search] and [Symbol.replace] apply it (a Symbol
// throws TypeError, an object goes through its toString / Symbol.toPrimitive).
const toText = value => (typeof value === 'string' ? value : `${value}`);

// Every match of the HTML-comment pattern contains `<!--` or `-->`, every import match
// `import`, every direct-eval match `eval`: a short text without the literal a check
// needs cannot fail that check, and skips the native call. Above about 2 KB the native
// scan (one pass for all checks) is faster than V8's searches for such common words.
const mayFail = (text, checks) =>
  text.length > 2048 ||
  ((checks & CHECK_HTML_COMMENT) !== 0 &&
    (stringIncludes(text, '<!--') || stringIncludes(text, '-->'))) ||
  ((checks & CHECK_IMPORT_EXPRESSION) !== 0 && stringIncludes(text, 'import')) ||
  ((checks & (CHECK_DIRECT_EVAL | CHECK_DIRECT_EVAL_FIRST)) !== 0 && stringIncludes(text, 'eval'));

// Throws the rejection the native scan reported for `text`, if any. `original` is what
// the caller passed: ses reads its `length` before looking for a sourceURL, so an
// object without a positive length names `<unknown>`.
const throwIfRejected = (original, text, checks) => {
  if (!mayFail(text, checks)) {
    return;
  }
  const found = findRejection(text, checks);
  if (found === undefined) {
    return;
  }
  const { code, line } = found;
  const what = whatWasRejected[code];
  if (what === undefined) {
    // The native side failed internally: refuse the source rather than let it through.
    throw Error(`ses: source check failed: ${found.message}`);
  }
  let url = found.url;
  if (found.urlStart !== undefined) {
    // Cut from the caller's string, so every code unit (lone surrogates too) survives.
    url = stringSlice(text, found.urlStart, found.urlEnd);
  }
  if (original !== text && !(original.length > 0)) {
    url = '<unknown>';
  }
  // See https://github.com/endojs/endo/blob/master/packages/ses/error-codes/ for the codes.
  throw SyntaxError(`${what} rejected at ${url}:${line}. (${code})`);
};

const rejectHtmlComments = src => {
  throwIfRejected(src, toText(src), CHECK_HTML_COMMENT);
  return src;
};

const evadeHtmlCommentTest = src => {
  const text = toText(src);
  return mayFail(text, CHECK_HTML_COMMENT) ? evade(text, EVADE_HTML_COMMENT) : text;
};

const rejectImportExpressions = src => {
  throwIfRejected(src, toText(src), CHECK_IMPORT_EXPRESSION);
  return src;
};

const evadeImportExpressionTest = src => {
  const text = toText(src);
  return mayFail(text, CHECK_IMPORT_EXPRESSION) ? evade(text, EVADE_IMPORT_EXPRESSION) : text;
};

const rejectSomeDirectEvalExpressions = src => {
  throwIfRejected(src, toText(src), CHECK_DIRECT_EVAL);
  return src;
};

const mandatoryTransforms = source => {
  if (typeof source === 'string') {
    // One scan; the HTML check still takes precedence over the import check.
    throwIfRejected(source, source, CHECK_MANDATORY);
    return source;
  }
  // Each step coerces on its own, as in ses.
  source = rejectHtmlComments(source);
  source = rejectImportExpressions(source);
  return source;
};

const applyTransforms = (source, transforms) => {
  for (let i = 0, l = transforms.length; i < l; i += 1) {
    const transform = transforms[i];
    source = transform(source);
  }
  return source;
};

const checkSource = (source, withDirectEval) => {
  if (typeof source !== 'string') {
    if (withDirectEval === true) {
      source = rejectSomeDirectEvalExpressions(source);
    }
    return mandatoryTransforms(source);
  }
  throwIfRejected(
    source,
    source,
    withDirectEval === true ? CHECK_DIRECT_EVAL_FIRST | CHECK_MANDATORY : CHECK_MANDATORY,
  );
  return source;
};

freeze(rejectHtmlComments);
freeze(evadeHtmlCommentTest);
freeze(rejectImportExpressions);
freeze(evadeImportExpressionTest);
freeze(rejectSomeDirectEvalExpressions);
freeze(mandatoryTransforms);
freeze(applyTransforms);
freeze(checkSource);

const transforms = freeze({
  rejectHtmlComments,
  evadeHtmlCommentTest,
  rejectImportExpressions,
  evadeImportExpressionTest,
  rejectSomeDirectEvalExpressions,
  mandatoryTransforms,
  applyTransforms,
});

module.exports = freeze({
  rejectHtmlComments,
  evadeHtmlCommentTest,
  rejectImportExpressions,
  evadeImportExpressionTest,
  rejectSomeDirectEvalExpressions,
  mandatoryTransforms,
  applyTransforms,
  checkSource,
  transforms,
});
