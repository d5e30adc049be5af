import { useState } from 'react';
import { useStore } from '../../store';
import { useMsg, useT } from '../../i18n';
import { EngineerField, SectionFeedbackLine } from './EngineerField';

/** Aggregator: sandbox / production, API URL, vendor sn / app id / key (write-only), activation, check-in. */
export function AggregatorSection() {
  const saveSection = useStore((s) => s.saveEngineerSection);
  const keySet = useStore((s) => s.engineerView?.aggregator.vendorKeySet ?? false);
  const activated = useStore((s) => s.engineerView?.terminal.activated ?? false);
  const terminalSn = useStore((s) => s.engineerView?.terminal.terminalSn);
  const terminalMessage = useStore((s) => s.engineerView?.terminal.message);
  const runningMode = useStore((s) => s.engineerView?.running.mode);
  const runningUrl = useStore((s) => s.engineerView?.running.baseUrl);
  const activate = useStore((s) => s.activateTerminal);
  const checkin = useStore((s) => s.checkinNow);
  const [code, setCode] = useState('');
  const t = useT();
  const tm = useMsg();
  return (
    <section className="eng-card" data-testid="eng-aggregator">
      <h3>{t('engAggregator')}</h3>
      <div className="eng-status">{t('engRunning', { mode: runningMode === 'production' ? t('engModeproduction') : t('engModesandbox'), url: runningUrl ?? '' })}</div>
      <div className="eng-grid">
        <EngineerField section="aggregator" field="mode" label={t('engMode')} options={[['sandbox', t('engModesandbox')], ['production', t('engModeproduction')]]} />
        <EngineerField section="aggregator" field="baseUrl" label={t('engBaseUrl')} placeholder="https://…" hint={t('engBaseUrlHint')} />
        <EngineerField section="aggregator" field="vendorSn" label={t('engVendorSn')} />
        <EngineerField section="aggregator" field="appId" label={t('engAppId')} />
        <EngineerField section="aggregator" field="vendorKey" label={t('engVendorKey')} type="password"
          placeholder={keySet ? t('engKeySet') : t('engKeyNotSet')} hint={t('engKeyHint')} />
        <EngineerField section="aggregator" field="qrMode" label={t('qrModeLabel')} options={[['unified', t('qrModeUnified')], ['per-wallet', t('qrModePerWallet')]]} />
      </div>
      <div className="eng-key-state" data-testid="eng-vendor-key-state">{t('engVendorKey')}: {keySet ? t('engKeySet') : t('engKeyNotSet')}</div>
      <div className="actions">
        <button className="btn primary" onClick={() => void saveSection('aggregator')} data-testid="eng-aggregator-save">{t('engSave')}</button>
      </div>
      <SectionFeedbackLine section="aggregator" />

      <h4>{t('engTerminal')}</h4>
      <div data-testid="eng-terminal-state">
        {activated ? t('engActivated', { sn: terminalSn ?? '' }) : t('engNotActivated')}
        {' · '}{t('engTerminalKey')}: {activated ? t('engKeySet') : t('engKeyNotSet')}
      </div>
      {terminalMessage && <div className="eng-warn">{tm(terminalMessage)}</div>}
      <form className="eng-inline" onSubmit={(e) => { e.preventDefault(); void activate(code); }}>
        <label>{t('engActivationCode')}
          <input value={code} onChange={(e) => setCode(e.target.value)} data-testid="eng-activation-code" autoComplete="off" inputMode="numeric" />
        </label>
        <button className="btn primary" type="submit" data-testid="eng-activate">{t('engActivate')}</button>
        <button className="btn" type="button" onClick={() => void checkin()} data-testid="eng-checkin">{t('engCheckin')}</button>
      </form>
      <SectionFeedbackLine section="terminal" />
    </section>
  );
}
