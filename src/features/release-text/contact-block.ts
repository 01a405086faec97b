/**
 * Contacts given over several lines: a name, the post under it, then the phone and the e-mail, one fact a line;
 * in the header, or at the end ("Media contact: …" after the body or the end mark).
 */
import { CONTACT_LABEL, type ContactLine, parseContactLine, parseContactLines } from './contacts.js';
import { isOrgLike, isPersonName } from './names.js';
import { type Block, plain, wordCount } from './normalize.js';
import { DEFAULT_PARAMS, type ImportParams } from './params.js';
import { isRoleWord } from './quotes.js';

/** A contact and the block it was read on. */
export interface HeaderContact {
  contact: ContactLine;
  index: number;
}

/** A line of contact facts, added as a new contact or completing the one above; false if it is not one. */
export function addContactLine(
  blocks: Block[],
  i: number,
  contacts: HeaderContact[],
  inContacts: boolean,
  p: ImportParams,
): boolean {
  const text = plain((blocks[i] as Block).text);
  const contact = wordCount(text) <= p.contactMaxWords ? parseContactLine(text) : null;
  if (!contact) return false;
  const named = inContacts && contact.name && nextHasContact(blocks, i);
  const last = contacts.at(-1);
  // "Jane Roe" / "Communications Director, Border Network" / "(915) 555-0100": the post under the name.
  if (
    inContacts &&
    !contact.phone &&
    !contact.email &&
    last?.index === i - 1 &&
    last.contact.name &&
    !last.contact.phone &&
    !last.contact.email &&
    isPostLine(text) &&
    nextHasContact(blocks, i)
  ) {
    last.contact.organization ??= contact.organization;
    last.index = i;
    return true;
  }
  if (!contact.phone && !contact.email && !contact.hiddenEmail && !named) return false;
  // "Phone: …" / "Email: …" on their own lines complete the contact above them.
  if (!contact.name && last && last.index >= i - 3 && (!last.contact.phone || !contact.phone)) {
    last.contact.phone ??= contact.phone;
    last.contact.email ??= contact.email;
    last.contact.hiddenEmail ||= contact.hiddenEmail;
  } else contacts.push({ contact, index: i });
  return true;
}

/** The contacts written after a contact label on its line ("Contact: Jane Roe, (202) 555-0100"), if any. */
export function labelledContacts(text: string): ContactLine[] {
  const rest = text.replace(CONTACT_LABEL, '').replace(/^\s*s?\s*[:.–—-]?\s*/, '');
  return rest ? parseContactLines(rest) : [];
}

/** Contacts given at the end ("Media contact: …" after the body or the end mark), when the header has none. */
export function trailingContacts(blocks: Block[], from: number, p: ImportParams = DEFAULT_PARAMS): HeaderContact[] {
  const contacts: HeaderContact[] = [];
  for (let i = from; i < blocks.length; i++) {
    const text = plain((blocks[i] as Block).text);
    if (!CONTACT_LABEL.test(text) || wordCount(text) > p.contactMaxWords) continue;
    for (const contact of labelledContacts(text)) contacts.push({ contact, index: i });
    let j = i + 1;
    while (j < blocks.length && j <= i + 6 && addContactLine(blocks, j, contacts, true, p)) j++;
    i = j - 1;
  }
  return contacts;
}

/** The next line gives a phone or an e-mail, or does so after one line naming the person's post. */
export function nextHasContact(blocks: Block[], i: number): boolean {
  const facts = (k: number) => {
    const line = blocks[k];
    const c = line ? parseContactLine(plain(line.text)) : null;
    return Boolean(c && !c.name && (c.phone || c.email || c.hiddenEmail));
  };
  const next = blocks[i + 1];
  return facts(i + 1) || (next !== undefined && isPostLine(plain(next.text)) && facts(i + 2));
}

/** A short line with no digits and no address that names a post or an organization ("Director, Border Network"). */
function isPostLine(text: string): boolean {
  return (
    wordCount(text) <= 10 &&
    !/[\d@]/.test(text) &&
    (text.split(/[\s,]+/).some((w) => isRoleWord(w)) || (isOrgLike(text) && !isPersonName(text)))
  );
}
