/** Cadenas de la adhesión abierta (issue 19): cualquiera firma una declaración pública; el equipo editorial modera. */
import type { TranslationOf } from '../catalog.js';
import type { openSignonEn } from './open-signon.en.js';

type Status = 'unverified' | 'verified' | 'approved' | 'rejected' | 'spam' | 'merged' | 'withdrawn';
type Duplicate = 'email' | 'website' | 'acronym' | 'name';
type Field = 'acronym' | 'country' | 'website' | 'contactName' | 'logo';

export const openSignonEs = {
  openSignonPageTitle: (title: string) => `Firmar: ${title}`,
  openSignonLead: 'Esta declaración está abierta a adhesiones. Léela y, si quieres, añade tu firma abajo.',
  openSignonGoToForm: 'Ir al formulario de firma',
  openSignonClosesAt: (when: string) => `Las firmas se cierran el ${when}.`,
  openSignonNoDeadline: 'No hay fecha límite para firmar.',
  openSignonFormHeading: 'Añade tu firma',
  openSignonFormHelp:
    'Te enviaremos un enlace por correo para que confirmes tu firma. El equipo editorial de la coalición revisa cada firma confirmada antes de publicarla en la lista.',
  openSignonKind: 'Firmas como',
  openSignonKindOrganization: 'Una organización',
  openSignonKindIndividual: 'Yo, a título personal',
  openSignonName: 'Nombre de la organización',
  openSignonNameEither: 'Nombre de la organización, o tu propio nombre si firmas a título personal',
  openSignonAcronym: 'Siglas',
  openSignonCountry: 'País',
  openSignonChooseCountry: 'Elige un país',
  openSignonWebsite: 'Sitio web',
  openSignonWebsiteHint: 'Por ejemplo, https://ejemplo.org',
  openSignonContactName: 'Persona de contacto',
  openSignonLogo: 'Logotipo (opcional)',
  openSignonLogoHint: (limit: string) =>
    `PNG, JPEG o SVG, de hasta ${limit}. Solo lo ve el equipo editorial al revisar las firmas; si tu organización se incorpora al registro, pasa a ser su logotipo allí.`,
  openSignonLogoAlt: (name: string) => `Logotipo enviado por ${name}`,
  openSignonEmail: 'Correo de contacto',
  openSignonEmailHint: 'Aquí llega el enlace de confirmación. No se muestra al público.',
  openSignonTrapLabel: 'Deja este campo vacío',
  openSignonSubmit: 'Firmar y enviarme el enlace de confirmación',
  openSignonSentTitle: 'Revisa tu correo',
  openSignonSent: (email: string) =>
    `Enviamos un enlace de confirmación a ${email}. Tu firma cuenta cuando lo abras; el enlace funciona durante 48 horas.`,
  openSignonSentAgain: (email: string) =>
    `Ya habías firmado con ${email}. Si aún no la confirmaste, abre el enlace del correo que te enviamos; no se registró nada nuevo.`,
  openSignonBackToStatement: 'Volver a la declaración',
  openSignonVerifyTitle: 'Confirma tu firma',
  openSignonVerifyLead: (name: string, title: string) => `Confirma que ${name} firma «${title}».`,
  openSignonVerifyButton: 'Confirmar mi firma',
  openSignonThanksTitle: 'Gracias por firmar',
  openSignonThanks: (name: string) =>
    `La firma de ${name} quedó confirmada. El equipo editorial de la coalición la revisará antes de sumarla a la lista de firmantes.`,
  openSignonWithdrawTitle: 'Retirar tu firma',
  openSignonWithdrawLead: (name: string, title: string) => `¿Quieres retirar la firma de ${name} de «${title}»?`,
  openSignonWithdrawButton: 'Retirar mi firma',
  openSignonWithdrawnTitle: 'Firma retirada',
  openSignonWithdrawn: (name: string) => `Retiramos la firma de ${name}. Ya no aparece en ningún sitio.`,
  openSignonAlreadyWithdrawn: 'Esta firma ya estaba retirada.',
  openSignonSignatoriesHeading: 'Firmas recibidas por el formulario público',
  openSignonSignatoriesCount: (n: number) => (n === 1 ? 'Hasta ahora, 1 firmante.' : `Hasta ahora, ${n} firmantes.`),
  openSignonNoSignatories: 'Todavía no se ha aprobado ninguna firma.',
  openSignonByCountry: 'Por país',
  openSignonCountryUnknown: 'Sin país indicado',
  openSignonMoreNames: (n: number) => (n === 1 ? 'y 1 más.' : `y ${n} más.`),
  openSignonIndividual: 'a título personal',
  openSignonSignatoriesByKind: (organizations: number, individuals: number) =>
    `Hasta ahora, ${organizations + individuals} firmantes: ${organizations === 1 ? '1 organización' : `${organizations} organizaciones`} y ${individuals === 1 ? '1 persona a título personal' : `${individuals} personas a título personal`}.`,
  openSignonIndividualsHeading: 'Personas a título personal',
  openSignonIndividualNotInRelease:
    'Quien firma a título personal aparece en la lista pública de la declaración y en las exportaciones, pero no entre las firmantes del comunicado de prensa, que son organizaciones.',
  openSignonSignLink: 'Firma esta declaración',
  openSignonMailSubject: (title: string) => `Confirma tu firma: ${title}`,
  openSignonMailBody: (p: { name: string; title: string; verifyUrl: string; withdrawUrl: string; hours: number }) =>
    `Alguien (esperamos que tú) firmó «${p.title}» como ${p.name}.\n\nPara confirmar la firma, abre este enlace en las próximas ${p.hours} horas:\n${p.verifyUrl}\n\nSi no fuiste tú, no hagas nada: una firma sin confirmar nunca se muestra.\n\nSi más adelante quieres retirar la firma, abre:\n${p.withdrawUrl}\n`,
  openSignonClosedReason: 'Esta declaración no está abierta a firmas. No se registró nada.',
  openSignonDeadlinePassedReason: 'Ya pasó la fecha límite para firmar esta declaración. No se registró nada.',
  openSignonLinkInvalidReason:
    'Este enlace ya no es válido: ya se usó, caducó o se copió incompleto. Vuelve a firmar para recibir uno nuevo.',
  openSignonTrapReason:
    'No aceptamos tu firma: se rellenó un campo que debe quedar vacío, como hacen los programas de spam. Vuelve a cargar el formulario y firma de nuevo.',
  openSignonTooManyReason:
    'Llegaron demasiadas firmas desde tu dirección o para tu correo en poco tiempo. Espera unos minutos y vuelve a intentarlo.',
  openSignonNoMailReason:
    'Ahora no se puede firmar: este sitio todavía no puede enviar el correo de confirmación. Vuelve a intentarlo más tarde.',
  openSignonNotDecidableReason: 'No se puede decidir sobre esta firma en su estado actual.',
  openSignonMergeTargetReason: 'Elige otra firma de esta declaración con la que fusionar esta.',
  openSignonUnknownOrganizationReason: 'Esa organización no está en el registro.',
  workspaceErrOpenSignonNoIndividuals: 'Esta declaración solo la firman organizaciones.',
  workspaceErrOpenSignonDeadline: 'Indica una fecha y hora futuras que existan en la zona horaria elegida.',
  openSignonNav: 'Adhesión abierta',
  openSignonListTitle: 'Adhesión abierta',
  openSignonListHelp:
    'Abre una declaración publicada a las firmas de cualquiera, tenga cuenta o no; revisa las firmas confirmadas antes de que aparezcan.',
  openSignonListNone: 'Todavía no hay declaraciones.',
  openSignonStateOpen: 'Abierta',
  openSignonStateClosed: 'Cerrada',
  openSignonWaiting: (n: number) => (n === 1 ? '1 por revisar' : `${n} por revisar`),
  openSignonWorkspaceTitle: (title: string) => `Adhesión abierta: ${title}`,
  openSignonNotPublicNote:
    'Esta declaración aún no es pública: su página de firma responde «no encontrada» hasta que se publique.',
  openSignonPublicPage: 'Página pública de firma',
  openSignonSettingsHeading: 'Configuración',
  openSignonOpenField: 'Abierta a firmas',
  openSignonDeadline: 'Fecha límite',
  openSignonDeadlineHint: 'Déjala vacía si no hay fecha límite.',
  openSignonTimeZone: 'Zona horaria',
  openSignonIndividualsField: 'También pueden firmar personas a título personal',
  openSignonFieldsLegend: 'Pedir también (el nombre y el correo se piden siempre)',
  openSignonFieldName: (field: Field) =>
    ({
      acronym: 'Siglas',
      country: 'País',
      website: 'Sitio web',
      contactName: 'Persona de contacto',
      logo: 'Logotipo (opcional)',
    })[field],
  openSignonSaveSettings: 'Guardar la configuración',
  openSignonCountsHeading: 'Firmas',
  openSignonStatusName: (status: Status) =>
    ({
      unverified: 'Sin confirmar por correo',
      verified: 'Pendiente de revisión',
      approved: 'Aprobada',
      rejected: 'Rechazada',
      spam: 'Spam',
      merged: 'Fusionada con otra',
      withdrawn: 'Retirada por quien firmó',
    })[status],
  openSignonQueueHeading: 'Por revisar',
  openSignonQueueEmpty: 'No hay firmas confirmadas pendientes de revisión.',
  openSignonSubmitted: 'Enviada',
  openSignonDuplicates: 'Posibles duplicados',
  openSignonDuplicateWhy: (why: Duplicate) =>
    ({ email: 'mismo correo', website: 'mismo sitio web', acronym: 'mismas siglas', name: 'nombre parecido' })[why],
  openSignonRegistryMatch: 'En el registro',
  openSignonNoRegistryMatch: 'Ninguna organización del registro coincide.',
  openSignonLinkTo: 'Organización del registro',
  openSignonLinkNone: 'Ninguna',
  openSignonAddToRegistry: 'Añadirla al registro',
  openSignonAddToSignatories: 'Añadirla a las firmantes de la declaración (y de su comunicado)',
  openSignonApprove: 'Aprobar',
  openSignonReject: 'Rechazar',
  openSignonSpam: 'Marcar como spam',
  openSignonMergeInto: 'Fusionar con',
  openSignonMerge: 'Fusionar',
  openSignonExport: 'Descargar las firmas aprobadas',
  openSignonExportCsv: 'CSV',
  openSignonExportXlsx: 'Excel (XLSX)',
  openSignonSheetName: 'Firmantes',
} as const satisfies TranslationOf<typeof openSignonEn>;
