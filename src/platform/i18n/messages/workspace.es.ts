/** Textos del espacio de trabajo editorial (features/workspace y las páginas del registro). */
import type { workspaceEn } from './workspace.en.js';

type Shape = {
  readonly [K in keyof typeof workspaceEn]: (typeof workspaceEn)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};

export const workspaceEs = {
  workspaceTitle: 'Espacio de trabajo',
  workspaceNavLabel: 'Espacio de trabajo',
  workspaceNavHome: 'Resumen',
  workspaceNavOrganizations: 'Organizaciones',
  workspaceNavPeople: 'Personas',
  workspaceNavThemes: 'Temas',
  workspaceNavAddressees: 'Destinatarios',
  workspaceNavTranslations: 'Traducciones',
  workspaceNavMyOrganization: 'Mi organización',
  workspaceSignedInAs: (who: string, role: string) => `Sesión iniciada como ${who} (${role})`,
  workspaceRoleAdmin: 'administración',
  workspaceRoleEditor: 'edición',
  workspaceRoleMember: 'organización miembro',
  workspaceHomeIntro: 'Mantén al día el registro, los pronunciamientos y los comunicados de prensa de la coalición.',
  workspaceHomeMemberIntro:
    'Mantén al día el perfil de tu organización, su texto “Acerca de” y sus contactos de prensa. Los comunicados los usan en cuanto guardas.',
  workspacePublicSite: 'Sitio público',
  workspaceForbiddenTitle: 'No puedes abrir esta página',
  workspaceForbiddenBody:
    'Tu cuenta no da acceso a esta página. Si la necesitas, pídeselo a quien administra la coalición.',
  workspaceBackHome: 'Volver al espacio de trabajo',
  workspaceFormHasErrors: 'No se guardó nada. Corrige lo siguiente:',
  workspaceErrorPrefix: 'Error:',
  workspaceOptional: '(opcional)',
  workspaceSave: 'Guardar',
  workspaceCreate: 'Crear',
  workspaceCancel: 'Cancelar',
  workspaceSaved: 'Guardado.',
  workspaceStateOriginal: 'original',
  workspaceStateTranslation: 'traducción',
  workspaceStateStale: 'traducción desactualizada',
  workspaceStateMissing: 'falta',
  workspaceStateLabel: (language: string, state: string) => `${language} — ${state}`,
  workspaceStaleHint: 'El original cambió después de hacer esta traducción. Revísala y vuelve a guardarla.',
  workspaceMarkCurrent: 'Esta traducción corresponde al original actual',
  workspacePreview: 'Vista previa',
  workspacePreviewHint:
    'Markdown: **negrita**, *cursiva*, [enlace](https://…), listas con “- ”. La vista previa se actualiza mientras escribes.',
  workspaceSearch: 'Buscar',
  workspaceSearchButton: 'Buscar',
  workspaceFilter: 'Filtrar',
  workspaceShowArchived: 'Mostrar archivados',
  workspaceAll: 'Todos',
  workspaceNoResults: 'No hay coincidencias.',
  workspaceResultCount: (n: number) => (n === 1 ? '1 resultado' : `${n} resultados`),
  workspaceActions: 'Acciones',
  workspaceEdit: 'Editar',
  workspaceArchive: 'Archivar',
  workspaceRestore: 'Restaurar',
  workspaceArchived: 'archivado',
  workspaceMoveUp: 'Subir',
  workspaceMoveDown: 'Bajar',
  workspaceMoveUpNamed: (name: string) => `Subir: ${name}`,
  workspaceMoveDownNamed: (name: string) => `Bajar: ${name}`,
  workspaceEditNamed: (name: string) => `Editar ${name}`,
  workspaceConflictKeep:
    'No se perdió nada de lo que escribiste: el formulario de abajo conserva tus cambios, y los campos que no tocaste muestran ahora los valores nuevos. Revísalo frente al cambio de arriba y vuelve a guardar.',
  workspaceErrRequired: 'Completa este campo.',
  workspaceErrRequiredOneLanguage: 'Escríbelo al menos en un idioma.',
  workspaceErrTooLong: 'Es demasiado largo; acórtalo.',
  workspaceErrUrl: 'Escribe una dirección web completa que empiece con https:// o http://, p. ej. https://example.org.',
  workspaceErrCountry: 'Elige un país de la lista.',
  workspaceErrEmail: 'Escribe un correo electrónico como nombre@example.org.',
  workspaceErrPhone: 'Este número de teléfono no es válido. Escríbelo con su código de país, p. ej. +502 2414 7444.',
  workspaceErrChoice: 'Elige una de las opciones de la lista.',
  workspaceErrParentSelf: 'Un destinatario no puede formar parte de sí mismo.',
} as const satisfies Shape;
