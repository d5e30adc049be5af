export { createCmbDriver, type CmbDriverOptions } from './driver';
export type { CmbConfig, CmbTerminalInfo } from './config';
export { UAT_BASE_URL, PROD_BASE_URL } from './config';
export { generateSm2KeyPair, publicKeyOf, isKeyPair, isPrivateKeyHex, spkiToPublicHex } from './gm';
