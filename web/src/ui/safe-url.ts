// Links come from imported records: only http(s) and mailto/tel may become clickable, so a stored
// "javascript:" URL is shown as text and never run.

/** The URL if it is http(s), else null. */
export const httpUrl = (raw: string | null | undefined): string | null => {
  if (!raw) return null;
  try {
    const u = new URL(raw.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
};

/** A link for a record's Link: http(s) as is, e-mail and phone as mailto:/tel:, anything else null. */
export const linkHref = (kind: string, raw: string): string | null => {
  const v = raw.trim();
  if (kind === 'email')
    return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(v.replace(/^mailto:/i, ''))
      ? `mailto:${v.replace(/^mailto:/i, '')}`
      : null;
  if (kind === 'phone')
    return /^\+?[\d\s()-]{5,}$/.test(v.replace(/^tel:/i, ''))
      ? `tel:${v.replace(/^tel:/i, '').replace(/\s+/g, '')}`
      : null;
  return httpUrl(v);
};
