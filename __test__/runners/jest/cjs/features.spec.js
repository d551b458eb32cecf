'use strict';
// Runner features after lockdown, Jest (CommonJS). Every test here must pass.
const fs = require('node:fs');

require('../lockdown-once.cjs');

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

  test('mock functions, also inside hardened values', () => {
    const fn = jest.fn(x => x * 2);
    const holder = harden({ fn });
    expect(holder.fn(2)).toBe(4);
    expect(fn).toHaveBeenCalledWith(2);
    expect(fn).toHaveReturnedWith(4);
    const once = jest.fn().mockReturnValueOnce('first').mockReturnValue('later');
    expect([once(), once()]).toEqual(['first', 'later']);
    expect(Object.isFrozen(Object.getPrototypeOf(fn))).toBe(true);
  });

  test('spyOn a plain object', () => {
    const greeter = { greet: name => `hello ${name}` };
    const spy = jest.spyOn(greeter, 'greet').mockImplementation(() => 'mocked');
    expect(greeter.greet('a')).toBe('mocked');
    spy.mockRestore();
    expect(greeter.greet('a')).toBe('hello a');
  });

  test('spyOn console', () => {
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => {});
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
    jest.useFakeTimers();
    try {
      jest.setSystemTime(new Date('2020-01-02T03:04:05Z'));
      expect(Date.now()).toBe(Date.UTC(2020, 0, 2, 3, 4, 5));
      expect(new Date().getUTCFullYear()).toBe(2020);
      const callback = jest.fn();
      setTimeout(callback, 1000);
      jest.advanceTimersByTime(999);
      expect(callback).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      expect(callback).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
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
    console.log('jest-console-capture-marker');
  });

  test("harden refuses the runner realm's values, takes copies", () => {
    expect(() => harden({ bytes: Buffer.from('hi') })).toThrow(/SES_TEST_RUNNER_FOREIGN_REALM/);
    const bytes = harden(new Uint8Array(Buffer.from('hi')));
    expect(Object.isExtensible(bytes)).toBe(false);
    expect([...bytes]).toEqual([104, 105]);
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
