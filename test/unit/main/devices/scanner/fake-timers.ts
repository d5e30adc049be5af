/** Moved to test/support/fake-time.ts (shared with the checkout tests); kept as the scanner tests' import. */
export { FakeTime as FakeTimers } from '../../../../support/fake-time';
