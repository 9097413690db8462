/** Swedish and English texts of the own-sessions list on the API-nycklar page. `sessionsEn` has exactly the keys of `sessionsSv`. */
export const sessionsSv = {
  title: 'Dina inloggningar',
  intro: 'Webbläsare och enheter där du är inloggad just nu. Logga ut en du inte känner igen, eller en telefon du har tappat bort, och byt sedan lösenord.',
  signedIn: 'Inloggad',
  lastSeen: 'Senast aktiv',
  address: 'Adress',
  thisOne: 'den här',
  unknownBrowser: 'Okänd webbläsare',
  on: (browser: string, os: string) => `${browser} på ${os}`,
  endOne: 'Logga ut',
  ended: 'Inloggningen avslutades.',
  none: 'Du har inga andra inloggningar.',
};

export const sessionsEn: typeof sessionsSv = {
  title: 'Your sign-ins',
  intro: 'Browsers and devices where you are signed in right now. Sign out one you do not recognise, or a phone you have lost, and then change your password.',
  signedIn: 'Signed in',
  lastSeen: 'Last active',
  address: 'Address',
  thisOne: 'this one',
  unknownBrowser: 'Unknown browser',
  on: (browser: string, os: string) => `${browser} on ${os}`,
  endOne: 'Sign out',
  ended: 'The sign-in was ended.',
  none: 'You have no other sign-ins.',
};
