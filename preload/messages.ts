/**
 * Messages as codes: main never sends a sentence to the screen. Every notice, refusal, error,
 * warning and status text that crosses the contract is a `Msg` — a stable code plus typed
 * parameters — and the renderer words it in the cashier's language (renderer/src/i18n/messages-*.ts).
 *
 * `messageSpecs` lists every code with the names of its parameters. A parameter's type follows
 * from its name, and so does how the renderer formats it:
 *   - `…Fen`    integer fen, shown as money in the app's language (¥128.50)
 *   - `…Msg`    a nested message, translated too (e.g. the reason inside "Payment failed: …")
 *   - `…At`     epoch milliseconds, shown as a date and time
 *   - `wallet`  a wallet id (wechat, alipay…), shown as the wallet's name
 *   - others    plain text or a number (order numbers, paths, counts)
 * Codes are stable strings: never rename one; add a new code instead.
 */
export const messageSpecs = {
  // ── Transport and generic errors (PosError envelopes) ──
  'error.unknownAction': ['name'],
  'error.invalidArgs': ['detail'],
  'error.internal': ['detail'],
  'error.starting': [],
  'error.requestTooLarge': [],
  'error.badJson': [],
  'error.unreachable': ['detail'],
  /** Text the renderer itself caught (a thrown Error without a code): shown as it is. */
  'error.client': ['detail'],

  // ── Amount typed by the cashier (money.ts) ──
  'amount.required': [],
  'amount.negative': [],
  'amount.tooManyDecimals': [],
  'amount.mustBePositive': [],
  'amount.overLimit': ['maxFen'],
  'amount.malformed': ['input'],
  'amount.receivedRequired': [],
  'amount.floatRequired': [],
  'amount.payoutRequired': [],

  // ── Payment code scanned (paycode.ts) ──
  'paycode.empty': [],
  'paycode.notDigits': ['code'],
  'paycode.goodsBarcode': ['code'],
  'paycode.unknownFormat': ['code', 'length'],
  'paycode.alreadyScanned': [],
  'paycode.amountFirst': [],

  // ── Checkout progress lines (under the QR / scan prompt) ──
  'checkout.scanPrompt': [],
  'checkout.customerPaying': [],
  'checkout.confirming': [],
  'checkout.reversing': [],
  'checkout.querying': [],
  'checkout.recoveredScan': [],
  'checkout.recoveredConfirming': [],
  'checkout.creatingQr': [],
  'checkout.charging': [],
  'checkout.qrExpiredClosing': [],
  'checkout.timeoutReversing': [],
  'checkout.unknownQuerying': ['reasonMsg'],
  'checkout.mixedDue': ['cashFen', 'dueFen'],

  // ── Checkout refusals ──
  'checkout.recovering': [],
  'checkout.busy': [],
  'checkout.journalFailedNotCharged': ['reasonMsg'],
  'checkout.journalFailedNoCash': ['reasonMsg'],

  // ── Checkout results and next steps ──
  'result.paid': [],
  'result.paidCash': [],
  'result.paidMixed': ['cashFen'],
  'result.createFailed': ['reasonMsg'],
  'result.createUnknown': [],
  'result.payFailed': ['reasonMsg'],
  'result.qrExpiredUnpaid': [],
  'result.notFoundNotCharged': [],
  'result.qrExpiredClosed': [],
  'result.reversedWindowEnd': [],
  'result.reversed': [],
  'result.canceledByCustomer': [],
  'result.orderCanceled': [],
  'result.qrExpired': [],
  'result.needsAttention': ['reasonMsg'],
  'result.amountMismatch': ['dueFen', 'platformFen'],
  'result.journalFailedQrHidden': ['reasonMsg'],
  'result.journalFailedNotReversed': ['reasonMsg'],
  'result.journalWarning': ['textMsg', 'reasonMsg'],
  'result.unknown': [],
  'result.resumed': [],
  'next.collectAgain': [],
  'next.refreshCode': [],
  'next.continueCollect': [],
  'next.queryAgain': [],

  // ── What the payment platform answered (driver level) ──
  'platform.said': ['text', 'errorCode'],
  'platform.noAnswer': [],
  'platform.cancelUnknown': [],
  'platform.noOrderData': ['bizCode'],
  'platform.orderState': ['state'],
  'platform.paidWithoutData': [],
  'platform.payFailed': [],
  'platform.createFailed': [],
  'platform.timeout': [],
  'platform.network': [],
  'platform.httpStatus': [],
  'platform.malformed': [],
  'platform.serverError': [],
  'platform.notActivated': [],

  // ── Cash and mixed tender ──
  'cash.short': ['receivedFen', 'dueFen', 'shortFen'],
  'cash.noSuchSale': [],
  'cash.saleOpen': [],
  'cash.walletPartPending': [],
  'cash.saleFinished': [],
  'cash.overDue': ['dueFen'],
  'cash.saleAbandoned': ['backFen'],
  'cash.payoutReasonRequired': [],
  'cash.countRequired': [],
  'cash.badDenomination': ['fen'],
  'cash.badPieces': ['n'],
  'drawer.opened': [],
  'drawer.noPrinter': [],
  'drawer.failed': ['detail'],

  // ── Devices (status bar, engineer screen) ──
  'scanner.notConfigured': [],
  'scanner.disabled': [],
  'scanner.connecting': ['path'],
  'scanner.reopened': ['path', 'baud'],
  'scanner.notFound': ['path'],
  'scanner.connected': ['path'],
  'scanner.disconnected': ['detail'],
  'scanner.overridden': ['path'],
  'printer.notConfigured': [],
  'printer.notConfiguredChoose': [],
  'printer.invalid': ['detail'],
  'printer.ok': [],
  'printer.paperOut': [],
  'printer.coverOpen': [],
  'printer.offline': [],
  'printer.unknown': [],
  'printer.nearEnd': [],
  'printer.withDetail': ['stateMsg', 'detail'],
  'printer.osDesktopOnly': [],
  'printer.osNeedsDoc': [],
  'printer.osNoStatus': [],
  'printer.osFound': [],
  'printer.osMissing': ['name'],
  'printer.osNone': [],
  'printer.osListFailed': ['detail'],
  'printer.osFailed': ['detail'],
  'printer.failed': ['detail'],
  'receipt.noOrder': ['clientSn'],
  'receipt.notPaid': [],

  // ── Start-up warnings and recovery ──
  'warn.journalCorrupt': ['line', 'file', 'detail'],
  'warn.dataNotWritable': ['detail'],
  'warn.secretsInClear': [],
  'warn.settingsUnreadable': ['errno', 'detail', 'dir'],
  'warn.settingsCorrupt': ['detail', 'aside'],
  'warn.settingsCorruptStuck': ['detail', 'error'],
  'warn.settingsInvalid': ['detail', 'aside'],
  'warn.settingsInvalidStuck': ['detail', 'error'],
  'warn.settingsDirNotWritable': ['reasonMsg'],
  'warn.fileSetAside': ['file', 'detail', 'aside'],
  'warn.shiftUnreadable': ['file', 'detail'],
  'warn.managerConfigInvalid': ['detail'],
  'aggregator.checkinFailed': ['reasonMsg'],
  'aggregator.notActivated': [],
  'aggregator.sandboxActivationFailed': ['reasonMsg'],

  // ── Operators and PINs ──
  'pin.locked': ['seconds'],
  'pin.wrongLocked': ['seconds'],
  'pin.wrong': ['tries'],
  'pin.wrongPlain': [],
  'pin.unknownRole': ['role'],
  'pin.nameRequired': [],
  'pin.format': [],
  'pin.defaultNotAllowed': [],
  'pin.taken': [],
  'pin.noSuchOperator': ['name'],
  'pin.lastManager': [],
  'pin.lastEngineer': [],
  'pin.changed': [],
  'operator.saved': ['name'],
  'operator.removed': ['name'],

  // ── Refunds and voids ──
  'refund.voidNotPaid': [],
  'refund.voidHasRefunds': [],
  'refund.voidOtherDay': [],
  'refund.pendingFirst': [],
  'refund.overRefundable': ['leftFen'],
  'refund.noOrder': ['clientSn'],
  'refund.noRefund': ['refundRequestNo'],
  'refund.notPaid': [],
  'refund.busy': [],
  'refund.done': [],
  'refund.failedPlain': [],
  'refund.cashVoided': [],
  'refund.cashRefund': [],
  'refund.voided': [],
  'refund.refunded': [],
  'refund.failed': ['reasonMsg'],
  'refund.voidedQueried': [],
  'refund.refundedQueried': [],
  'refund.unknown': ['reasonMsg'],
  'refund.cashSaleAbandoned': [],

  // ── Shift close (Z) ──
  'shift.openFirst': ['shiftNo', 'openedBy'],
  'shift.unsettled': ['partsMsg'],
  'shift.unsettledPayments': ['n', 'list'],
  'shift.unsettledRefunds': ['n', 'list'],
  'shift.unsettledBoth': ['paymentsMsg', 'refundsMsg'],
  'shift.noZReport': ['zNo'],
  'shift.mixedOpen': ['saleId', 'totalFen', 'paidFen', 'dueFen'],

  // ── Engineer settings ──
  'eng.pinFirst': [],
  'eng.unlockedManager': ['name'],
  'eng.unlocked': [],
  'eng.fieldsInvalid': [],
  'eng.restartAggregator': [],
  'eng.restartPrinter': [],
  'eng.scannerArgWins': ['path'],
  'eng.printerArgWins': ['spec'],
  'eng.restartSandbox': [],
  'eng.baseUrlFirst': [],
  'eng.vendorFirst': [],
  'eng.printerSavedArgWins': [],
  'eng.printerSwitched': ['spec'],
  'eng.printerNone': [],
  'eng.aggregatorSaved': [],
  'eng.aggregatorSavedRestart': [],
  'eng.shopSaved': [],
  'eng.activationCodeFormat': [],
  'eng.activated': ['terminalSn'],
  'eng.notActivated': [],
  'eng.checkinOk': ['terminalSn'],
  'eng.imported': ['scannerMsg'],
  'eng.portMissing': ['path'],
  'eng.frameDuplicate': [],
  'eng.frameNoise': [],
  'eng.frameOverflow': [],
  'eng.framePaycode': [],
  'eng.frameGarbled': ['reasonMsg'],
  'eng.settingsNotSaved': ['reasonMsg'],
  'eng.settingsNeedEngineer': [],
  'eng.importBadJson': ['detail'],
  'eng.importNotSettings': [],
  'eng.importNoVersion': [],
  'eng.importHasSecret': ['key'],
  'eng.importInvalid': ['path', 'detail'],
  'form.intRange': ['fieldMsg', 'min', 'max'],
  'form.between': ['fieldMsg', 'min', 'max'],
  'form.oneOf': ['fieldMsg', 'allowed'],
  'form.serialPath': [],
  'form.baudRate': ['allowed'],
  'form.dataBits': [],
  'form.stopBits': [],
  'form.paperWidth': [],
  'form.transport': [],
  'form.fileDir': [],
  'form.tcpAddress': [],
  'form.serialAddress': [],
  'form.osAddress': [],
  'form.fileDirAbsolute': [],
  'form.addressInvalid': ['detail'],
  'form.baseUrl': [],
  'form.baseUrlHttps': [],
  'form.baseUrlRequired': [],
  'form.vendorSn': [],
  'form.appId': [],
  'form.vendorKey': [],
  'form.vendorSnRequired': [],
  'form.appIdRequired': [],
  'form.vendorKeyRequired': [],
  'form.shopName': [],
  'form.shopNameLong': [],
  'form.terminalName': [],
  'form.terminalNameLong': [],
  'field.parity': [],
  'field.suffix': [],
  'field.interCharTimeout': [],
  'field.dedupe': [],
  'field.wedgeGap': [],
  'field.mode': [],
  'platform.insufficientFund': [],
  'platform.expiredBarcode': [],
  'platform.invalidBarcode': [],
  'platform.tradeCanceled': [],
  'platform.tradeTimeout': [],
  'platform.tradeFailed': [],
  'platform.orderNotExists': [],
  'platform.illegalSign': [],
  'platform.invalidTerminal': [],
  'platform.invalidActivationCode': [],
  'platform.systemError': [],
  'platform.refundableNotEnough': [],
  'platform.invalidState': [],
  'platform.cancelFailed': [],
  'order.attemptMissing': [],
  'order.amountMismatch': ['orderFen', 'resultFen'],
  'journal.diskFull': [],
  'journal.readOnly': [],
  'journal.noPermission': [],
  'journal.ioError': [],
  'journal.dirMissing': [],
  'journal.tooManyFiles': [],
  'journal.closed': [],
  'journal.writeFailed': [],
  'refund.amountPositive': [],
  'refund.voidFailed': ['reasonMsg'],
  'platform.bizCode': ['bizCode'],
  'settings.invalid': ['path', 'detail'],
  'settings.writeFailed': ['errno', 'detail'],
  'warn.technical': ['detail'],
  'printer.withNote': ['stateMsg', 'noteMsg'],
} as const satisfies Record<string, readonly string[]>;

