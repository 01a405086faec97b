/** The press feature's front door: what other features, the app and the tests may use. */

export type { ContactForm } from './contact-fields.js';
export {
  contactData,
  createContact,
  eraseContact,
  getContact,
  listContacts,
  updateContact,
} from './contacts-service.js';
export type { ListForm } from './lists-service.js';
export { createList, listLists, updateList } from './lists-service.js';
export { personalize, renderReleaseMail } from './mail-render.js';
export { pressFeature } from './manifest.js';
export type { SendForm } from './sends-service.js';
export {
  cancelSend,
  changeSend,
  createSend,
  planSend,
  sendRecipients,
  syncContactStatuses,
  testSend,
} from './sends-service.js';
export { commitContactImport, contactsCsv, planContactImport, readContactsFile } from './transfer.js';
