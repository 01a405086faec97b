/** Cadenas de la adhesión (issue 5): las organizaciones miembro firman una declaración; el equipo editor decide. */
import type { TranslationOf } from '../catalog.js';
import type { signonEn } from './signon.en.js';

export const signonEs = {
  signonTitle: 'Adhesiones',
  signonListHelpMember:
    'Declaraciones que la coalición abrió a adhesiones. Léela y fírmala en nombre de tu organización; puedes retirar la firma mientras no se publique.',
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
  signonNotYetAsked: 'no ha firmado esta declaración.',
  signonSignButton: 'Firmar esta declaración en nombre de mi organización',
  signonWithdrawButton: 'Retirar nuestra firma',
  signonWithdrawHelp: 'Es posible mientras la declaración no se publique.',
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
    'La recogida de firmas de esta declaración está cerrada. Si tu organización aún quiere firmarla, escribe al equipo editor.',
  signonAlreadyRequestedReason:
    'Tu organización ya pidió firmar esta declaración; la solicitud aparece en la página de firmas. Si quieres enviarla de nuevo, retírala allí primero.',
  signonNothingToWithdrawReason:
    'Tu organización no tiene ninguna firma en esta declaración que retirar. Es posible que la página de la que vienes esté desactualizada: vuelve a cargarla para ver cómo están las cosas.',
  signonAlreadyDecidedReason:
    'Otra persona del equipo editor ya resolvió esta solicitud. Vuelve a cargar la página de firmas para ver su estado actual.',
  signonPublishedReason:
    'Esta declaración ya está publicada y sus firmantes ya no se cambian aquí: pide al equipo editor que los modifique.',
} as const satisfies TranslationOf<typeof signonEn>;
