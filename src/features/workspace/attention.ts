/**
 * The workspace home: what needs someone's attention now, most urgent first. The checks come from the
 * features' manifests (src/platform/feature.ts); each is one aggregate read, gated by the policy of
 * the page that fixes it, so a person sees only what they may act on.
 */
import type { Db } from '../../platform/db/client.js';
import {
  ATTENTION_KEYS,
  type AttentionCheck,
  type AttentionItem,
  type AttentionKey,
  type AttentionOptions,
  type AttentionProvider,
} from '../../platform/feature.js';
import type { UserRow } from '../../platform/sessions.js';

export interface Attention {
  /** Non-empty checks, most urgent first. */
  items: AttentionItem[];
  /** The checks made that found nothing, so "nothing to do" names what was looked at. */
  clear: AttentionKey[];
}

export async function workspaceAttention(
  db: Db,
  user: UserRow,
  options: AttentionOptions,
  providers: readonly AttentionProvider[],
): Promise<Attention> {
  const checks: Partial<Record<AttentionKey, AttentionCheck>> = {};
  for (const provide of providers) Object.assign(checks, provide(db, user, options));
  const results = await Promise.all(
    ATTENTION_KEYS.filter((key) => checks[key]).map(async (key) => ({ key, result: await checks[key]!() })),
  );
  const items: AttentionItem[] = [];
  const clear: AttentionKey[] = [];
  for (const { key, result } of results) {
    if (result && result.count > 0) items.push({ key, ...result });
    else clear.push(key);
  }
  return { items, clear };
}
