import { useEffect, useState } from 'react';
import { getApi } from '../api';
import { useT } from '../i18n/i18n';

interface Notice {
  id: number;
  kind: 'free' | 'mention' | 'decision' | 'ask' | 'answer';
  name: string;
  text?: string;
}

/** The words of each kind of notice, from the one string table. */
const titles = {
  free: 'notice.free',
  mention: 'notice.mention',
  decision: 'notify.decision.title',
  ask: 'notify.ask.title',
  answer: 'notify.answer.title',
} as const;

/** In the browser the page tells the person itself; the Electron app uses system notifications. */
export async function askToNotify(): Promise<void> {
  const info = await getApi()?.appInfo({});
  if (info?.mode === 'browser' && 'Notification' in window && Notification.permission === 'default')
    await Notification.requestPermission();
}

/**
 * What the core tells the person ("Ana is free now", "Bob mentioned you"): shown in the page
 * until dismissed, and in the browser mode as a system notification where allowed.
 */
export function Notices() {
  const t = useT();
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(() => {
    const api = getApi();
    let browser = false;
    void api?.appInfo({}).then((info) => (browser = info.mode === 'browser'));
    return api?.on('core:notify', (payload) => {
      const note = payload;
      const notice = { ...note, id: Date.now() + Math.random() };
      setNotices((list) => [...list.slice(-3), notice]);
      const title = t(titles[note.kind] ?? 'notice.mention', { name: note.name });
      if (browser && 'Notification' in window && Notification.permission === 'granted')
        new Notification(title, note.text ? { body: note.text } : {});
    });
  }, [t]);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <p key={n.id} className="notice" data-testid="notice">
          {t(titles[n.kind] ?? 'notice.mention', { name: n.name })}
          {n.text ? ` — ${n.text}` : ''}{' '}
          <button
            type="button"
            className="link"
            onClick={() => setNotices((l) => l.filter((x) => x.id !== n.id))}
          >
            {t('notice.dismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}
