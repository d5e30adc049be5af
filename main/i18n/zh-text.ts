/** The Chinese wording of a message lives in main/shared (ServiceError needs it there); re-exported for main's folders. */
export { zhText, journalText } from '../shared/zh-text';
