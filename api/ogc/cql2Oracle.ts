/**
 * developmentseed's CQL2 parser (cql2-rs compiled to WebAssembly), loaded for tests as
 * an independent reading of CQL2 text. Its package targets bundlers (it imports the
 * .wasm file as a module), so the module is instantiated here by hand.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

interface Expr { to_json(): string | object }
interface Cql2Wasm { parseText(s: string): Expr; __wbg_set_wasm(exports: WebAssembly.Exports): void }

let loaded: Promise<Cql2Wasm> | undefined;

/** The oracle's parse of a CQL2 text as CQL2-JSON; throws where it refuses the text. */
export async function oracleParse(text: string): Promise<unknown> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const bg = (await import('cql2-wasm/cql2_wasm_bg.js' as string)) as Cql2Wasm;
    const bytes = fs.readFileSync(require.resolve('cql2-wasm/cql2_wasm_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './cql2_wasm_bg.js': bg as unknown as WebAssembly.ModuleImports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  const json = (await loaded).parseText(text).to_json();
  return typeof json === 'string' ? JSON.parse(json) : json;
}
