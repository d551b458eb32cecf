// A ~3 MB script for evaluation benchmarks: the CommonJS files of the installed Babel
// packages, each wrapped in an uncalled function (so evaluating the bundle parses and
// checks everything but runs nothing), repeated to the size wanted. Files that the
// mandatory rejection checks would refuse are left out.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './harness.js';

const refused = /<!--|-->|(^|[^.]|\.\.\.)\bimport(\s*(?:\(|\/[/*]))|(^|[^.])\beval(\s*\()/;

// Call before lockdown: the check uses the host's own Function constructor.
const parses = (text) => {
  try {
    Function(text);
    return true;
  } catch {
    return false;
  }
};

export const makeBundle = (targetBytes = 3e6) => {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.js')) {
        const text = readFileSync(path, 'utf8');
        if (!refused.test(text) && parses(text)) files.push(`function (exports, require, module) {${text}\n}`);
      }
    }
  };
  walk(join(root, 'node_modules', '@babel'));
  const once = `[${files.join(',\n')}].length;\n`;
  return once.repeat(Math.max(1, Math.round(targetBytes / once.length)));
};
