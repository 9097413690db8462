/** Swedish and English texts of an administrator's password reset and of the forced change after it. `passwordResetEn` has exactly the keys of `passwordResetSv`. */
export const passwordResetSv = {
  column: 'Lösenord',
  temporary: 'tillfälligt',
  reset: 'Nytt lösenord',
  title: (name: string) => `Nytt tillfälligt lösenord för ${name}`,
  intro: (name: string) => `${name} loggas ut överallt och hens API-nycklar återkallas. Lösenordet du anger är tillfälligt: ${name} måste välja ett eget vid nästa inloggning och kan inget annat göra innan dess. Ge det till ${name} på ett säkert sätt, inte i samma e-post som kontot.`,
  password: 'Tillfälligt lösenord (minst 8 tecken)',
  suggest: 'Föreslå ett',
  save: 'Sätt lösenordet',
  cancel: 'Avbryt',
  done: (name: string) => `${name} har fått ett tillfälligt lösenord och väljer ett eget vid nästa inloggning.`,
  chooseTitle: 'Välj ett eget lösenord',
  chooseIntro: 'En administratör har gett dig ett tillfälligt lösenord. Välj ett eget innan du fortsätter: ange det tillfälliga och sedan ditt nya.',
  signOut: 'Logga ut',
};

export const passwordResetEn: typeof passwordResetSv = {
  column: 'Password',
  temporary: 'temporary',
  reset: 'New password',
  title: (name: string) => `New temporary password for ${name}`,
  intro: (name: string) => `${name} is signed out everywhere and their API tokens are revoked. The password you give is temporary: ${name} must choose their own at the next sign-in and can do nothing else before that. Give it to ${name} in a safe way, not in the same e-mail as the account.`,
  password: 'Temporary password (at least 8 characters)',
  suggest: 'Suggest one',
  save: 'Set the password',
  cancel: 'Cancel',
  done: (name: string) => `${name} has a temporary password and chooses their own at the next sign-in.`,
  chooseTitle: 'Choose your own password',
  chooseIntro: 'An administrator gave you a temporary password. Choose your own before you go on: enter the temporary one and then your new one.',
  signOut: 'Sign out',
};
