import { z } from 'zod';

/**
 * What a valid user id and token are, owned here and used by the settings schema, the core and
 * the Settings form alike. Both ride in every call's path or header, where a space, a line break
 * or an invisible character pasted along would fail every poll as if the server were down; they
 * are refused here, once, with a message that says what to fix.
 */

export type TokenProblem = 'empty' | 'spaces' | 'characters';
export type UserIdProblem = 'length' | 'characters';

export const tokenMessages: Record<TokenProblem, string> = {
  empty: 'the token is empty',
  spaces: 'the token has a space or line break inside: paste it again, in one piece',
  characters: 'the token has a character a token cannot have (only letters, digits and signs without accents): paste it again',
};

export const userIdMessages: Record<UserIdProblem, string> = {
  length: 'the user id has 36 characters',
  characters: 'the user id has a space or a character a user id cannot have: paste it again',
};

/** Visible ASCII only: what an HTTP header and a URL path carry as they are. */
const visibleAscii = /^[\x21-\x7e]*$/;

/** Why a token (as typed, trimmed) is refused, or null. */
export function tokenProblem(token: string): TokenProblem | null {
  const value = token.trim();
  if (value === '') return 'empty';
  if (/\s/.test(value)) return 'spaces';
  return visibleAscii.test(value) ? null : 'characters';
}

/** Why a user id (as typed, trimmed) is refused, or null. */
export function userIdProblem(userId: string): UserIdProblem | null {
  const value = userId.trim();
  if (!visibleAscii.test(value)) return 'characters';
  return value.length === 36 ? null : 'length';
}

function checked<P extends string>(problem: (value: string) => P | null, messages: Record<P, string>) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const found = problem(value);
      if (found) ctx.addIssue({ code: 'custom', message: messages[found], params: { problem: found } });
    });
}

export const tokenSchema = checked(tokenProblem, tokenMessages);
export const userIdSchema = checked(userIdProblem, userIdMessages);
