/**
 * TEST-ONLY credentials of the polypay sandbox. Generated for it (sm-crypto 0.5.8
 * generateKeyPairHex, 2026-12-02); never valid at any bank. Published in README.md so the
 * counter and the sandbox can talk out of the box: `npm start -- --aggregator cmb-sandbox`.
 */
export const SANDBOX_BANK_KEYS = {
  /** The "bank's" private key: signs every sandbox reply, opens the SM4 envelope key. */
  privateKeyHex: '5232cdf178e02fd50384a9b8ebef99dee19f3cf496d7e66ef9bad352e7faa450',
  publicKeyBase64: 'MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEokQXU1EyV5fZU3YFcjr0KopMfy0GfjE4XKLLGcesRi85GR8qJmQPUcN41qWFLUiu1RAVNv+16VvfkN6Jm6Y31A==',
} as const;

export const SANDBOX_MERCHANT = {
  merId: '3089991234500001',
  /** The test cashier (收银员) and a second one of the same store, for the cashier-match rule. */
  userId: 'N003000001',
  otherUserId: 'N003000002',
  appId: 'a3f1c2d4-0000-4000-8000-yima00sandbox',
  appSecret: 'b7e2d9c0-0000-4000-8000-yima00secret',
  termId: 'YM000001',
  terminalInfo: { device_type: '10', device_id: 'YM000001', serial_num: 'YIMA-SANDBOX-1', location: '+31.23/+121.47' },
  /** The merchant key pair registered with the sandbox "bank". */
  privateKeyHex: 'b5544ad09f1fdb3413eebc241513bfa008f1b8b66e09335b2b07819d689db305',
  publicKeyBase64: 'MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAErNSgnQCOyuIzBBbAyz/gHBXFc23+cZEyV/w9cLBNcN63YCdoHfyzrtF/jdjy6V0Lcq38OXOlY2redGg50qx3sw==',
} as const;
