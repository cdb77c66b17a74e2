// why: the package ships no types for its version 10, and pocsim uses only these two calls.
declare module 'gettext-parser' {
  export interface PoEntry {
    msgctxt?: string;
    msgid: string;
    msgid_plural?: string;
    msgstr: string[];
    comments?: {
      translator?: string;
      extracted?: string;
      reference?: string;
      flag?: string;
      previous?: string;
    };
  }
  export interface PoFile {
    charset: string;
    headers: Record<string, string>;
    translations: Record<string, Record<string, PoEntry>>;
  }
  export const po: {
    parse(input: string | Uint8Array, options?: { defaultCharset?: string; validation?: boolean }): PoFile;
    compile(
      table: PoFile,
      options?: { foldLength?: number; sort?: boolean; escapeCharacters?: boolean },
    ): Uint8Array;
  };
}
