/** Reading ESC/POS bytes back the way a customer and a scanner would: the text and the QR payloads. */
import iconv from 'iconv-lite';

/** The GBK text a customer reads, commands removed. */
export function printedText(bytes: Buffer): string {
  return iconv.decode(stripCommands(bytes), 'gbk');
}

/** Remove ESC/POS commands, keeping text bytes and LF. */
export function stripCommands(bytes: Buffer): Buffer {
  const out: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b === 0x1b) { // ESC @ | ESC p m t1 t2 (drawer kick) | ESC x n
      const c = bytes[i + 1];
      i += c === 0x40 ? 2 : c === 0x70 ? 5 : 3;
    } else if (b === 0x1c) { // FS & / FS . | FS ! n (Kanji print mode)
      i += bytes[i + 1] === 0x21 ? 3 : 2;
    } else if (b === 0x10) { // DLE EOT n / DLE ENQ n
      i += 3;
    } else if (b === 0x1d) { // GS ( k pL pH … | GS V n, GS ! n
      i += bytes[i + 1] === 0x28 ? 5 + bytes[i + 3]! + 256 * bytes[i + 4]! : 3;
    } else { out.push(b); i += 1; }
  }
  return Buffer.from(out);
}

/** Payloads of every GS ( k "store the QR data" (cn 49, fn 80) command. */
export function qrPayloads(bytes: Buffer): string[] {
  const found: string[] = [];
  for (let i = 0; i + 8 <= bytes.length; i++) {
    if (bytes[i] === 0x1d && bytes[i + 1] === 0x28 && bytes[i + 2] === 0x6b && bytes[i + 5] === 0x31 && bytes[i + 6] === 0x50 && bytes[i + 7] === 0x30) {
      const len = bytes[i + 3]! + 256 * bytes[i + 4]! - 3;
      found.push(bytes.subarray(i + 8, i + 8 + len).toString('latin1'));
    }
  }
  return found;
}
