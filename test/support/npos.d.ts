/** Types for the parts of `npos` (a third-party ESC/POS parser, devDependency) the tests use. */
declare module 'npos/lib/parser' {
  export interface NposNode { code: number; ascii: string; fn?: string; offset: number; length: number }
  export interface NposAst { raw: Buffer; error?: Error; tree: NposNode[]; entries: { type: string; data: Buffer }[] }
  interface NposParser { parse(buf: Buffer): Promise<NposAst> }
  function parser(rules?: unknown): NposParser;
  export default parser;
}
declare module 'npos/lib/parser/rules' {
  const rules: Record<number, unknown>;
  export default rules;
}