export type MessageCode = keyof typeof messageSpecs;
export const messageCodes = Object.keys(messageSpecs) as MessageCode[];

/** The type of one parameter, from its name (see the header). */
export type MsgParamValue<K extends string> =
  K extends `${string}Fen` ? number
    : K extends `${string}Msg` ? Msg
      : K extends `${string}At` ? number
        : string | number;

export type MessageParams<C extends MessageCode> = { [K in (typeof messageSpecs)[C][number]]: MsgParamValue<K> };

/** One message: a code and, when the code has parameters, all of them. */
export type Msg = {
  [C in MessageCode]: (typeof messageSpecs)[C] extends readonly [] ? { code: C; params?: undefined } : { code: C; params: MessageParams<C> };
}[MessageCode];

type ParamArgs<C extends MessageCode> = (typeof messageSpecs)[C] extends readonly [] ? [] : [params: MessageParams<C>];

/** Builds a message: `msg('amount.overLimit', { maxFen: 1_000_000 })`. */
export function msg<C extends MessageCode>(code: C, ...params: ParamArgs<C>): Msg {
  return (params.length ? { code, params: params[0] } : { code }) as Msg;
}

export function isMsg(v: unknown): v is Msg {
  return typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string' && Object.hasOwn(messageSpecs, (v as { code: string }).code);
}
