/** Cadenas de la interfaz en español. Deben tener las mismas claves que en.ts. */

import type { Catalog } from '../catalog.js';
import { accountsEs } from './accounts.es.js';
import { apiEs } from './api.es.js';
import { editorialEs } from './editorial.es.js';
import { feedsEs } from './feeds.es.js';
import { filesEs } from './files.es.js';
import { followupEs } from './followup.es.js';
import { homeEs } from './home.es.js';
import { lintEs } from './lint.es.js';
import { mailEs } from './mail.es.js';
import { openSignonEs } from './open-signon.es.js';
import { pressEs } from './press.es.js';
import { registryEs } from './registry.es.js';
import { searchEs } from './search.es.js';
import { sheetImportEs } from './sheet-import.es.js';
import { signonEs } from './signon.es.js';
import { staticExportEs } from './static-export.es.js';
import { workspaceEs } from './workspace.es.js';

export const es = {
  siteName: 'Puente',
  siteTagline: 'Declaraciones conjuntas y recomendaciones de coaliciones de la sociedad civil',
  skipToContent: 'Saltar al contenido',
  mainNavigation: 'Principal',
  navStatements: 'Declaraciones',
  navOrganizations: 'Organizaciones',
  navReleases: 'Comunicados',
  languageSwitchLabel: 'Idioma',
  switchToThisLanguage: 'Español',
  footerNote: 'Publicado con Puente, software libre para coaliciones de la sociedad civil.',
  pagerLabel: 'Páginas de la lista',
  pagerPrevious: 'Página anterior',
  pagerNext: 'Página siguiente',
  pagerFirst: 'Primera página',

  homeTitle: 'Declaraciones',
  homeIntro:
    'Declaraciones conjuntas y recomendaciones que nuestras organizaciones miembro han dirigido a los gobiernos.',
  homeEmpty: 'Todavía no se ha publicado ninguna declaración.',
  homeReviewsFollowed: 'Recomendaciones del EPU que seguimos',
  recommendationCount: (n: number) => (n === 1 ? '1 recomendación' : `${n} recomendaciones`),
  signatoryCount: (n: number) => (n === 1 ? '1 organización' : `${n} organizaciones`),

  statementDate: 'Fecha',
  statementOccasion: 'Ocasión',
  statementAddressedTo: 'Dirigida a',
  statementSummary: 'Resumen',
  statementRecommendations: 'Recomendaciones',
  statementSignatories: 'Organizaciones firmantes',
  statementQuotes: 'Citas',
  statementFullDocument: 'Leer el documento completo',
  statementThemeFilter: 'Ver solo las recomendaciones de un tema',
  statementThemeShowing: (theme: string, shown: number, total: number) =>
    shown === 1
      ? `Se muestra la recomendación sobre «${theme}» (de ${total}).`
      : `Se muestran las ${shown} recomendaciones sobre «${theme}» (de ${total}).`,
  statementThemeUnknown: 'Ese tema no es de esta declaración; se muestran todas las recomendaciones.',
  statementThemeClear: 'Ver todas las recomendaciones',
  recommendationFollowupLink: (n: number) => `Seguimiento de la recomendación ${n}`,
  roleConvener: 'Convocante',
  roleSignatory: 'Firmante',

  recommendationTitle: (n: number) => `Recomendación ${n}`,
  recommendationOf: 'De la declaración',
  recommendationThemes: 'Temas',
  recommendationAddressees: 'Dirigida a',
  statementKind: 'Recomendaciones hechas por',
  statementKindLabel: (kind: string, cycle: number | null, session: number | null) =>
    kind === 'upr_review'
      ? `Estados, en el Examen Periódico Universal${cycle ? ` (ciclo ${cycle}${session ? `, sesión ${session}` : ''})` : ''}`
      : kind === 'treaty_body'
        ? 'Un órgano de tratado'
        : kind === 'special_procedure'
          ? 'Un procedimiento especial'
          : 'La coalición',
  recommendationRecommenders: 'Recomendada por',
  recommendationSdgs: 'Objetivos de Desarrollo Sostenible',
  recommendationSourceReference: 'Número en la fuente',
  recommendationEchoes: 'Retoma estas recomendaciones',
  recommendationEchoedBy: 'Retomada por estas recomendaciones',
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

  releaseImmediate: 'PARA DIFUSIÓN INMEDIATA',
  releaseEmbargoed: (when: string) => `BAJO EMBARGO HASTA EL ${when}`,
  releasePressContacts: 'CONTACTOS DE PRENSA',
  releaseFullDocument: 'Leer el documento completo',
  releaseAboutOrganizations: 'Sobre las organizaciones',
  releaseOfStatement: 'Este comunicado presenta la declaración',
  releaseDownloads: 'Descargar este comunicado',
  releaseDownloadPdf: 'PDF',
  releaseDownloadDocx: 'Word (DOCX)',
  releaseDownloadMd: 'Markdown',
  releaseDownloadTxt: 'Texto sin formato',
  releaseGapBoilerplate: (organization: string) => `${organization} no tiene texto de presentación en español.`,
  releaseGapPhone: (person: string) => `El contacto de prensa ${person} no tiene número de teléfono.`,
  releaseGapEmail: (person: string) => `El contacto de prensa ${person} no tiene correo electrónico.`,
  releaseGapsTitle: 'Piezas que faltan',
  releaseGapsNote:
    'Solo el equipo editor ve esta lista. El comunicado se genera igual; complétalas en el registro y todos los formatos se actualizan.',
  releaseGapUntranslated:
    'Parte de este comunicado aún no está traducida al español y se muestra en el idioma original.',
  newsroomTitle: 'Sala de prensa',
  newsroomIntro: 'Comunicados de prensa de la coalición, del más reciente al más antiguo.',
  newsroomEmpty: 'Todavía no se ha publicado ningún comunicado.',
  statementReleases: 'Comunicados de prensa',
  statementReleasesMore: 'Más comunicados en la sala de prensa',

  tooManyRequests: 'Demasiados intentos desde esta dirección. Espera un momento y vuelve a intentarlo.',
  notYetTranslated: 'Aún sin traducir; se muestra en el idioma original.',

  notFoundTitle: 'Página no encontrada',
  notFoundBody: 'No encontramos esta página. Puede que se haya movido o que la dirección tenga un error.',
  notFoundHome: 'Ir a las declaraciones',
  refusedTitle: 'No se pudo hacer',
  refusedBody:
    'No se cambió nada. La solicitud estaba incompleta o la página de la que viene está desactualizada: vuelve atrás, recarga la página e inténtalo de nuevo.',
  refusedConflictTitle: 'Alguien cambió esto mientras tanto',
  refusedConflictBody:
    'No se guardó nada de lo tuyo, porque esto cambió después de que lo abrieras. Vuelve atrás y recarga la página para ver la versión actual; luego haz tu cambio otra vez.',
  refusedTooLargeBody: 'No se cambió nada: lo que se envió supera el tamaño que acepta este servidor.',
  refusedMediaTypeBody: 'No se cambió nada: esta dirección solo acepta los formularios de sus propias páginas.',
  unreadableInputReason:
    'No se cambió nada: la dirección o el formulario tenía caracteres que no se pueden leer como texto (un byte nulo o una codificación de caracteres dañada). Revisa lo que escribiste o pegaste e inténtalo de nuevo.',
  refusedBack: 'Ir a la página de inicio',
  errorTitle: 'Algo salió mal',
  errorBody: 'No pudimos mostrar esta página. Inténtalo de nuevo en un momento.',
  signInTitle: 'Iniciar sesión',
  signInFailed: 'Ese correo y esa contraseña no funcionaron. Revísalos e inténtalo de nuevo, o espera unos minutos.',
  emailLabel: 'Correo electrónico',
  passwordLabel: 'Contraseña',
  signInButton: 'Entrar',
  accountTitle: 'Tu cuenta',
  signedInAs: 'Sesión iniciada como',
  roleName: (role: 'admin' | 'editor' | 'member') =>
    role === 'admin' ? 'administración de la coalición' : role === 'editor' ? 'edición' : 'miembro de una organización',
  signOutButton: 'Cerrar sesión',
  signOutEverywhereHelp:
    '¿Perdiste un dispositivo o usaste una computadora compartida? Esto cierra tu sesión en todos.',
  signOutEverywhereButton: 'Cerrar sesión en todos los dispositivos',
  setPasswordTitle: 'Elige una contraseña',
  newPasswordLabel: 'Nueva contraseña (al menos 12 caracteres)',
  passwordTooShort: 'La contraseña debe tener al menos 12 caracteres.',
  setPasswordButton: 'Guardar contraseña',
  linkNotValid:
    'Este enlace ya no sirve: se usó, venció o la contraseña se cambió después de enviarlo. Pide uno nuevo con «¿Olvidaste tu contraseña?» en la página de inicio de sesión, o a quien administra la coalición.',
  boilerplateEditTitle: 'Editar el texto de presentación',
  boilerplateLabel: (language: string) => `Texto de presentación en ${language}`,
  saveButton: 'Guardar',
  publishButton: 'Publicar',
  unpublishButton: 'Retirar de la publicación',
  conflictTitle: 'Otra persona hizo un cambio antes',
  conflictBody: 'Tu cambio no se guardó, porque esto se modificó después de que lo abriste. Esto es lo que cambió:',
  conflictChangedBy: (who: string, when: string) => `Cambiado por ${who} el ${when}`,
  conflictField: 'Campo',
  conflictBefore: 'Antes',
  conflictAfter: 'Después',
  conflictRetry: 'Vuelve a cargar la página, revisa el texto actual y haz tu cambio de nuevo.',
  historyTitle: (entity: string, id: string) => `Historial de ${entity} ${id}`,
  historyEmpty: 'Todavía no hay cambios registrados.',
  historyExportCsv: 'Descargar como CSV',
  entityName: (entity: string) =>
    ({ organization: 'la organización', statement: 'la declaración', user: 'la cuenta' })[entity] ?? entity,
  forgotPasswordLink: '¿Olvidaste tu contraseña?',
  forgotPasswordTitle: 'Restablecer la contraseña',
  forgotPasswordHelp:
    'Escribe el correo electrónico de tu cuenta. Te enviaremos un enlace para elegir una contraseña nueva.',
  forgotPasswordButton: 'Enviar el enlace',
  forgotPasswordSent:
    'Si existe una cuenta con esa dirección, te enviamos un enlace a ese correo. El enlace funciona una sola vez, durante una hora.',
  forgotPasswordNoMail:
    'Este servidor no puede enviar correos, así que no puede mandarte un enlace. Pide un enlace de acceso a la persona que coordina o administra tu coalición: puede crearlo para ti.',
  resetMailSubject: 'Restablece tu contraseña de Puente',
  resetMailBody: (link: string) =>
    `Alguien (esperamos que tú) pidió restablecer la contraseña de tu cuenta de Puente.\n\nPara elegir una contraseña nueva, abre este enlace antes de una hora. Funciona una sola vez:\n\n${link}\n\nSi no lo pediste, ignora este mensaje: tu contraseña no cambia.\n`,
  inviteMailSubject: 'Te invitaron a Puente',
  inviteMailBody: (link: string) =>
    `Te invitaron al espacio de trabajo de Puente de tu coalición.\n\nPara elegir tu contraseña, abre este enlace antes de 72 horas. Funciona una sola vez:\n\n${link}\n`,
  usersTitle: 'Invitar a una persona',
  roleLabel: 'Rol',
  organizationLabel: 'Organización (para miembros de una organización)',
  noOrganization: '— ninguna —',
  inviteButton: 'Enviar la invitación',
  invitationSent: (email: string) => `Invitación enviada a ${email}.`,
  mailNotConfigured:
    'El correo no está configurado en este servidor (SMTP_URL), así que no se puede enviar ninguna invitación.',
  twoFactorTitle: 'Inicio de sesión en dos pasos',
  twoFactorCodeLabel: 'El código de 6 dígitos de tu aplicación de autenticación, o un código de recuperación',
  twoFactorFailed: 'Ese código no funcionó. Los códigos cambian cada 30 segundos y cada uno sirve una sola vez.',
  twoFactorSetupTitle: 'Inicio de sesión en dos pasos',
  twoFactorSetupHelp:
    'Agrega esta clave a una aplicación de autenticación en tu teléfono (o abre el enlace de abajo en el teléfono) y escribe el código de 6 dígitos que muestra.',
  twoFactorOpenInApp: 'Abrir en una aplicación de autenticación',
  twoFactorEnableButton: 'Activar el inicio de sesión en dos pasos',
  twoFactorIsOn: 'El inicio de sesión en dos pasos está activado en tu cuenta.',
  recoveryCodesTitle: 'Tus códigos de recuperación',
  recoveryCodesHelp:
    'Guárdalos en un lugar seguro, lejos de tu teléfono. Cada uno te permite entrar una vez si pierdes el teléfono. Solo se muestran ahora.',
  ...filesEs,
  ...feedsEs,
  ...mailEs,
  ...followupEs,
  ...workspaceEs,
  ...homeEs,
  ...registryEs,
  ...accountsEs,
  ...signonEs,
  ...openSignonEs,
  ...pressEs,
  ...lintEs,
  ...editorialEs,
  ...staticExportEs,
  ...sheetImportEs,
  ...searchEs,
  ...apiEs,
} as const satisfies Catalog;
