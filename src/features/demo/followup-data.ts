/**
 * Follow-up written as data (demo/followup.ts), referring to the registry by slug. Every text is
 * { en, es }; `originalLocale` names the language written first, the other is its translation.
 * An entry that does not rest on a real public source must say so in its own text (`example: true`
 * makes the loader check that the text starts with the example label in both languages).
 */
import type { TextPair } from './coalition-data.js';

export interface EvidenceData {
  url: string;
  title: string;
  publisher: string;
  publishedOn: string;
}

interface Common {
  date: string;
  example: boolean;
}

export interface StatusUpdateData extends Common {
  statement: string;
  recommendation: string;
  status: 'not_started' | 'in_progress' | 'partially_implemented' | 'implemented' | 'reversed' | 'no_longer_relevant';
  summary: TextPair;
  evidence: EvidenceData[];
}

export interface ResponseData extends Common {
  statement: string;
  recommendation: string;
  addressee: string;
  position: 'accepted' | 'partially_accepted' | 'noted' | 'rejected' | 'no_response';
  summary: TextPair;
  source?: { url: string; title: string };
}

export interface MeetingData extends Common {
  place: string | null;
  online: boolean;
  summary: TextPair;
  minutesUrl?: string;
  organizations: string[];
  addressees: string[];
  /** statement/recommendation slugs */
  recommendations: [string, string][];
}

export interface CommitmentData extends Common {
  /** The meeting it came from, by date + place of a meeting in the same file. */
  meeting?: { date: string; place: string | null };
  addressee?: string;
  organization?: string;
  text: TextPair;
  dueOn?: string;
  fulfilledOn?: string;
  recommendations: [string, string][];
}

export interface FollowupDemoData {
  originalLocale: 'en' | 'es';
  exampleLabel: TextPair;
  statusUpdates: StatusUpdateData[];
  responses: ResponseData[];
  meetings: MeetingData[];
  commitments: CommitmentData[];
}
