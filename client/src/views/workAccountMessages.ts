/**
 * Swedish and English texts of sign-in with the work account (OpenID Connect): the button,
 * what the sign-in page says when the provider sent someone back refused or waiting, and
 * the administrator's group → role mappings. `workAccountEn` has exactly the keys of `workAccountSv`.
 */
export const workAccountSv = {
  button: 'Logga in med ditt arbetskonto',
  orPassword: 'Eller logga in med e-post och lösenord',
  waitingTitle: 'Ditt konto väntar på en administratör',
  waitingText: 'Du är inloggad hos din organisation, men ditt konto här har ännu ingen roll. En administratör behöver aktivera det under Användare. Logga in igen när du har fått besked.',
  /** By the reason the server gives in `?signin_error=`. */
  errors: {
    expired: 'Inloggningen tog för lång tid eller startades i en annan webbläsare. Försök igen.',
    state: 'Inloggningen avbröts: svaret från arbetskontot hörde inte till din inloggning. Försök igen.',
    nonce: 'Inloggningen avbröts: svaret från arbetskontot kunde inte kontrolleras. Försök igen.',
    denied: 'Arbetskontot godkände inte inloggningen.',
    provider: 'Arbetskontot kunde inte nås eller svarade med ett fel. Försök igen om en stund.',
    busy: 'För många inloggningar med arbetskonto har startats från din adress utan att avslutas. Försök igen om några minuter.',
    claims: 'Arbetskontot skickade ingen e-postadress. Kontakta en administratör.',
    email_taken: 'Det finns redan ett konto med din e-postadress, och arbetskontot intygar inte adressen. Kontakta en administratör.',
    unknown: 'Inloggningen med arbetskontot misslyckades. Försök igen.',
  },
  mappings: {
    title: 'Grupper i arbetskontot',
    intro: (claim: string) => `Vilken roll ett konto som arbetskontot har gjort får vid varje inloggning, efter värdena i uppgiften ”${claim}”. Den som inte har något av värdena väntar på en administratör. Konton som fanns innan de knöts till arbetskontot behåller den roll administratörer ger dem.`,
    off: 'Inloggning med arbetskonto är inte påslagen (OIDC_ISSUER saknas). Grupperna används när den slås på.',
    value: 'Grupp eller roll i arbetskontot',
    role: 'Roll här',
    add: 'Lägg till grupp',
    remove: (value: string) => `Ta bort ${value || 'raden'}`,
    save: 'Spara grupperna',
    saved: 'Grupperna är sparade.',
    none: 'Inga grupper: alla nya konton väntar på en administratör.',
  },
};

export const workAccountEn: typeof workAccountSv = {
  button: 'Sign in with your work account',
  orPassword: 'Or sign in with e-mail and password',
  waitingTitle: 'Your account is waiting for an administrator',
  waitingText: 'You are signed in at your organisation, but your account here has no role yet. An administrator needs to enable it under Users. Sign in again once you have heard back.',
  errors: {
    expired: 'The sign-in took too long or was started in another browser. Try again.',
    state: 'The sign-in was stopped: the answer from your work account did not belong to your sign-in. Try again.',
    nonce: 'The sign-in was stopped: the answer from your work account could not be checked. Try again.',
    denied: 'Your work account did not allow the sign-in.',
    provider: 'Your work account could not be reached or answered with an error. Try again in a while.',
    busy: 'Too many sign-ins with a work account have been started from your address without finishing. Try again in a few minutes.',
    claims: 'Your work account sent no e-mail address. Contact an administrator.',
    email_taken: 'There is already an account with your e-mail address, and your work account does not vouch for the address. Contact an administrator.',
    unknown: 'Signing in with your work account failed. Try again.',
  },
  mappings: {
    title: 'Work account groups',
    intro: (claim: string) => `The role an account the work account made gets at every sign-in, by the values of the claim “${claim}”. Someone with none of the values waits for an administrator. Accounts that existed before they were tied to the work account keep the role administrators give them.`,
    off: 'Sign-in with a work account is not switched on (OIDC_ISSUER is missing). The groups are used once it is.',
    value: 'Group or role in the work account',
    role: 'Role here',
    add: 'Add a group',
    remove: (value: string) => `Remove ${value || 'the row'}`,
    save: 'Save the groups',
    saved: 'The groups are saved.',
    none: 'No groups: every new account waits for an administrator.',
  },
};
