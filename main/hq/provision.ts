/**
 * Provisioning a store: its own login role (member of yima_store, so RLS applies to it) and its
 * row in `stores`. Role names are derived from the store id, which the schema restricts to
 * [A-Za-z0-9_-].
 */
import { STORE_ID_RE } from '../shared/store-id';
import { ident, literal, type Sql } from './db';

export { STORE_ID_RE };

export function roleForStore(storeId: string): string {
  return `yima_store_${storeId.toLowerCase()}`;
}

export interface StoreInput {
  storeId: string;
  name: string;
  password: string;
  settleAccount?: string;
  feeConfig?: { defaultFeeBp: number; settleDays: number; feeBp?: Record<string, number> };
}

export function checkStoreInput(s: StoreInput): string | null {
  if (!STORE_ID_RE.test(s.storeId)) return `门店编号只能含字母、数字、- 和 _（1–40 位）/ store id must be 1–40 of A-Z a-z 0-9 - _: ${JSON.stringify(s.storeId)}`;
  if (!s.name.trim()) return '门店名称不能为空 / store name is empty';
  if (s.password.length < 12) return '门店密码至少 12 位 / the store password needs at least 12 characters';
  return null;
}

/** Create (or update the password and name of) a store and its role, in one transaction. */
export async function addStore(sql: Sql, s: StoreInput): Promise<{ role: string; created: boolean }> {
  const bad = checkStoreInput(s);
  if (bad) throw new Error(bad);
  const role = roleForStore(s.storeId);
  return sql.transaction(async (tx) => {
    const clash = await tx.query<{ store_id: string }>('SELECT store_id FROM stores WHERE role_name = $1 AND store_id <> $2', [role, s.storeId]);
    if (clash.rows[0]) throw new Error(`门店编号 ${s.storeId} 与 ${clash.rows[0].store_id} 只差大小写 / store id clashes with ${clash.rows[0].store_id}`);
    const exists = await tx.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const verb = exists.rows.length ? 'ALTER' : 'CREATE';
    await tx.exec(`${verb} ROLE ${ident(role)} LOGIN PASSWORD ${literal(s.password)}`);
    if (!exists.rows.length) await tx.exec(`GRANT yima_store TO ${ident(role)}`);
    const fee = JSON.stringify(s.feeConfig ?? { defaultFeeBp: 38, settleDays: 1 });
    const r = await tx.query<{ inserted: boolean }>(
      `INSERT INTO stores (store_id, name, role_name, settle_account, fee_config) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (store_id) DO UPDATE SET name = EXCLUDED.name,
         settle_account = CASE WHEN EXCLUDED.settle_account = '' THEN stores.settle_account ELSE EXCLUDED.settle_account END,
         fee_config = CASE WHEN $6 THEN EXCLUDED.fee_config ELSE stores.fee_config END
       RETURNING (xmax = 0) AS inserted`,
      [s.storeId, s.name.trim(), role, s.settleAccount ?? '', fee, s.feeConfig !== undefined],
    );
    return { role, created: r.rows[0]?.inserted ?? false };
  });
}
