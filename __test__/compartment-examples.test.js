// The API document's Compartment examples (examples/01, 02, 05, 06, 08), each run in its
// own process; what they print must be what the document says.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const expected = {
  '01-basic.mjs': ['secure data user-script-sandbox'],
  '02-evaluate.mjs': ['Compartment executing code', 'Hello from compartment!', 'sloppy mode', 'Transformed message'],
  '05-props.mjs': ['test-compartment', 'test value', 'true', 'true'],
  '06-channel.mjs': ["Received: { type: 'greeting', data: 'Hello from sender!' }"],
  '08-capabilities.mjs': ['File access: Content of /public/data.txt', 'Security error: Access denied: /private/secret.txt'],
};

for (const [file, lines] of Object.entries(expected)) {
  test(`example ${file}`, () => {
    const path = fileURLToPath(new URL(`../examples/${file}`, import.meta.url));
    const { stdout, stderr, status } = spawnSync(process.execPath, [path], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(status, 0, stderr);
    assert.deepEqual(stdout.trimEnd().split('\n'), lines);
  });
}
