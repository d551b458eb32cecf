// ESM entry `ses/module-source`: the native ModuleSource.
import moduleSource from './lib/modules/module-source.js';

export const { ModuleSource } = moduleSource;
