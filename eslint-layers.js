// Which folder may import which: the layers of DESIGN.md, enforced on resolved file paths, and
// no import cycles anywhere. Kept apart from eslint.config.js so a test can lint a snippet with
// exactly these rules.
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const shells = ['./electron/main', './electron/preload', './electron/headless', './electron/app', './renderer'];

export const layerZones = [
  {
    target: './electron/core',
    from: [...shells, './electron/simulator'],
    message: 'The core runs in any shell: take what you need through options, never from a shell or the simulator.',
  },
  {
    target: './electron/shared',
    from: ['./electron/core', './electron/simulator', ...shells],
    message: 'The contract imports nothing but itself and libraries: everything else imports it.',
  },
  {
    target: './renderer',
    from: './electron',
    except: ['./shared'],
    message: 'The renderer talks to the station through the contract (electron/shared) only.',
  },
  {
    target: './electron/main',
    from: ['./electron/headless', './renderer'],
    message: 'The desktop shell assembles the station through electron/app, never through the headless CLI.',
  },
  {
    target: './electron/preload',
    from: './electron',
    except: ['./shared', './preload'],
    message: 'The preload is one sandboxed file: it may use the contract only.',
  },
  {
    target: './electron/app',
    from: ['./electron/main', './electron/preload', './electron/headless', './renderer'],
    message: 'The composition root is called by the shells; it never imports one.',
  },
];

/** Packages a layer may not load at all, whatever the path. */
const nodeOnly = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'The core and the contract run without Electron: take what you need through options.' },
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'i18next', 'react-i18next'], message: 'The core and the contract know nothing of the UI.' },
  ],
};

export const layerConfigs = [
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      // Without these the cycle check reads no TypeScript file and silently finds nothing.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['electron/core/**', 'electron/shared/**', 'electron/app/**'],
    rules: { 'no-restricted-imports': ['error', nodeOnly] },
  },
];
