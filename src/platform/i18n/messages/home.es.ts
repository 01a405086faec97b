/** Textos de la portada del espacio de trabajo: lo que requiere atención. */
import type { TranslationOf } from '../catalog.js';
import type { homeEn } from './home.en.js';

const more = (n: number, atLeast: boolean) => (atLeast ? `${n} o más` : String(n));
const s = (n: number) => (n === 1 ? '' : 's');

export const homeEs = {
  homeAttentionHeading: 'Requiere atención',
  homeAttentionNothing: 'Por ahora no hay nada pendiente.',
  homeClearHeading: 'Revisado: nada pendiente',
  homeMore: (n: number) => `y ${n} más`,
  homeLintErrors: (n: number) => (n === 0 ? 'sin errores del revisor' : `${n} error${n === 1 ? '' : 'es'} del revisor`),
  homeGoesPublic: (when: string) => `se publica el ${when}`,
  homeGapAboutEn: 'Texto “Acerca de” en inglés',
  homeGapAboutEs: 'Texto “Acerca de” en español',
  homeGapWebsite: 'Sitio web',
  homeGapLogo: 'Logotipo',
  homeEmbargoedReleases: (n: number) => `${n} comunicado${s(n)} de prensa bajo embargo`,
  homeEmbargoedReleasesClear: 'Ningún comunicado bajo embargo',
  homeOverdueCommitments: (n: number, atLeast: boolean) => `${more(n, atLeast)} compromiso${s(n)} con el plazo vencido`,
  homeOverdueCommitmentsClear: 'Ningún compromiso vencido',
  homePendingSignOn: (n: number) =>
    n === 1 ? '1 solicitud de adhesión espera una decisión' : `${n} solicitudes de adhesión esperan una decisión`,
  homePendingSignOnClear: 'Ninguna solicitud de adhesión pendiente',
  homeOpenSignOnCalls: (n: number) =>
    n === 1
      ? '1 declaración abierta a la adhesión de tu organización'
      : `${n} declaraciones abiertas a la adhesión de tu organización`,
  homeOpenSignOnCallsClear: 'Ninguna declaración espera tu adhesión',
  homeDraftReleases: (n: number) => (n === 1 ? '1 comunicado en borrador' : `${n} comunicados en borrador`),
  homeDraftReleasesClear: 'Ningún comunicado en borrador',
  homeDraftStatements: (n: number) => (n === 1 ? '1 declaración en borrador' : `${n} declaraciones en borrador`),
  homeDraftStatementsClear: 'Ninguna declaración en borrador',
  homeProfileGaps: (n: number) =>
    n === 1 ? 'Falta 1 dato en el perfil de tu organización' : `Faltan ${n} datos en el perfil de tu organización`,
  homeProfileGapsClear: 'El perfil de tu organización está completo',
  homeStaleRecommendations: (n: number, atLeast: boolean) =>
    `${more(n, atLeast)} recomendaci${n === 1 ? 'ón' : 'ones'} sin seguimiento desde hace meses`,
  homeStaleRecommendationsClear: 'Ninguna recomendación espera seguimiento',
  homeMissingTranslations: (n: number) => (n === 1 ? '1 texto sin traducir' : `${n} textos sin traducir`),
  homeMissingTranslationsClear: 'No falta ninguna traducción',
  homeStaleTranslations: (n: number) => (n === 1 ? '1 traducción desactualizada' : `${n} traducciones desactualizadas`),
  homeStaleTranslationsClear: 'Ninguna traducción desactualizada',
  homeOrganizationsWithoutAbout: (n: number) =>
    n === 1 ? '1 organización sin texto “Acerca de”' : `${n} organizaciones sin texto “Acerca de”`,
  homeOrganizationsWithoutAboutClear: 'Todas las organizaciones tienen texto “Acerca de”',
  homeOrganizationsWithoutWebsite: (n: number) =>
    n === 1 ? '1 organización sin sitio web' : `${n} organizaciones sin sitio web`,
  homeOrganizationsWithoutWebsiteClear: 'Todas las organizaciones tienen sitio web',
} as const satisfies TranslationOf<typeof homeEn>;
