/**
 * The layering rules of docs/architecture.md, checked by `npm run check:imports` (and so by CI):
 * platform ← ui ← features, no import cycles, and a feature reaches another only through its index.ts.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'An import cycle: two modules that need each other belong together, or one of them is in the wrong layer.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'feature-internals',
      severity: 'error',
      comment: "A feature uses another feature only through that feature's index.ts (its front door).",
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/([^/]+)/', pathNot: ['^src/features/$1/', '^src/features/[^/]+/index\\.tsx?$'] },
    },
    {
      name: 'platform-depends-on-nothing-above',
      severity: 'error',
      comment:
        'The platform layer (db, errors, i18n, audit, policy, sessions, mail, web) knows no feature and no view kit.',
      from: { path: '^src/platform/' },
      to: { path: '^src/(features|ui|app)/' },
    },
    {
      name: 'ui-is-pure-views',
      severity: 'error',
      comment: 'The UI kit renders what it is given: no feature, no database.',
      from: { path: '^src/ui/' },
      to: { path: ['^src/features/', '^src/app/', '^src/platform/db/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '^dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
