import { useState, type KeyboardEvent } from 'react';
import { getApi } from '../api';
import { BridgeDown } from '../bridge-client';
import { useT } from '../i18n/i18n';
import { useCore, useNow } from '../use-core';
import { PersonContext } from './person-context';

/** The @word being typed at the end of the text, if any. */
const typingMention = (text: string) => /(?:^|\s)@([\p{L}\p{N}_.-]*)$/u.exec(text)?.[1];

/**
 * The quick-post field: Enter posts (text or /command), Esc clears or closes. Typing @
 * suggests teammates (accent-insensitive) with the highlighted one's day beside; /decide
 * shows its heads-ups first, and /ask says when it will arrive.
 */
export function QuickPostInput({
  autoFocus,
  onDone,
  onEscape,
  initial = '',
}: {
  autoFocus?: boolean;
  onDone?: () => void;
  onEscape?: () => void;
  initial?: string;
}) {
  const t = useT();
  const [text, setText] = useState(initial);
  const [feedback, setFeedback] = useState<{ ok: boolean; message: string } | null>(null);
  const [headsUps, setHeadsUps] = useState<{ name: string; message: string }[] | null>(null);
  const [highlight, setHighlight] = useState(0);
  const now = useNow(null);
  const typed = typingMention(text);
  // Anyone in the organisation may be named (the post reaches them); my board's people first.
  const named = useCore(['mention', typed], (api) =>
    typed === undefined ? Promise.resolve({ people: [] }) : api.peopleMention({ typed }),
  ).data;
  const suggestions = typed === undefined ? [] : (named?.people ?? []);
  const current = suggestions[Math.min(highlight, suggestions.length - 1)];

  const complete = (name: string) => {
    const handle = name.split(/\s+/)[0]!;
    setText(text.replace(/@([\p{L}\p{N}_.-]*)$/u, `@${handle} `));
    setHighlight(0);
  };

  const send = async (confirmed = false) => {
    const api = getApi();
    const sent = text;
    if (!api || !sent.trim()) return;
    try {
      if (!confirmed && /^\/decide\b/i.test(sent.trim())) {
        const preview = await api.postPreview({ text: sent });
        if (preview.headsUps.length > 0) return setHeadsUps(preview.headsUps);
      }
      setHeadsUps(null);
      const result = await api.postCreate({ text: sent });
      if (result.delivered === 'rejected') return setFeedback({ ok: false, message: result.message ?? '' });
      // Only what was sent is cleared: the next post, typed while this one went out, stays.
      setText((current) => (current === sent ? '' : current));
      setFeedback({
        ok: true,
        message: result.ask
          ? result.ask.message
          : result.kind === 'status' || result.kind === 'clear'
            ? t('post.statusSet')
            : result.delivered === 'queued'
              ? t('post.queued')
              : result.delivered === 'local'
                ? t('post.local')
                : t('post.sent'),
      });
      onDone?.();
    } catch (error) {
      setFeedback({
        ok: false,
        message:
          error instanceof BridgeDown
            ? t('bridge.down')
            : t('error.generic', { message: (error as Error).message }),
      });
    }
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (suggestions.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        return setHighlight((highlight + step + suggestions.length) % suggestions.length);
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && current) {
        event.preventDefault();
        return complete(current.name);
      }
    }
    if (event.key === 'Enter') void send();
    if (event.key === 'Escape') {
      if (headsUps) setHeadsUps(null);
      else if (text) setText('');
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
        role="combobox"
        aria-expanded={suggestions.length > 0}
        aria-controls="mention-suggestions"
        aria-autocomplete="list"
        aria-activedescendant={current ? `mention-${current.id}` : undefined}
        onChange={(e) => (setText(e.target.value), setHighlight(0), setHeadsUps(null))}
        onKeyDown={onKey}
      />
      <button type="button" onClick={() => void send()}>
        {t('post.send')}
      </button>
      {suggestions.length > 0 && (
        <div className="mentions">
          <ul id="mention-suggestions" role="listbox" aria-label={t('mention.suggestions')}>
            {suggestions.map((m, i) => (
              <li
                key={m.id}
                id={`mention-${m.id}`}
                role="option"
                aria-selected={i === highlight}
                onMouseDown={(e) => (e.preventDefault(), complete(m.name))}
                onMouseEnter={() => setHighlight(i)}
              >
                {m.name}
              </li>
            ))}
          </ul>
          {current && <PersonContext member={current} now={now} />}
        </div>
      )}
      {headsUps && (
        <div className="heads-ups" role="alert">
          <p>{t('decide.headsUp')}</p>
          <ul>
            {headsUps.map((h) => (
              <li key={h.message}>{h.message}</li>
            ))}
          </ul>
          <button type="button" onClick={() => void send(true)}>
            {t('decide.postAnyway')}
          </button>{' '}
          <button type="button" onClick={() => setHeadsUps(null)}>
            {t('decide.cancel')}
          </button>
        </div>
      )}
      <p role="status" aria-live="polite" className={feedback?.ok === false ? 'error' : 'hint'}>
        {feedback?.message ?? ''}
      </p>
    </div>
  );
}
