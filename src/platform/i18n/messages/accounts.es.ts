/** Cadenas de administración de cuentas, gestión de dos pasos y encabezado con sesión (issue 5). */
import type { TranslationOf } from '../catalog.js';
import type { accountsEn } from './accounts.en.js';

export const accountsEs = {
  accountsHeaderSignedInAs: 'Sesión iniciada como',
  accountsHeaderAccount: 'Tu cuenta',
  accountsHeaderSignIn: 'Iniciar sesión',
  accountsHeaderLabel: 'Tu sesión',
  accountsAdminNeedsTwoFactor:
    'Quienes administran la coalición deben activar el inicio de sesión en dos pasos antes de usar las páginas de administración. Lleva un minuto.',
  accountsPasswordLabel: 'Tu contraseña',
  accountsCodeLabel: 'Un código actual de tu aplicación, o un código de recuperación',
  accountsConfirmFailed: 'La contraseña o el código no son correctos. No se cambió nada.',
  accountsConfirmLocked:
    'Hubo demasiados intentos fallidos en esta cuenta: queda bloqueada unos minutos. Espera y vuelve a intentarlo. No se cambió nada.',
  accountsTwoFactorOffTitle: 'Desactivar el inicio de sesión en dos pasos',
  accountsTwoFactorOffHelp:
    'Cualquiera que tenga solo tu contraseña podría entrar. Para pasar a un teléfono nuevo, desactívalo y vuelve a activarlo.',
  accountsTwoFactorOffButton: 'Desactivar el inicio de sesión en dos pasos',
  accountsRegenerateTitle: 'Nuevos códigos de recuperación',
  accountsRegenerateHelp: 'Recibes diez códigos nuevos; los anteriores, usados o no, dejan de funcionar en el acto.',
  accountsRegenerateButton: 'Crear nuevos códigos de recuperación',
  accountsUsersListTitle: 'Personas con cuenta',
  accountsColumnEmail: 'Correo',
  accountsColumnRole: 'Rol',
  accountsColumnOrganization: 'Organización',
  accountsColumnTwoFactor: 'Dos pasos',
  accountsColumnStatus: 'Estado',
  accountsColumnLastSignIn: 'Último inicio de sesión',
  accountsOn: 'activado',
  accountsOff: 'desactivado',
  accountsActive: 'activa',
  accountsDisabled: 'desactivada',
  accountsInvited: 'invitada, sin contraseña aún',
  accountsNever: 'nunca',
  accountsManage: (email: string) => `Gestionar ${email}`,
  accountsUserTitle: (email: string) => `Cuenta de ${email}`,
  accountsChangeRoleTitle: 'Rol',
  accountsChangeRoleHelp: 'Un cambio de rol cierra todas las sesiones de la persona; vuelve a entrar con el nuevo rol.',
  accountsChangeRoleButton: 'Cambiar el rol',
  accountsDisableTitle: 'Desactivar o activar',
  accountsDisableHelp:
    'Una cuenta desactivada no puede iniciar sesión y sus sesiones terminan en el acto. Su historial se conserva. Al activarla, la persona puede volver a entrar con su contraseña.',
  accountsDisableButton: 'Desactivar esta cuenta',
  accountsEnableButton: 'Activar esta cuenta',
  accountsResendTitle: 'Invitación',
  accountsResendHelp:
    'Envía un nuevo enlace de invitación; los enlaces anteriores dejan de funcionar. Solo para quien aún no eligió contraseña.',
  accountsResendButton: 'Enviar de nuevo la invitación',
  accountsHistoryLink: 'Historial de esta cuenta',
  accountsRoleChanged: (email: string) => `Se cambió el rol de ${email}; se cerraron todas sus sesiones.`,
  accountsDisabledDone: (email: string) => `${email} está desactivada y se cerraron todas sus sesiones.`,
  accountsEnabledDone: (email: string) => `${email} puede volver a iniciar sesión.`,
  accountsInvitationResent: (email: string) => `Se envió una nueva invitación a ${email}.`,
  accountsNotYourself:
    'No puedes cambiar tu propio rol ni desactivar tu propia cuenta aquí: pídeselo a otra persona administradora, para que la coalición nunca se quede sin ninguna.',
  accountsMemberNeedsOrganization:
    'Elige la organización de esta persona miembro (y ninguna para quienes editan o administran).',
  accountsEnableFirst: 'Esta cuenta está desactivada: actívala antes de enviar una nueva invitación.',
  accountsAlreadyHasPassword: 'Esta persona ya eligió una contraseña: puede usar «¿Olvidaste tu contraseña?».',
  accountsAddButton: 'Agregar a la persona y crear un enlace de acceso',
  accountsNoMailHelp:
    'Este servidor no puede enviar correos (SMTP_URL no está configurado): recibirás un enlace de acceso de un solo uso para entregárselo tú.',
  accountsMailHelp: 'La persona recibe un correo con un enlace de un solo uso para elegir su contraseña.',
  accountsLinkTitle: (email: string) => `Enlace de acceso para ${email}`,
  accountsLinkCreated: (email: string) =>
    `La cuenta de ${email} está lista. Este servidor no puede enviar correos, así que entrégale tú este enlace (por mensaje o en persona).`,
  accountsLinkRenewed: (email: string) =>
    `Nuevo enlace de acceso para ${email}: los enlaces anteriores ya no funcionan. Este servidor no puede enviar correos, así que entrégaselo tú.`,
  accountsLinkOnce:
    'Esta página muestra el enlace una sola vez: cópialo ahora. Quien lo abra elige la contraseña de esta cuenta, así que envíaselo solo a esta persona.',
  accountsLinkLabel: 'Enlace de acceso de un solo uso',
  accountsLinkExpires: (when: string) => `Funciona una sola vez, hasta el ${when}.`,
  accountsLinkExpiredHelp: 'Después, crea uno nuevo desde la página de la cuenta de la persona.',
  accountsCopyButton: 'Copiar el enlace',
  accountsCopied: 'Copiado.',
  accountsBackToUsers: 'Volver a las personas con cuenta',
  accountsNewLinkButton: 'Crear un nuevo enlace de acceso',
  accountsNewLinkHelp:
    'Crea un nuevo enlace de un solo uso para entregarlo; los enlaces anteriores dejan de funcionar. Solo para quien aún no eligió contraseña.',
  accountsInviteEmailInvalid: 'Correo: escribe una dirección de correo completa, como nombre@ejemplo.org.',
  accountsInviteEmailTaken: (email: string) =>
    `Correo: ${email} ya tiene una cuenta. Búscala en la lista de arriba; si aún no tiene contraseña, crea un nuevo enlace desde su página.`,
  accountsInviteUnknownOrganization: 'Organización: esa organización ya no existe; elige una de la lista.',
  accountWorkspaceLink: 'Ir al espacio de trabajo',
  accountsPasswordSet:
    'Tu contraseña quedó guardada. Inicia sesión abajo con tu correo y la contraseña nueva; desde la página de tu cuenta podrás entrar al espacio de trabajo.',
  accountsRecoveryCodesSave:
    'Guárdalos ahora: imprime esta página o cópialos en un gestor de contraseñas o en un papel que guardes lejos de tu teléfono. Cada código sirve una sola vez. Esta página no volverá a mostrarlos.',
  accountsRecoveryCodesContinue: 'Ya los guardé: continuar al espacio de trabajo',
  accountsRecoveryCodesToAccount: 'Volver a tu cuenta',
  accountsQrLabel:
    'Código QR de tu clave de inicio de sesión en dos pasos, para escanear con una aplicación de autenticación',
  accountsQrHelp:
    'Escanea este código con la aplicación de autenticación de tu teléfono, o escribe en ella la clave de abajo.',
  accountsTwoFactorAlreadyOn:
    'El inicio de sesión en dos pasos ya está activado. Los códigos de recuperación se muestran una sola vez: si no los guardaste, crea otros nuevos abajo.',
} as const satisfies TranslationOf<typeof accountsEn>;
