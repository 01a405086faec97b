/** Cadenas de la adhesión (issue 5): las organizaciones miembro firman una declaración; el equipo editor decide. */
import { addressedToEs } from '../addressed-to.js';
import type { TranslationOf } from '../catalog.js';
import type { signonEn } from './signon.en.js';

export const signonEs = {
  signonTitle: 'Adhesiones',
  signonListHelpMember:
    'Declaraciones que la coalición abrió a adhesiones. Lee cada una y fírmala en nombre de tu organización; puedes retirar la firma mientras no se publique.',
  signonListHelpEditor:
    'Abre una declaración a adhesiones para que las organizaciones miembro pidan firmarla; aprueba o rechaza sus solicitudes. Las organizaciones aprobadas aparecen entre las firmantes cuando la declaración es pública.',
  signonNone: 'No hay ninguna declaración abierta a adhesiones.',
  signonOpen: 'abierta a adhesiones',
  signonClosed: 'adhesiones cerradas',
  signonNotOpened: 'no abierta a adhesiones',
  signonPendingCount: (n: number) => (n === 1 ? '1 solicitud pendiente' : `${n} solicitudes pendientes`),
  signonStatus: (status: 'pending' | 'approved' | 'declined' | 'withdrawn') =>
    ({
      pending: 'pidió firmar, a la espera del equipo editor',
      approved: 'firmada (aprobada)',
      declined: 'rechazada por el equipo editor',
      withdrawn: 'firma retirada',
    })[status],
  signonYourOrganization: 'Tu organización',
  signonOwnStatus: (status: 'none' | 'pending' | 'approved' | 'declined' | 'withdrawn' | 'listed') =>
    ({
      none: 'Tu organización todavía no ha firmado esta declaración.',
      pending: 'Tu organización pidió firmar esta declaración; el equipo editor aún no ha decidido.',
      approved: 'Tu organización firmó esta declaración: el equipo editor aprobó su firma.',
      declined:
        'El equipo editor rechazó la solicitud de tu organización para firmar esta declaración. Si crees que es un error, escríbele.',
      withdrawn: 'Tu organización retiró su firma de esta declaración.',
      listed:
        'Tu organización ya figura entre las firmantes: la añadió el equipo editor. Si quieres cambiarlo, escribe al equipo editor.',
    })[status],
  signonSignButton: (organization: string) => `Firmar esta declaración en nombre de ${organization}`,
  signonSignHelp:
    'La firma llega al equipo editor, que aprueba cada una. Puedes retirarla mientras la declaración no se publique.',
  signonWithdrawLater:
    'La declaración ya está publicada y la firma ya no se puede retirar aquí: pídeselo al equipo editor.',
  signonSigningFor: 'Firmas en nombre de',
  signonEditorsDoNotSign:
    'Tu cuenta no pertenece a ninguna organización, así que aquí no firmas: abres las adhesiones y resuelves las solicitudes, y las organizaciones firman desde las cuentas de sus miembros.',
  signonDeadline: 'Plazo para firmar',
  signonNoDeadline: 'Sin plazo: abierta hasta que el equipo editor la cierre.',
  signonDeadlinePassed: (when: string) => `Las adhesiones están cerradas: el plazo terminó el ${when}.`,
  signonOpenNotice: 'Las adhesiones están abiertas: las organizaciones miembro pueden firmar.',
  signonClosesOn: (when: string) => `cierra el ${when}`,
  signonGoToSign: 'Lee la declaración a continuación; el formulario para firmar está al final de la página.',
  signonClosedNotice: 'Las adhesiones están cerradas: el equipo editor ya no recoge firmas.',
  signonNotOpenedNotice: 'Esta declaración todavía no se ha abierto a adhesiones.',
  signonStatementHeading: 'Lo que firmas',
  signonRecommendationsHeading: (n: number) => (n === 1 ? 'La recomendación (1)' : `Las recomendaciones (${n})`),
  signonAddressedTo: addressedToEs,
  signonIntroTo: (to: string) => `Las organizaciones firmantes dirigen las siguientes recomendaciones ${to}.`,
  signonIntro: 'Las organizaciones firmantes formulan las siguientes recomendaciones.',
  signonRecommendationTo: (to: string) => `Dirigida ${to}.`,
  signonThemes: 'Temas',
  signonSignatoriesHeading: 'Firmantes hasta ahora',
  signonSignatoriesHelp:
    'Organizaciones cuya firma aprobó el equipo editor, en el orden en que las recoge la declaración.',
  signonNoSignatories: 'Todavía no ha firmado ninguna organización.',
  signonSignedNotice: (organization: string, when: string) =>
    `Registrado: el ${when}, ${organization} pidió firmar esta declaración. El equipo editor revisará la solicitud; verás su estado en esta página.`,
  signonWithdrawnNotice: (organization: string) => `Registrado: se retiró la firma de ${organization}.`,
  signonDeadlineLocal: 'Cierre (fecha y hora)',
  signonDeadlineHint: 'Déjalo vacío si no hay plazo. Pasada esa hora, las organizaciones miembro ya no pueden firmar.',
  signonTimeZoneHint:
    'La zona en la que las organizaciones leen el plazo: elige una de las de la coalición o escribe cualquier otra por su nombre (Asia/Manila). Se guarda como un único instante.',
  signonDeadlineButton: 'Guardar el plazo',
  signonErrDeadline: 'Indica una fecha y hora futuras que existan en la zona horaria elegida.',
  signonWithdrawButton: 'Retirar nuestra firma',
  signonWithdrawHelp: 'Puedes retirarla mientras la declaración no se publique.',
  signonOpenButton: 'Abrir a adhesiones',
  signonCloseButton: 'Cerrar las adhesiones',
  signonRequestsTitle: 'Solicitudes de firma',
  signonNoRequests: 'Ninguna organización ha pedido firmar todavía.',
  signonApproveButton: 'Aprobar',
  signonDeclineButton: 'Rechazar',
  signonColumnOrganization: 'Organización',
  signonColumnStatus: 'Estado',
  signonColumnDecision: 'Decisión',
  signonDraftNotice:
    'No es público: solo las organizaciones miembro invitadas a firmar y el equipo editor pueden leer este texto.',
  signonAccountLink: 'Adhesiones: declaraciones para firmar',
  signonClosedReason:
    'La recogida de firmas de esta declaración está cerrada. Si tu organización todavía quiere firmarla, escribe al equipo editor.',
  signonAlreadyRequestedReason:
    'Tu organización ya pidió firmar esta declaración; la solicitud aparece en la página de adhesiones. Si quieres enviarla de nuevo, retírala allí primero.',
  signonNothingToWithdrawReason:
    'Tu organización no tiene ninguna firma en esta declaración que retirar. Puede que la página de la que vienes esté desactualizada: vuelve a cargarla para ver cómo están las cosas.',
  signonAlreadyDecidedReason:
    'Otra persona del equipo editor ya resolvió esta solicitud. Vuelve a cargar la página de adhesiones para ver su estado actual.',
  signonDeadlinePassedReason:
    'El plazo para firmar esta declaración ya terminó y no se recogen más firmas. Si tu organización todavía quiere firmarla, escribe al equipo editor.',
  signonDeadlineInvalidReason:
    'No se guardó el plazo: indica una fecha y hora futuras en la zona horaria elegida (una hora que se salta al cambiar el reloj no existe allí), o déjalo vacío si no hay plazo.',
  signonAlreadySignatoryReason:
    'Tu organización ya figura entre las firmantes de esta declaración, así que no hay nada que firmar. Si quieres cambiarlo, escribe al equipo editor.',
  signonPublishedReason:
    'Esta declaración ya está publicada y sus firmantes ya no se pueden cambiar aquí: pide al equipo editor que los modifique.',
} as const satisfies TranslationOf<typeof signonEn>;
