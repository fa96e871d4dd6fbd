import { describe, expect, it } from 'vitest';
import { settingsPatchSchema } from '../../../electron/shared/station-api.ts';

const messageFor = (patch: object) => {
  const parsed = settingsPatchSchema.safeParse(patch);
  return parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the settings schema owns what a token and a user id are', () => {
  it('refuses a token with a space, tab or line break inside, saying to paste it again in one piece', () => {
    for (const token of ['sk-live 123', 'sk-live\t123', 'sk-live\n123', 'sk-live\u00a0123']) {
      expect(messageFor({ token })).toEqual(['token: the token has a space or line break inside: paste it again, in one piece']);
    }
  });

  it('refuses a token carrying an invisible or accented character, and an empty one', () => {
    expect(messageFor({ token: 'sk-live\u200b123' })?.[0]).toMatch(/^token: the token has a character a token cannot have/);
    expect(messageFor({ token: 'tökén' })?.[0]).toMatch(/^token: the token has a character/);
    expect(messageFor({ token: '   ' })).toEqual(['token: the token is empty']);
  });

  it('takes a pasted token with spaces around it, trimmed', () => {
    expect(settingsPatchSchema.parse({ token: '  sk-live-123\n' }).token).toBe('sk-live-123');
  });

  it('refuses a user id with a space inside even at 36 characters, or of the wrong length', () => {
    expect(messageFor({ userId: 'c0ffee00-0000-4000-8000 00000000001' })?.[0]).toMatch(/^userId: the user id has a space/);
    expect(messageFor({ userId: 'c0ffee00' })).toEqual(['userId: the user id has 36 characters']);
    expect(settingsPatchSchema.parse({ userId: ' c0ffee00-0000-4000-8000-000000000001 ' }).userId).toBe('c0ffee00-0000-4000-8000-000000000001');
  });
});
