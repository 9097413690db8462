/** A phone number kept on one line: a number broken inside is misdialled. */
export function Phone({ value }: { value: string }) {
  return <span className="phone">{value}</span>;
}

/** One way to reach someone: who, then their phone and e-mail, each kept whole. */
export function WayIn({ who, phone, email }: { who: string; phone: string | null | undefined; email: string | null | undefined }) {
  return (
    <li className="sheet-way">
      <span className="sheet-who">{who}</span>
      {phone ? <Phone value={phone} /> : null}
      {email ? <span className="email">{email}</span> : null}
    </li>
  );
}
