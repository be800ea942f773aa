/* global module */
/**
 * Jest transform for PGlite's CommonJS build: its `import("fs")`-style loads of Node's own modules
 * need --experimental-vm-modules under Jest's module sandbox, so they become require() calls
 * (`require` saved first: Emscripten's code declares a `require` of its own).
 */
module.exports = {
  process(source) {
    const code = source.replace(/\bimport\("([a-z:/_]+)"\)/g, 'Promise.resolve().then(() => __zwcRequire("$1"))');
    return { code: `const __zwcRequire = require;\n${code}` };
  },
};
