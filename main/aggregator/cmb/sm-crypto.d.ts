/** The parts of sm-crypto 0.5.8 (npm, MIT) Yima uses; the package ships no types. */
declare module 'sm-crypto' {
  interface SignOptions { der?: boolean; hash?: boolean; userId?: string; publicKey?: string }
  interface Sm2 {
    generateKeyPairHex(): { privateKey: string; publicKey: string };
    getPublicKeyFromPrivateKey(privateKey: string): string;
    doSignature(msg: string, privateKey: string, opts?: SignOptions): string;
    doVerifySignature(msg: string, signHex: string, publicKey: string, opts?: SignOptions): boolean;
    /** cipherMode 1 = C1C3C2 (hex, C1 without the 04 prefix). */
    doEncrypt(msg: string | number[], publicKey: string, cipherMode?: 0 | 1): string;
    doDecrypt(hex: string, privateKey: string, cipherMode?: 0 | 1, opts?: { output?: 'string' | 'array' }): string;
  }
  interface Sm4Options { padding?: 'pkcs#7' | 'pkcs#5' | 'none'; mode?: 'cbc' | 'ecb'; iv?: string | number[]; output?: 'string' | 'array' }
  interface Sm4 {
    encrypt(input: string | number[], key: string | number[], opts?: Sm4Options): string;
    decrypt(input: string | number[], key: string | number[], opts?: Sm4Options): string;
  }
  /** CommonJS: Node's ESM loader sees only the default export. */
  const smCrypto: { sm2: Sm2; sm4: Sm4; sm3(input: string | number[]): string };
  export default smCrypto;
}
