// ESM entry `ses/tools.js`: the source transforms and scope terminators; installs no globals.
import tools from './lib/tools.js';

export const { transforms, scopeTerminators } = tools;
