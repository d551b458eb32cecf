// Typings for the `ses` API as the user's API document describes it. `import 'ses'`
// installs globals (lockdown, repairIntrinsics, Compartment, assert) and, after
// lockdown, harden; the declarations below describe both the module exports and the
// globals.

/** Options of `lockdown()` and `repairIntrinsics()`. Each falls back to a
 * `LOCKDOWN_*` environment variable when omitted. */
export interface LockdownOptions {
  regExpTaming?: 'safe' | 'unsafe';
  localeTaming?: 'safe' | 'unsafe';
  consoleTaming?: 'safe' | 'unsafe';
  errorTrapping?: 'platform' | 'exit' | 'abort' | 'report' | 'none';
  reporting?: 'platform' | 'console' | 'none';
  unhandledRejectionTrapping?: 'report' | 'none';
  errorTaming?: 'safe' | 'unsafe' | 'unsafe-debug';
  /** @deprecated does nothing */
  dateTaming?: 'safe' | 'unsafe';
  /** @deprecated does nothing */
  mathTaming?: 'safe' | 'unsafe';
  evalTaming?:
    | 'safe-eval'
    | 'unsafe-eval'
    | 'no-eval'
    /** @deprecated */
    | 'safeEval'
    /** @deprecated */
    | 'unsafeEval'
    /** @deprecated */
    | 'noEval';
  stackFiltering?: 'concise' | 'omit-frames' | 'shorten-paths' | 'verbose';
  overrideTaming?: 'moderate' | 'min' | 'severe';
  overrideDebug?: Array<string>;
  domainTaming?: 'safe' | 'unsafe';
  legacyRegeneratorRuntimeTaming?: 'safe' | 'unsafe-ignore';
  __hardenTaming__?: 'safe' | 'unsafe';
}
export type RepairOptions = LockdownOptions;

export type Lockdown = (options?: LockdownOptions) => void;
export type RepairIntrinsics = (options?: LockdownOptions) => void;
export type HardenIntrinsics = () => void;
export type Harden = <T>(value: T) => T;

/** What a module exports, as seen from outside it. */
export type ModuleExportsNamespace = Record<string, any>;

export type __LiveExportMap__ = Record<string, [string, boolean]>;
export type __FixedExportMap__ = Record<string, [string]>;
export type __ReexportMap__ = Record<string, Array<[string, string]>>;

/** A module source analysed ahead of time (what `new ModuleSource(text)` returns). */
export interface PrecompiledModuleSource {
  imports: Array<string>;
  exports: Array<string>;
  reexports: Array<string>;
  __syncModuleProgram__: string;
  __liveExportMap__: __LiveExportMap__;
  __fixedExportMap__: __FixedExportMap__;
  __reexportMap__: __ReexportMap__;
  __needsImport__?: boolean;
  __needsImportMeta__?: boolean;
}

/** A module source implemented by a host function. */
export interface VirtualModuleSource {
  imports: Array<string>;
  exports: Array<string>;
  execute(
    exportsTarget: Record<string, any>,
    compartment: Compartment,
    resolvedImports: Record<string, string>,
  ): void;
}

export type ModuleSourceLike = PrecompiledModuleSource | VirtualModuleSource;

/**
 * `{ source }`: module text (a string, parsed natively), a ModuleSource, a JSON
 * clone of one, or a virtual source. With an own `compartment` property and a string
 * `source`, the string is a specifier to load from that compartment instead.
 */
export interface SourceModuleDescriptor {
  source: string | ModuleSourceLike;
  specifier?: string;
  importMeta?: any;
  compartment?: Compartment;
}

/** `{ namespace }`: share a module instance already loaded in another compartment, or
 * wrap a plain object as a module. */
export interface NamespaceModuleDescriptor {
  namespace: string | ModuleExportsNamespace;
  compartment?: Compartment;
}

/** Legacy descriptor forms. */
export interface RecordModuleDescriptor {
  specifier: string;
  record?: ModuleSourceLike;
  importMeta?: any;
  compartment?: Compartment;
}

export type ModuleDescriptor =
  | SourceModuleDescriptor
  | NamespaceModuleDescriptor
  | RecordModuleDescriptor
  | ModuleExportsNamespace
  | ModuleSourceLike;

export type Transform = (source: string) => string;
export type ResolveHook = (importSpecifier: string, referrerSpecifier: string) => string;
export type ImportHook = (moduleSpecifier: string) => Promise<ModuleDescriptor>;
export type ImportNowHook = (moduleSpecifier: string) => ModuleDescriptor | undefined;
export type ModuleMapHook = (moduleSpecifier: string) => ModuleDescriptor | undefined;
export type ImportMetaHook = (moduleSpecifier: string, importMeta: ImportMeta) => void;

/** Configuration of a compartment. `globals` and `modules` may be plain objects or
 * Maps. */
