// Typings for `ses/tools.js`.
import type { Transform } from './index.js';

export declare const transforms: Readonly<{
  rejectHtmlComments: Transform;
  evadeHtmlCommentTest: Transform;
  rejectImportExpressions: Transform;
  evadeImportExpressionTest: Transform;
  rejectSomeDirectEvalExpressions: Transform;
  mandatoryTransforms: Transform;
  applyTransforms: (source: string, transforms: Array<Transform>) => string;
}>;

export declare const scopeTerminators: Readonly<{
  strictScopeTerminator: object;
  createSloppyGlobalsScopeTerminator: (globalObject: object) => object;
}>;
