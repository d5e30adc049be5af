/** English for zh-CN-screens.ts. Spread into en.ts. */
export const enScreens = {
  dayPrev: 'Previous day',
  dayNext: 'Next day',
  dayAny: 'Any day',
} as const;
