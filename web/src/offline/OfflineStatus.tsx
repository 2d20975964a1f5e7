import { useSyncExternalStore } from 'react';
import { ApiError, type ProblemParams } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { localToday, Notice, useProblemText } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';
import {
  answerFailed,
  deviceLocked,
  deviceVersion,
  hasDeviceSession,
  isOffline,
  keptPrediction,
  outbox,
  recentlySent,
  subscribe,
} from './device.ts';
import type { FailedItem } from './outbox.ts';

/** Re-renders when what the phone keeps, or the connection, changes. */
function useDevice(): void {
  useSyncExternalStore(subscribe, deviceVersion);
}

/** "You are offline — last updated <date>" while there is no connection (her last prediction's date). */
export function OfflineStatus() {
  const { t, date } = useI18n();
  useDevice();
  if (!isOffline()) return null;
  const kept = keptPrediction(localToday());
  return (
    <div data-offline-status="">
      <Notice>{kept ? t('offline.notice', { date: date(kept.madeOn) }) : t('offline.notice_none')}</Notice>
    </div>
  );
}

function Refused({ item }: { item: FailedItem }) {
  const { t, date } = useI18n();
  const describe = useProblemText();
  const day = item.kind === 'day' ? item.path.slice(-10) : String(item.body.startDate ?? '');
  const params = (item.params ?? {}) as ProblemParams;
  const reason = describe(new ApiError(0, item.code, t('web.error'), [], { params })).text;
  return (
    <div className="problem" role="alert">
      <p>
        {t(item.kind === 'day' ? 'offline.failed_day' : 'offline.failed_period', { date: date(day) })}{' '}
        {reason}
      </p>
      <div className="row">
        {item.code === 'confirmation_required' && (
          <button type="button" className="primary" onClick={() => answerFailed(item.id, true)}>
            {t('web.save_anyway_yes')}
          </button>
        )}
        <button type="button" onClick={() => answerFailed(item.id, false)}>
          {t('offline.dismiss')}
        </button>
      </div>
    </div>
  );
}

/**
 * On every page, above its heading: that she is offline and since when her home's data dates,
 * what waits on this phone to be sent ("Saved on this phone — 2 waiting to send"), "Sent" once
 * it has arrived, and any entry the server refused, with what to do about it.
 */
export function OfflineBanner() {
  const { tn, t } = useI18n();
  const { user } = useAuth();
  useDevice();
  const box = outbox();
  const waiting = box?.items.length ?? 0;
  const failed = box?.failed ?? [];
  const locked = !user && isOffline() && deviceLocked();
  const offline = Boolean(user) && isOffline();
  if (!offline && !waiting && !failed.length && !recentlySent() && !locked) return null;
  // With no session here nor kept on the phone, entries wait for her next sign-in.
  const signInFirst = !user && !hasDeviceSession();
  return (
    <div className="offline-banner" data-outbox={waiting}>
      {offline && <OfflineStatus />}
      {locked && <Notice>{t('offline.locked')}</Notice>}
      {waiting > 0 && (
        <Notice>{tn(signInFirst ? 'offline.waiting_signin' : 'offline.waiting', waiting)}</Notice>
      )}
      {waiting === 0 && recentlySent() && <Notice>{t('offline.sent')}</Notice>}
      {failed.map((item) => (
        <Refused key={item.id} item={item} />
      ))}
    </div>
  );
}
