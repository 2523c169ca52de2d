import 'reflect-metadata';
import { getMetadataStorage as validationStorage } from 'class-validator';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { constraintProblem, InputProblemCode } from './input-problems.js';
import { createSchema } from './schema.js';

describe('input problems', () => {
  it('give every class-validator constraint of every input a code of its own', async () => {
    await createSchema();
    const { inputTypes, argumentTypes } = getMetadataStorage();
    const inputs = [...inputTypes, ...argumentTypes].map((c) => c.target);
    const constraints = inputs.flatMap((target) =>
      validationStorage()
        .getTargetValidationMetadatas(target, '', true, false)
        .filter((m) => m.type === 'customValidation')
        .map((m) => ({
          where: `${target.name}.${m.propertyName} @${m.name}`,
          code: constraintProblem(m.name ?? '', m.constraints, m.context).code,
        })),
    );
    expect(constraints.length).toBeGreaterThan(100);
    expect(constraints.filter((c) => c.code === InputProblemCode.INVALID)).toEqual([]);
  });

  it('read the parameters from the constraint and a named problem from its options', () => {
    expect(constraintProblem('isLength', [2, 200], undefined)).toEqual({
      code: 'LENGTH',
      params: { min: 2, max: 200 },
    });
    expect(constraintProblem('isIn', [['A', 'B']], undefined)).toEqual({
      code: 'ONE_OF',
      params: { values: 'A, B' },
    });
    expect(constraintProblem('matches', [/x/], { problem: { code: 'SLUG', params: {} } })).toEqual({
      code: 'SLUG',
      params: {},
    });
    expect(constraintProblem('matches', [/x/], undefined).code).toBe('INVALID');
  });
});
