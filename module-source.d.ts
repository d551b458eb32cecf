// Typings for `ses/module-source`.
import type {
  PrecompiledModuleSource,
  __FixedExportMap__,
  __LiveExportMap__,
  __ReexportMap__,
} from './index.js';

export interface SourceMapHookDetails {
  sourceUrl: string | undefined;
  sourceMapUrl: string | undefined;
  source: string;
}

export type SourceMapHook = (sourceMap: any, details: SourceMapHookDetails) => void;

export interface ModuleSourceOptions {
  sourceUrl?: string;
  sourceMapUrl?: string;
  sourceMap?: any;
  sourceMapHook?: SourceMapHook;
}

/** An ES module parsed (natively) into the record compartments link and run. */
export declare class ModuleSource implements PrecompiledModuleSource {
  constructor(source: string, options?: string | ModuleSourceOptions);
  readonly imports: Array<string>;
  readonly exports: Array<string>;
  readonly reexports: Array<string>;
  readonly __syncModuleProgram__: string;
  readonly __liveExportMap__: __LiveExportMap__;
  readonly __fixedExportMap__: __FixedExportMap__;
  readonly __reexportMap__: __ReexportMap__;
  readonly __needsImport__: boolean;
  readonly __needsImportMeta__: boolean;
}
