// The layers of docs/architecture.md, enforced: `npm run check` fails on an import that crosses
// them. Paths are resolved, so '../reminders' from src/domain/overview (the domain's reminders)
// and from src/domain (the Node mail and calendar side) are told apart.

/** npm packages the pure domain may use: schemas, dates and time zones, nothing with I/O. */
const DOMAIN_PACKAGES = ['zod', 'date-fns', '@date-fns/tz'];

/** The Node-side reader of untrusted files (yauzl, the file system): never in the browser. */
const NODE_XLSX =
  '^src/workbook/xlsx/(safe-open|read-workbook|read-source|sheet-xml|xml-parts|raw-sheet|write-templates|patch-cells|sheet-patch|date-styles|cell-xml|xml-ranges|cut-cells)\\.ts$';

export default {
  forbidden: [
    {
      name: 'no-cycles',
      comment:
        'An import cycle ties two modules into one; move what both need into its own module.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'src/domain runs in the task pane and in Node alike: no I/O, no adapters.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/'], dependencyTypesNot: ['npm', 'npm-dev'] },
    },
    {
      name: 'domain-packages',
      comment: `src/domain may only use ${DOMAIN_PACKAGES.join(', ')} from npm.`,
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev'],
        pathNot: DOMAIN_PACKAGES.map((p) => `(^|/)node_modules/${p}/`),
      },
    },
    {
      name: 'sync-not-cli',
      comment: 'The sync is used by the CLI, never the other way round.',
      severity: 'error',
      from: { path: '^src/(sync|drive|workbook|reminders|fs|example)/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'drive-is-transport',
      comment:
        'Drive backends only translate list/download/upload; they know no workbooks or sync.',
      severity: 'error',
      from: { path: '^src/drive/' },
      to: { path: '^src/(sync|workbook|reminders|example|addin)/' },
    },
    {
      name: 'excel-adapter-not-node-reader',
      comment: 'The Office.js adapter runs in Excel: not the Node-side xlsx reader, not exceljs.',
      severity: 'error',
      from: { path: '^src/workbook/excel/' },
      to: { path: ['^src/workbook/xlsx/', '(^|/)node_modules/exceljs/'] },
    },
    {
      name: 'browser-not-node',
      comment:
        'The task pane runs in a browser: no Node built-ins, no drive, sync, CLI or Node reader.',
      severity: 'error',
      from: { path: '^src/addin/' },
      to: {
        path: [NODE_XLSX, '^src/(drive|sync|cli|fs|reminders|example)/'],
      },
    },
    {
      name: 'browser-no-core-modules',
      severity: 'error',
      from: { path: '^src/addin/' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
