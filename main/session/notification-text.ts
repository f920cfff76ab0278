type Key = 'free' | 'mention';

const texts: Record<'en' | 'fr', Record<Key, (name: string) => { title: string; body: string }>> = {
  en: {
    free: (name) => ({
      title: `${name || 'A teammate'} is free now`,
      body: 'You asked Ricochet to tell you.',
    }),
    mention: (name) => ({ title: `${name || 'A teammate'} mentioned you`, body: '' }),
  },
  fr: {
    free: (name) => ({
      title: `${name || 'Un membre de l’équipe'} est disponible`,
      body: 'Vous avez demandé à Ricochet de vous prévenir.',
    }),
    mention: (name) => ({ title: `${name || 'Un membre de l’équipe'} vous a mentionné`, body: '' }),
  },
};

/** A system notification's words, in the person's language. */
export const notificationText = (locale: 'en' | 'fr', key: Key, name: string) => texts[locale][key](name);
