/** zh-CN catalogue for the screens' own controls (issue 15): day stepper. Spread into zh-CN.ts. */
export const zhCNScreens = {
  dayPrev: '前一天',
  dayNext: '后一天',
  dayAny: '全部日期',
} as const;
