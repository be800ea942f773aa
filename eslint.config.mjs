import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tmp/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  // Layers (README, Architecture): the core in shared/ runs in the renderer, the main process and
  // the command line alike, so it imports no UI, storage, Node or Electron code; the UI reaches
  // storage only through the core's services.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'antd', 'antd/*', '@ant-design/*', 'echarts', 'echarts/*', 'zustand'], message: '核心（shared/）不引用界面代码 / the core imports no UI code' },
            { group: ['dexie', 'fake-indexeddb', 'fake-indexeddb/*'], message: '核心只通过存储端口访问数据 / the core reaches storage only through its port (shared/app/storage.ts)' },
            { group: ['electron', 'electron/*', 'node:*', 'fs', 'path', 'os', 'child_process'], message: '核心不依赖 Node 或 Electron / the core imports no Node or Electron module' },
            { group: ['**/renderer/**', '**/electron/**', '**/cli/**'], message: '核心不引用外层代码 / the core imports nothing from the layers that use it' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/pages/**/*.{ts,tsx}', 'renderer/src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['dexie', '**/db', '**/db/*'], message: '界面不直接访问数据库，请调用核心服务 / UI code calls the core services, never the database' },
            { group: ['electron', 'electron/*', 'node:*'], message: '界面只通过预加载接口访问本机 / the UI reaches the machine only through the desktop API' },
            {
              group: ['**/shared/xlsx/*', '!**/shared/xlsx/errors', '!**/shared/xlsx/form-items', '!**/shared/xlsx/file-kind', 'exceljs'],
              allowTypeImports: true,
              message: 'Excel 代码按需加载，请用 loadXlsx()（components/excel/xlsx.ts）/ load the Excel code with loadXlsx(), never at start-up',
            },
          ],
        },
      ],
    },
  },
  {
    // The one place the Excel chunk is put together (see components/excel/xlsx.ts).
    files: ['renderer/src/components/excel/xlsx-chunk.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['scripts/**/*.{js,mjs}', '*.config.{js,mjs}', 'jest.config.js', 'test/e2e/support/*.js'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
