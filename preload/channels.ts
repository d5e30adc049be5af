/** The ipc channel names, derived from contract names (used by main/app and the preload only). */
import type { ActionName, EventName } from './contract';

export const actionChannel = (action: ActionName): string => `pos:${action}`;
export const eventChannel = (event: EventName): string => `pos-event:${event}`;
