/**
 * Journal errors. Messages are bilingual log text; the screen gets a message code chosen by the
 * errno (main/i18n/error-msg.ts): "cannot journal → cannot charge".
 */

/** Errno codes we explain; anything else gets the generic message. */
const WRITE_MESSAGES: Record<string, string> = {
  ENOSPC: '磁盘已满，记录未保存 / disk full, record not saved',
  EDQUOT: '磁盘配额已满，记录未保存 / disk quota exceeded, record not saved',
  EROFS: '数据目录只读，记录未保存 / data directory is read-only, record not saved',
  EACCES: '没有写入数据目录的权限，记录未保存 / permission denied on the data directory, record not saved',
  EPERM: '没有写入数据目录的权限，记录未保存 / operation not permitted on the data directory, record not saved',
  EIO: '磁盘读写错误，记录未保存 / disk I/O error, record not saved',
  ENOENT: '数据目录不存在，记录未保存 / data directory missing, record not saved',
  EMFILE: '打开的文件过多，记录未保存 / too many open files, record not saved',
};

export function errnoCode(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string') {
    return (err as { code: string }).code;
  }
  return undefined;
}

/** An append did not reach the disk. The record did not happen: seq, index and listeners are unchanged. */
export class JournalWriteError extends Error {
  override readonly name: string = 'JournalWriteError';
  readonly code: string | undefined;
  readonly file: string | undefined;

  constructor(message: string, opts: { code?: string; file?: string; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.code = opts.code;
    this.file = opts.file;
  }

  /** Build from a failed fs call, choosing the message from its errno code. */
  static from(err: unknown, file: string | undefined, what: string): JournalWriteError {
    if (err instanceof JournalWriteError) return err;
    const code = errnoCode(err);
    const base = (code && WRITE_MESSAGES[code]) ?? '记录写入失败，记录未保存 / journal write failed, record not saved';
    const detail = err instanceof Error ? err.message : String(err);
    return new JournalWriteError(`${base} (${what}${file ? ` ${file}` : ''}: ${detail})`, { code, file, cause: err });
  }
}

/** The journal could not be opened (directory unreadable, cannot be created, bad options). */
export class JournalOpenError extends Error {
  override readonly name = 'JournalOpenError';
  readonly code: string | undefined;

  constructor(message: string, opts: { code?: string; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.code = opts.code;
  }
}

/** Append after close(). */
export class JournalClosedError extends JournalWriteError {
  override readonly name: string = 'JournalClosedError';

  constructor() {
    super('记录簿已关闭，记录未保存 / journal is closed, record not saved', { code: 'ECLOSED' });
  }
}
