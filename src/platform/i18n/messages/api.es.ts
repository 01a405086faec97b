/** Textos de la API pública, su página de referencia y las descargas de recomendaciones. */
export const apiEs = {
  footerApiLink: 'Datos abiertos: API y descargas',
  apiTooManyTitle: 'Demasiadas solicitudes',
  apiTooMany:
    'Esta dirección envió demasiadas solicitudes en el último minuto. Espera los segundos que indica Retry-After y vuelve a intentarlo.',
  apiNotFoundTitle: 'No encontrado',
  apiNoSuchAddress: (path: string) =>
    `No hay nada público en ${path}. Compara la dirección con la referencia en /api/openapi.json: puede que el elemento no exista o que aún no esté publicado.`,
  apiBadRequestTitle: 'Solicitud incorrecta',
  apiBadParameter: (name: string, isLimit: boolean) =>
    isLimit
      ? 'El parámetro «limit» debe ser un número entero de 1 a 100. Envía un número en ese rango, u omítelo para recibir 50 elementos por página.'
      : `El parámetro «${name}» no es válido aquí. Envía solo «after» (el cursor de links.next) y «limit» (de 1 a 100).`,
  apiRefused:
    'No se puede responder a esta solicitud tal como se envió. Compárala con la referencia en /api/openapi.json.',
  apiServerErrorTitle: 'Error del servidor',
  apiServerError: 'Algo falló de nuestro lado. Vuelve a intentarlo en un momento.',

  apiOpListStatements: 'Declaraciones publicadas, de la más reciente a la más antigua',
  apiOpGetStatement: 'Una declaración publicada',
  apiOpListRecommendations: 'Las recomendaciones de una declaración en orden, cada una con su estado actual',
  apiOpGetRecommendation: 'Una recomendación con su estado actual',
  apiOpListOrganizations: 'Organizaciones del registro, por identificador',
  apiOpGetOrganization: 'Una organización',
  apiOpListReleases: 'Comunicados de prensa publicados, del más reciente al más antiguo',
  apiOpGetRelease: 'Un comunicado de prensa publicado',
  apiOpListFollowupEntries:
    'Entradas de seguimiento publicadas (respuestas, cambios de estado, reuniones, compromisos), de la más reciente a la más antigua',
  apiOpGetFollowupEntry: 'Una entrada de seguimiento publicada',

  apiReferenceTitle: 'Datos abiertos: API y descargas',
  apiReferenceIntro:
    'Todo lo publicado en este sitio puede leerse con programas: una API JSON de solo lectura y las recomendaciones con su estado y seguimiento como hojas de cálculo. Solo incluye material publicado, lo mismo que estas páginas.',
  apiReferenceDocument: 'La API descrita en OpenAPI 3.1 (JSON)',
  apiReferenceConventions: 'Cómo funciona',
  apiReferenceConventionsList: [
    'Los textos vienen en cada idioma en que existen, marcados como original o traducción.',
    'Las listas van por páginas: sigue links.next hasta que sea null. El cursor es opaco; el parámetro limit fija de 1 a 100 elementos por página (50 si no se indica).',
    'Las respuestas llevan un ETag: devuélvelo en If-None-Match y una respuesta sin cambios será un breve 304.',
    'Cualquier sitio web puede leer la API desde un navegador (CORS, solo GET). Cada dirección puede enviar un número limitado de solicitudes por minuto; por encima, la respuesta es 429 con Retry-After.',
  ].join('\n'),
  apiReferenceEndpoints: 'Direcciones',
  apiReferenceParameters: 'Parámetros',
  apiReferenceParameter: 'Parámetro',
  apiReferenceIn: 'Dónde',
  apiReferenceRequired: 'Obligatorio',
  apiReferenceYes: 'sí',
  apiReferenceNo: 'no',
  apiReferenceType: 'Tipo',
  apiReferenceFields: 'Campos de cada elemento',
  apiReferenceField: 'Campo',
  apiReferenceInPath: 'dirección',
  apiReferenceInQuery: 'consulta',
  apiReferenceDownloads: 'Hojas de cálculo de recomendaciones',
  apiReferenceDownloadsIntro:
    'Cada recomendación publicada con su estado actual y su historial de seguimiento (respuestas del gobierno y cambios de estado), una fila por entrada. Las columnas están documentadas en docs/data-columns.md y son las mismas que lee la importación masiva.',
  apiReferenceCsv: 'Todas las recomendaciones (CSV)',
  apiReferenceXlsx: 'Todas las recomendaciones (Excel)',

  exportStatementLinks: 'Descargar estas recomendaciones',
  exportCsv: 'CSV',
  exportXlsx: 'Excel (XLSX)',
  exportSheetName: 'Recomendaciones',
} as const;
