/**
 * The environment every program the station starts (`lp`, `ipptool`, `lpstat`, …) gets: what a
 * tool needs to run and find its server, and nothing else, so no secret of the station's own
 * (the API token, the web UI's access token, whatever else its parent exported) reaches a child.
 */

const passedNames = new Set([
  'PATH', 'HOME', 'USER', 'LOGNAME', 'TMPDIR', 'TMP', 'TEMP', 'LANG', 'LANGUAGE', 'TZ',
  // CUPS clients: which scheduler to ask, as whom, how.
  'CUPS_SERVER', 'CUPS_USER', 'CUPS_ENCRYPTION', 'CUPS_GSSSERVICEKEY', 'IPP_PORT',
  // Windows programs do not start without these.
  'SYSTEMROOT', 'WINDIR', 'COMSPEC', 'PATHEXT', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'PROGRAMDATA', 'PROGRAMFILES', 'PROGRAMFILES(X86)',
]);

function passed(name: string): boolean {
  const upper = name.toUpperCase();
  return passedNames.has(upper) || upper.startsWith('LC_');
}

export function childEnvironment(extra: Record<string, string> = {}, source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) if (value !== undefined && passed(name)) env[name] = value;
  return { ...env, ...extra };
}
