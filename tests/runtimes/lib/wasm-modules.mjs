// What wrangler and Next.js do with `.wasm` imports when they bundle a
// Worker or an edge function, as an esbuild plugin: such an import stays an
// import of a separate module (wrangler uploads it as a CompiledWasm
// module; Next.js binds a WebAssembly.Module compiled ahead of time), so
// the code never compiles WebAssembly from bytes.
//
// mode 'module': keep `import x from './file.wasm'` (Workers)
// mode 'global': turn it into a global binding, as Next.js's edge build does
import path from 'node:path';

export function wasmModules({ mode, found }) {
  return {
    name: 'wasm-modules',
    setup(build) {
      build.onResolve({ filter: /\.wasm(\?module)?$/ }, (args) => {
        const file = path.resolve(args.resolveDir, args.path.replace(/\?module$/, ''));
        const name = path.basename(file);
        found.set(name, file);
        if (mode === 'module') return { path: `./${name}`, external: true };
        return { path: name, namespace: 'wasm-binding' };
      });
      build.onLoad({ filter: /.*/, namespace: 'wasm-binding' }, (args) => ({
        contents: `export default globalThis[${JSON.stringify(bindingName(args.path))}];`,
        loader: 'js',
      }));
    },
  };
}

export const bindingName = (file) => 'wasm_' + path.basename(file).replace(/\W/g, '_');
