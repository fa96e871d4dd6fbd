/**
 * Reads a secret from the environment and removes it there at once: a variable left in
 * `process.env` is inherited by every program started later and readable by whatever the
 * process loads. Empty or blank counts as not set.
 */
export function takeEnvSecret(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name]?.trim();
  Reflect.deleteProperty(env, name);
  return value ? value : undefined;
}
