/** Spanish strings of the unsubscribe page and of what every list email says at its end (spread into es.ts). */
export const mailEs = {
  unsubscribeTitle: 'Dejar de recibir estos correos',
  unsubscribeAsk: (email: string) => `Puente no enviará más correos a ${email}.`,
  unsubscribeButton: 'Darme de baja',
  unsubscribeDone: (email: string) => `Listo: ${email} ya no recibirá correos de Puente.`,
  unsubscribeAlready: (email: string) => `${email} ya está dado de baja: Puente no le envía más correos.`,
  unsubscribeUndo: '¿Cambiaste de opinión? Escribe a la coalición que te envió el correo.',
  mailUnsubscribeFooter: (url: string) => `Para no recibir más correos como este, abre ${url}`,
};
