/** Moved to main/shared/money.ts (a shared primitive below every feature); kept so imports inside checkout/ stay short. */
export * from '../shared/money';
