import { parsePhoneNumberWithError } from 'libphonenumber-js';
import { Invalid } from '../../platform/errors.js';

/**
 * A phone number as typed ("(443) 396-3317", "+502 2414 7444") to E.164, so every release,
 * export and tel: link writes it the same way. `region` reads national numbers (ISO code).
 */
export function normalizePhone(input: string, region?: string): string {
  try {
    const phone = parsePhoneNumberWithError(input, region as Parameters<typeof parsePhoneNumberWithError>[1]);
    if (!phone.isValid()) throw new Error('not a valid number');
    return phone.number;
  } catch {
    throw new Invalid(`Phone number "${input}" is not valid`, [
      {
        field: 'phone',
        problem: region
          ? `"${input}" is not a valid phone number for ${region}: write it with its country code, e.g. +1 443 396 3317.`
          : `"${input}" is not a valid phone number: write it with its country code, e.g. +502 2414 7444.`,
      },
    ]);
  }
}
