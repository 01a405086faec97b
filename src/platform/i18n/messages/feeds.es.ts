/** Textos de los canales Atom y de lo que las páginas dicen de ellos (se suman a es.ts). */
import type { TranslationOf } from '../catalog.js';
import type { feedsEn } from './feeds.en.js';

export const feedsEs = {
  feedsSubscribe: 'Seguir con un lector de noticias (Atom):',
  feedReleasesTitle: 'Comunicados de prensa',
  feedStatementsTitle: 'Declaraciones',
  feedFollowupTitle: 'Novedades del seguimiento',
  feedStatementFollowupTitle: (statement: string) => `Novedades del seguimiento: ${statement}`,
  feedReleasesSubtitle: 'Los comunicados de prensa más recientes, tal como se publicaron.',
  feedStatementsSubtitle: 'Las declaraciones conjuntas más recientes y sus recomendaciones.',
  feedFollowupSubtitle: 'Qué respondieron e hicieron los gobiernos con cada recomendación: las últimas novedades.',
  feedRecommendation: (n: number) => `Recomendación ${n}`,
  feedStatusEntryTitle: (status: string, recommendation: string, statement: string) =>
    `${status}: ${recommendation}, ${statement}`,
  feedResponseEntryTitle: (addressee: string, position: string, recommendation: string, statement: string) =>
    `${addressee} respondió «${position}»: ${recommendation}, ${statement}`,
} satisfies TranslationOf<typeof feedsEn>;
