// ESM entry `ses/module-source`: the native ModuleSource. Importing it also readies the
// addon and the compartments' module loader (see module-bridge.js).
import moduleSource from './lib/modules/module-source.js';
import './lib/modules/preload.js';

export const { ModuleSource } = moduleSource;
