/** Cadenas de la interfaz en español. Deben tener las mismas claves que en.ts. */
import type { Catalog } from './catalog.js';

export const es = {
  siteName: 'Puente',
  siteTagline: 'Declaraciones conjuntas y recomendaciones de coaliciones de la sociedad civil',
  skipToContent: 'Saltar al contenido',
  mainNavigation: 'Principal',
  navStatements: 'Declaraciones',
  navOrganizations: 'Organizaciones',
  languageSwitchLabel: 'Idioma',
  switchToThisLanguage: 'Español',
  footerNote: 'Publicado con Puente, software libre para coaliciones de la sociedad civil.',

  homeTitle: 'Declaraciones',
  homeIntro:
    'Declaraciones conjuntas y recomendaciones que nuestras organizaciones miembro han dirigido a los gobiernos.',
  homeEmpty: 'Todavía no se ha publicado ninguna declaración.',
  recommendationCount: (n: number) => (n === 1 ? '1 recomendación' : `${n} recomendaciones`),
  signatoryCount: (n: number) => (n === 1 ? '1 organización' : `${n} organizaciones`),

  statementDate: 'Fecha',
  statementOccasion: 'Ocasión',
  statementAddressedTo: 'Dirigida a',
  statementSummary: 'Resumen',
  statementRecommendations: 'Recomendaciones',
  statementRecommendationsByTheme: 'Recomendaciones por tema',
  statementWithoutTheme: 'Otras recomendaciones',
  statementSignatories: 'Organizaciones firmantes',
  statementQuotes: 'Citas',
  statementFullDocument: 'Leer el documento completo',
  statementNoFullDocument: 'El documento completo todavía no está en línea.',
  roleConvener: 'Convocante',
  roleSignatory: 'Firmante',

  recommendationTitle: (n: number) => `Recomendación ${n}`,
  recommendationOf: 'De la declaración',
  recommendationThemes: 'Temas',
  recommendationAddressees: 'Dirigida a',
  backToStatement: 'Volver a la declaración',

  organizationsTitle: 'Organizaciones',
  organizationsIntro: 'Las organizaciones que integran la coalición.',
  organizationsEmpty: 'Todavía no hay organizaciones.',
  organizationAbout: 'Quiénes somos',
  organizationNoBoilerplate: 'Esta organización todavía no ha enviado su texto de presentación en español.',
  organizationWebsite: 'Sitio web',
  organizationCountry: 'País',
  organizationKind: 'Tipo',
  organizationStatementsSigned: 'Declaraciones firmadas',
  organizationNoStatements: 'Esta organización todavía no ha firmado ninguna declaración publicada.',
  organizationAlsoKnownAs: 'También conocida como',

  kindNgo: 'Organización no gubernamental',
  kindNetwork: 'Red',
  kindAcademic: 'Institución académica',
  kindFaithBased: 'Organización basada en la fe',
  kindAgency: 'Agencia',
  kindGovernment: 'Gobierno',
  kindOther: 'Otra',

  notYetTranslated: 'Aún sin traducir; se muestra en el idioma original.',

  notFoundTitle: 'Página no encontrada',
  notFoundBody: 'No encontramos esta página. Puede que se haya movido o que la dirección tenga un error.',
  notFoundHome: 'Ir a las declaraciones',
  errorTitle: 'Algo salió mal',
  errorBody: 'No pudimos mostrar esta página. Inténtalo de nuevo en un momento.',
} as const satisfies Catalog;
