import { describe, expect, it } from 'vitest';
import { messages } from '../../../shared/i18n/messages';
import { translate } from '../../../shared/i18n/translate';
import { notificationText } from '../../../main/session/notification-text';

describe('one string table per language, with plurals', () => {
  it('chooses the plural form French and English need', () => {
    expect(translate('fr', 'settings.events', { n: 1 })).toBe('1 événement');
    expect(translate('fr', 'settings.events', { n: 0 })).toBe('0 événement');
    expect(translate('fr', 'settings.events', { n: 12 })).toBe('12 événements');
    expect(translate('en', 'settings.events', { n: 1 })).toBe('1 event');
    expect(translate('en', 'settings.events', { n: 0 })).toBe('0 events');
    expect(translate('fr', 'digest.meetings', { n: 2 })).toBe('2 réunions');
  });

  it('the tray and notifications speak from the same table', () => {
    expect(translate('fr', 'tray.free', { n: 1, of: 3 })).toBe('1 sur 3 disponible');
    expect(notificationText('fr', 'mention', 'Ana').title).toBe('Ana vous mentionne');
    expect(notificationText('en', 'free', '').title).toBe('A teammate is free now');
  });

  it('French has every key English has, and no “chez lui”', () => {
    expect(Object.keys(messages.fr).sort()).toEqual(Object.keys(messages.en).sort());
    expect(JSON.stringify(messages.fr)).not.toContain('chez lui');
  });
});
