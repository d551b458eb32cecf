// Runner features after lockdown, Vitest (every pool, isolate on and off). Every test here
// must pass.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test, vi } from 'vitest';
import 'ses';

const __filename = fileURLToPath(import.meta.url);
if (!Object.isFrozen(Array.prototype)) {
  lockdown();
}

const lineOf = marker => {
  const lines = fs.readFileSync(__filename, 'utf8').split('\n');
  return lines.findIndex(line => line.includes(marker) && !line.includes('lineOf(')) + 1;
};

describe('after lockdown', () => {
  test('the realm is locked down', () => {
    expect(Object.isFrozen(Array.prototype)).toBe(true);
    expect(Object.isFrozen(Object.prototype)).toBe(true);
    expect(typeof harden).toBe('function');
  });

  test('matchers on hardened values', () => {
    const record = harden({ name: 'x', list: [1, 2, 3], nested: { map: new Map([['k', 1]]) } });
    expect(Object.isFrozen(record.list)).toBe(true);
    expect(record).toEqual({ name: 'x', list: [1, 2, 3], nested: { map: new Map([['k', 1]]) } });
    expect(record).toStrictEqual(harden({ name: 'x', list: [1, 2, 3], nested: { map: new Map([['k', 1]]) } }));
    expect(record).toMatchObject({ list: expect.arrayContaining([2]) });
    expect(record.list).toContain(3);
    expect(record).toHaveProperty('nested.map');
    expect(harden([1, 2])).not.toEqual([2, 1]);
  });

  test('toThrow messages', () => {
    const frozen = harden({ a: 1 });
    expect(() => {
      frozen.a = 2;
    }).toThrow(TypeError);
    expect(() => {
      frozen.b = 2;
    }).toThrow(/not extensible|Cannot add property/);
    const { Fail, quote: q } = assert;
    expect(() => Fail`bad value ${q('x')}`).toThrow('bad value "x"');
    // Substitution values are redacted from the message, as in ses.
    expect(() => assert.equal(1, 2)).toThrow('Expected (a number) is same as (a number)');
  });

  test('mock functions, called by hardened code', () => {
    // Vitest keeps a mock's recorded calls in its own properties: harden(vi.fn()) would
    // freeze them, so mocks are handed to hardened code rather than hardened themselves.
    const fn = vi.fn(x => x * 2);
    const service = harden({ run: callback => callback(2) });
    expect(service.run(fn)).toBe(4);
    expect(fn).toHaveBeenCalledWith(2);
    expect(fn).toHaveReturnedWith(4);
    const once = vi.fn().mockReturnValueOnce('first').mockReturnValue('later');
    expect([once(), once()]).toEqual(['first', 'later']);
  });

  test('spyOn a plain object', () => {
    const greeter = { greet: name => `hello ${name}` };
    const spy = vi.spyOn(greeter, 'greet').mockImplementation(() => 'mocked');
    expect(greeter.greet('a')).toBe('mocked');
    spy.mockRestore();
    expect(greeter.greet('a')).toBe('hello a');
  });

  test('spyOn console', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    console.warn('to the spy');
    expect(spy).toHaveBeenCalledWith('to the spy');
    spy.mockRestore();
  });

  test('snapshots', () => {
    expect(harden({ kind: 'snapshot', values: [1, 'two'] })).toMatchSnapshot();
  });

  test('inline snapshots', () => {
    expect(harden({ kind: 'inline' })).toMatchInlineSnapshot(`
      {
        "kind": "inline",
      }
    `);
  });

  test('fake timers and setSystemTime', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2020-01-02T03:04:05Z'));
      expect(Date.now()).toBe(Date.UTC(2020, 0, 2, 3, 4, 5));
      expect(new Date().getUTCFullYear()).toBe(2020);
      const callback = vi.fn();
      setTimeout(callback, 1000);
      vi.advanceTimersByTime(999);
      expect(callback).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(callback).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
    expect(new Date().getUTCFullYear()).toBeGreaterThan(2020);
  });

  test('async tests', async () => {
    const value = await new Promise(resolve => setTimeout(() => resolve(harden({ ok: true })), 5));
    expect(value).toEqual({ ok: true });
    await expect(Promise.resolve(3)).resolves.toBe(3);
    await expect(Promise.reject(Error('nope'))).rejects.toThrow('nope');
  });

  test('error.stack points at this file and line', () => {
    const error = Error('where'); // STACK-MARKER
    expect(error.stack).toContain(`features.spec.js:${lineOf('STACK-MARKER')}:`);
  });

  test('console output goes to the runner', () => {
    console.log('vitest-console-capture-marker');
  });

  test('TextEncoder and TextDecoder belong to the test realm, also in compartments', () => {
    const bytes = harden(new TextEncoder().encode('hé'));
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([104, 195, 169]);
    expect(new TextDecoder().decode(bytes)).toBe('hé');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff]))).toThrow(TypeError);
    const compartment = new Compartment();
    expect(compartment.evaluate('new TextDecoder().decode(new TextEncoder().encode("ok"))')).toBe('ok');
  });

  test('compartments keep the safe defaults', () => {
    const compartment = new Compartment();
    let caught;
    try {
      compartment.evaluate('(() => { throw Error("inside"); })()');
    } catch (error) {
      caught = error;
    }
    expect(caught.message).toBe('inside');
    expect(caught.stack).toBe('');
    expect(compartment.evaluate('typeof console')).toBe('undefined');
    expect(() => compartment.evaluate('Date.now()')).toThrow(/secure mode/);
    expect(compartment.evaluate('Object.isFrozen(Date)')).toBe(true);
  });
});
