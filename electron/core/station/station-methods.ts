import type { z } from 'zod';
import { operatorMessage } from '../../shared/operator-message.ts';
import { stationMethods, type StationMethodName, type StationMethodOutput, type StationMethods } from '../../shared/station-api.ts';
import { stationMethodsFrom } from '../../shared/station-transport.ts';
import { StationInputError } from './station-errors.ts';

type Methods = typeof stationMethods;
/** Each method as implemented: its input already parsed (defaults applied) by the station. */
export type StationMethodImpls = {
  [K in StationMethodName]: (input: z.output<Methods[K]['input']>) => Promise<StationMethodOutput<K>>;
};

/**
 * The one validation edge of the core: every call's input is parsed with the contract's schema
 * (defaults applied) before an implementation sees it; a refusal names the field.
 */
export function checkedMethods(impls: StationMethodImpls): StationMethods {
  return stationMethodsFrom(
    (name) => (input) =>
      Promise.resolve().then(() => {
        const parsed = stationMethods[name].input.safeParse(input ?? {});
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const field = issue?.path.join('.') ?? '';
          throw new StationInputError(
            operatorMessage('bad-input', { method: name, field: field || '—' }, issue?.message ?? null),
            `${name}: ${field ? `${field}: ` : ''}${issue?.message ?? 'invalid input'}`,
          );
        }
        return (impls[name] as (i: unknown) => Promise<unknown>)(parsed.data);
      }),
  );
}
