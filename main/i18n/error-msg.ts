/**
 * A thrown error as a message code for the screen: journal write failures by their errno (disk
 * full, read-only…), anything else as its text (technical, for the engineer). The full error still
 * goes to the log.
 */
import { msg, type Msg } from '../../preload/messages';
import { errnoCode } from '../journal/errors';

const BY_ERRNO: Record<string, Msg> = {
  ENOSPC: msg('journal.diskFull'),
  EDQUOT: msg('journal.diskFull'),
  EROFS: msg('journal.readOnly'),
  EACCES: msg('journal.noPermission'),
  EPERM: msg('journal.noPermission'),
  EIO: msg('journal.ioError'),
  ENOENT: msg('journal.dirMissing'),
  EMFILE: msg('journal.tooManyFiles'),
  ECLOSED: msg('journal.closed'),
};

/** Why a journal append (or another disk write) failed. */
export function journalErrorMsg(err: unknown): Msg {
  const code = errnoCode(err);
  return (code && BY_ERRNO[code]) || msg('journal.writeFailed');
}
