/** Moved to main/shared/zh-text.ts (ServiceError, in the bottom layer, words its message with it). */
export { zhText, journalText } from '../shared/zh-text';
