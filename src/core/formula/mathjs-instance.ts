import { all, create, type BigNumber, type MathNode } from 'mathjs';

type BigNumberCtor = new (value: string | number) => BigNumber;

interface Restricted {
  parse: (expr: string) => MathNode;
  BigNumber: BigNumberCtor;
}

let instance: Restricted | undefined;

/**
 * The one mathjs instance formulas touch, built lazily (webviews that never see a formula pay nothing).
 * Following the mathjs security guide: keep a private `parse`, then replace every function that
 * could define, import or evaluate code with one that throws, so even a bug in our AST whitelist
 * cannot reach them. We never call mathjs `evaluate`: our own interpreter walks a whitelisted tree.
 */
export function restrictedMath(): Restricted {
  if (instance) return instance;
  if (!all) throw new Error('mathjs factory set missing');
  const math = create(all, { number: 'BigNumber', precision: 64 });
  const parse = math.parse.bind(math) as (expr: string) => MathNode;
  const BigNumber = math.bignumber(0).constructor as BigNumberCtor;
  const disabled = (name: string) => () => {
    throw new Error(`${name} is disabled in Fund Ledger formulas`);
  };
  const names = [
    'import',
    'createUnit',
    'evaluate',
    'parse',
    'simplify',
    'simplifyConstant',
    'simplifyCore',
    'derivative',
    'compile',
    'resolve',
    'reviver',
    'parser',
    'rationalize',
    'chain',
    'help',
    'unit',
    'config',
  ];
  math.import(Object.fromEntries(names.map((n) => [n, disabled(n)])), { override: true });
  instance = { parse, BigNumber };
  return instance;
}
