import { useState, type KeyboardEvent } from 'react';
import { getApi } from '../api';
import { useT } from '../i18n/i18n';

/** The quick-post field: Enter posts (text or /command), Esc clears or closes. */
export function QuickPostInput({
  autoFocus,
  onDone,
  onEscape,
}: {
  autoFocus?: boolean;
  onDone?: () => void;
  onEscape?: () => void;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [feedback, setFeedback] = useState<{ ok: boolean; message: string } | null>(null);
  const send = async () => {
    const api = getApi();
    if (!api || !text.trim()) return;
    try {
      const result = await api.postCreate({ text });
      if (result.delivered === 'rejected') return setFeedback({ ok: false, message: result.message ?? '' });
      setText('');
      setFeedback({
        ok: true,
        message:
          result.kind !== 'post'
            ? t('post.statusSet')
            : result.delivered === 'queued'
              ? t('post.queued')
              : result.delivered === 'local'
                ? t('post.local')
                : t('post.sent'),
      });
      onDone?.();
    } catch (error) {
      setFeedback({ ok: false, message: t('error.generic', { message: (error as Error).message }) });
    }
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') void send();
    if (event.key === 'Escape') {
      if (text) setText('');
      else onEscape?.();
    }
  };
  return (
    <div className="quick-post">
      <input
        aria-label={t('post.label')}
        placeholder={t('post.placeholder')}
        value={text}
        autoFocus={autoFocus}
        maxLength={600}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
      />
      <button type="button" onClick={() => void send()}>
        {t('post.send')}
      </button>
      <p role="status" aria-live="polite" className={feedback?.ok === false ? 'error' : 'hint'}>
        {feedback?.message ?? ''}
      </p>
    </div>
  );
}
