import tseslint from 'typescript-eslint';

const HTML_SINK_MESSAGE = 'Render text only: HTML strings break Trusted Types and invite XSS.';

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'screenshots/**',
      'coverage/**',
      '.test-results/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: HTML_SINK_MESSAGE },
        { property: 'outerHTML', message: HTML_SINK_MESSAGE },
        { property: 'insertAdjacentHTML', message: HTML_SINK_MESSAGE },
        { object: 'document', property: 'write', message: HTML_SINK_MESSAGE },
        { object: 'document', property: 'writeln', message: HTML_SINK_MESSAGE },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: HTML_SINK_MESSAGE },
        { selector: "Property[key.name='dangerouslySetInnerHTML']", message: HTML_SINK_MESSAGE },
      ],
    },
  },
  {
    // Tests build hostile fixtures on purpose.
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