export interface CompartmentOptions {
  /** Compartment name for debugging purposes */
  name?: string;
  /** Initial global variables for the compartment */
  globals?: Map<string, any> | Record<PropertyKey, any>;
  /** Static module map for pre-loaded modules */
  modules?: Map<string, ModuleDescriptor | string> | Record<string, ModuleDescriptor | string>;
  /** Source transformation functions applied to evaluated code */
  transforms?: Array<Transform>;
  /** Transforms applied to evaluated code and to module programs */
  __shimTransforms__?: Array<Transform>;
  resolveHook?: ResolveHook;
  importHook?: ImportHook;
  importNowHook?: ImportNowHook;
  moduleMapHook?: ModuleMapHook;
  importMetaHook?: ImportMetaHook;
  /** Accepted and ignored outside XS. */
  __native__?: boolean;
  /** `import()` resolves to the namespace itself rather than `{ namespace }`. */
  __noNamespaceBox__?: boolean;
  /** Report the first load error as is rather than an aggregate. */
  noAggregateLoadErrors?: boolean;
}

/** Options of `compartment.evaluate()`. */
export interface EvaluateOptions {
  transforms?: Array<Transform>;
  sloppyGlobalsMode?: boolean;
  __moduleShimLexicals__?: Record<string, any>;
  __evadeHtmlCommentTest__?: boolean;
  __evadeImportExpressionTest__?: boolean;
  __rejectSomeDirectEvalExpressions__?: boolean;
}

/** The constructor installed as `globalThis.Compartment`. */
export interface CompartmentConstructor {
  new (options?: CompartmentOptions & { __options__: true }): Compartment;
  /** @deprecated the three-argument form */
  new (
    globals?: Record<PropertyKey, any> | undefined,
    modules?: Record<string, ModuleDescriptor>,
    options?: CompartmentOptions,
  ): Compartment;
  readonly prototype: Compartment;
}

/** A token made by `assert.details` / `X`. */
export type DetailsToken = Record<any, never>;
export type Details = string | DetailsToken;

export interface AssertMakeErrorOptions {
  errorName?: string;
  cause?: Error;
  errors?: Error[];
  sanitize?: boolean;
  code?: string;
}

export type GenericErrorConstructor = ErrorConstructor | AggregateErrorConstructor;
export type Raise = (reason: Error) => void;

export interface StringablePayload {
  toString(): string;
}

export interface Assert {
  (
    condition: any,
    details?: Details,
    errConstructor?: GenericErrorConstructor,
    options?: AssertMakeErrorOptions,
  ): asserts condition;
  typeof(specimen: any, typeName: string, details?: Details): void;
  string(specimen: any, details?: Details): asserts specimen is string;
  equal<T>(
    actual: unknown,
    expected: T,
    details?: Details,
    errConstructor?: GenericErrorConstructor,
    options?: AssertMakeErrorOptions,
  ): asserts actual is T;
  fail(
    details?: Details,
    errConstructor?: GenericErrorConstructor,
    options?: AssertMakeErrorOptions,
  ): never;
  Fail(template: TemplateStringsArray | string[], ...args: any): never;
  details(template: TemplateStringsArray | string[], ...args: any): DetailsToken;
  makeError(
    details?: Details,
    errConstructor?: GenericErrorConstructor,
    options?: AssertMakeErrorOptions,
  ): Error;
  /** @deprecated use makeError */
  error: Assert['makeError'];
  note(error: Error, details: Details): void;
  quote(payload: any, spaces?: string | number): StringablePayload;
  bare(payload: any, spaces?: string | number): StringablePayload;
  makeAssert(raise?: Raise, unredacted?: boolean): Assert;
}

declare global {
  /** An isolated global scope sharing the realm's frozen intrinsics. */
  interface Compartment {
    /** The compartment's global object */
    get globalThis(): Record<PropertyKey, any>;
    /** The compartment's name for debugging */
    get name(): string;
    get __noNamespaceBox__(): boolean;
    /** Evaluates a script in the compartment; returns its completion value. */
    evaluate(code: string, options?: EvaluateOptions): any;
    /** Loads, links and runs a module and its dependencies. */
    import(specifier: string | null): Promise<{ namespace: ModuleExportsNamespace }>;
    /** The synchronous `import`, for modules that can be loaded synchronously. */
    importNow(specifier: string): ModuleExportsNamespace;
    /** Loads a module and its dependencies without running them. */
    load(specifier: string): Promise<void>;
    /** The namespace of a module, usable before it is loaded. */
    module(specifier: string): ModuleExportsNamespace;
  }
  var Compartment: CompartmentConstructor;
  var lockdown: Lockdown;
  var repairIntrinsics: RepairIntrinsics;
  var hardenIntrinsics: HardenIntrinsics;
  var harden: Harden;
  var assert: Assert;
  var getStackString: (error: Error) => string;
}
