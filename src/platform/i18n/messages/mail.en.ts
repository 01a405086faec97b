/** English strings of the unsubscribe page and of what every list email says at its end (spread into en.ts). */
export const mailEn = {
  unsubscribeTitle: 'Stop these emails',
  unsubscribeAsk: (email: string) => `Puente will send no more emails to ${email}.`,
  unsubscribeButton: 'Unsubscribe',
  unsubscribeDone: (email: string) => `Done: ${email} will get no more emails from Puente.`,
  unsubscribeAlready: (email: string) => `${email} is already unsubscribed: Puente sends it no more emails.`,
  unsubscribeUndo: 'Changed your mind? Write to the coalition that sent you the email.',
  mailUnsubscribeFooter: (url: string) => `To get no more emails like this one, open ${url}`,
};
