/** Textos de la importación de recomendaciones desde una hoja de cálculo (features/sheet-import), en es.ts. */
export const sheetImportEs = {
  sheetNav: 'Importar recomendaciones',
  sheetTitle: 'Importar recomendaciones desde una hoja de cálculo',
  sheetIntro:
    'Sube un archivo CSV o XLSX con las mismas columnas que la exportación de recomendaciones. Primero Puente lo revisa y te muestra qué crearía o con qué lo emparejaría; no se escribe nada hasta que lo confirmes.',
  sheetColumnsLink: 'Las columnas, una por una',
  sheetFileLabel: 'Hoja de cálculo (CSV o XLSX)',
  sheetFileHint: (mb: number) =>
    `Como máximo ${mb} MB. La primera fila debe tener los nombres de columna de la exportación.`,
  sheetSubmit: 'Revisar el archivo',
  sheetUploadProblem: (code: string) =>
    code === 'too-large'
      ? 'El archivo es demasiado grande. Divídelo en archivos más pequeños e impórtalos uno tras otro.'
      : code === 'bad-type'
        ? 'No es un archivo CSV ni XLSX. Guarda la hoja como .csv (UTF-8) o .xlsx y vuelve a subirla.'
        : 'No llegó ningún archivo. Elige un archivo CSV o XLSX e inténtalo de nuevo.',
  sheetJobTitle: (file: string) => `Importación de ${file}`,
  sheetQueued: 'Esperando para empezar…',
  sheetChecking: 'Revisando el archivo. Todavía no se escribe nada.',
  sheetCommitting: 'Escribiendo las recomendaciones, todo o nada.',
  sheetProgressLabel: 'Progreso',
  sheetProgressRows: (rows: number, percent: number) => `${rows} filas leídas (${percent} % del archivo).`,
  sheetLeaveNote:
    'Puedes salir de esta página: la importación sigue, y al volver verás por dónde va. La página se actualiza sola cada pocos segundos.',
  sheetReload: 'Actualizar ahora',
  sheetFailed:
    'La importación se detuvo por un error inesperado. No se escribió nada. Vuelve a intentarlo o pregunta a tu administrador.',
  sheetCheckedOk: 'El archivo está listo para importarse. Todavía no se ha escrito nada.',
  sheetCheckedProblems: (n: number) =>
    n === 1
      ? 'Hay 1 problema que debes corregir antes de importar nada. Corrígelo en la hoja y vuelve a subirla.'
      : `Hay ${n} problemas que debes corregir antes de importar nada. Corrígelos en la hoja y vuelve a subirla.`,
  sheetProblemsCut: (shown: number) => `Se muestran los primeros ${shown}.`,
  sheetCommitted: 'Importado. Se escribieron todas las filas.',
  sheetNothingNew: 'Nada nuevo: todo lo de este archivo ya está en Puente.',
  sheetConfirm: 'Importar estas recomendaciones',
  sheetAnother: 'Importar otro archivo',
  sheetSummaryHeading: 'Qué contiene el archivo',
  sheetRows: 'Filas',
  sheetWhat: 'Qué',
  sheetCreated: 'Nuevas',
  sheetUnchanged: 'Ya en Puente',
  sheetStatements: 'Declaraciones',
  sheetRecommendations: 'Recomendaciones',
  sheetResponses: 'Respuestas de gobiernos',
  sheetStatusUpdates: 'Cambios de estado',
  sheetByPosition: 'Respuestas por posición',
  sheetThemesHeading: 'Temas',
  sheetAddresseesHeading: 'Destinatarios',
  sheetWritten: 'En el archivo',
  sheetMatchedTo: 'En Puente',
  sheetHow: 'Cómo',
  sheetHowName: (how: string) =>
    ({
      slug: 'Mismo identificador',
      name: 'Mismo nombre',
      fuzzy: 'Nombre parecido',
      new: 'Nuevo: se creará',
    })[how] ?? how,
  sheetSuggestions: '¿Quisiste decir',
  sheetProblemsHeading: 'Problemas',
  sheetRow: 'Fila',
  sheetColumn: 'Columna',
  sheetWrong: 'Qué está mal',
  sheetFix: 'Qué hacer',
  sheetFileProblem: (code: string, detail: string) =>
    ({
      'not-utf8': 'El archivo no es texto UTF-8. Guárdalo como «CSV UTF-8» y vuelve a subirlo.',
      'bad-csv': `El archivo no es un CSV válido (${detail}). Vuelve a guardarlo como CSV desde tu hoja de cálculo.`,
      'not-xlsx': 'El archivo no es un libro XLSX legible. Vuelve a guardarlo como .xlsx.',
      'no-header': 'La primera fila está vacía. Pon en ella los nombres de columna de la exportación.',
      'missing-columns': `Faltan columnas: ${detail}. Parte de una exportación, que tiene todas.`,
      'unknown-columns': `Columnas desconocidas: ${detail}. Quítalas o renómbralas como en la exportación.`,
      empty: 'El archivo está vacío. Exporta recomendaciones para ver cómo debe ser.',
    })[code] ?? code,
  sheetProblemText: (code: string, value: string) =>
    ({
      required: 'Esta celda está vacía.',
      'bad-slug': `«${value}» no es un identificador (minúsculas, dígitos y guiones).`,
      'bad-date': `«${value}» no es una fecha escrita como AAAA-MM-DD.`,
      'bad-number': `«${value}» no es un número entero desde 1.`,
      'bad-language': `«${value}» no es un código de idioma.`,
      'bad-url': `«${value}» no es una dirección web.`,
      'bad-choice': `«${value}» no es uno de los valores permitidos.`,
      'too-long': 'El texto es demasiado largo.',
      'extra-cells': 'La fila tiene más celdas que columnas el encabezado.',
      'no-text': 'La recomendación no tiene texto en ningún idioma.',
      'no-original-text': 'El texto en el idioma original está vacío.',
      'no-title': 'La declaración no tiene título en ningún idioma.',
      'entry-without-type': `Hay columnas de entrada llenas (${value}), pero entry_type está vacía.`,
      'bad-position': `«${value}» no es una posición de respuesta.`,
      'bad-status': `«${value}» no es un estado de implementación.`,
      'response-needs-addressee': 'Una respuesta necesita el destinatario que la dio.',
      'status-date-without-status': 'current_status_date tiene valor pero current_status está vacía.',
      'status-without-date': 'current_status tiene valor pero no tiene fecha.',
      'embargo-unknown': 'El archivo no dice cuándo se levanta el embargo.',
      inconsistent: `Esta recomendación o declaración dice otra cosa en la fila ${value}.`,
      'statement-differs': `Puente ya tiene esta declaración con «${value}» aquí.`,
      'recommendation-differs': `Puente ya tiene esta recomendación con otro texto («${value}»).`,
      'duplicate-number': `Otra recomendación de esta declaración ya tiene el número ${value}.`,
    })[code] ?? code,
  sheetProblemFix: (code: string, column: string) =>
    ({
      required: `Rellena ${column}.`,
      'bad-slug': 'Usa solo a-z, 0-9 y guiones sueltos, como en la exportación.',
      'bad-date': 'Escribe la fecha como 2021-06-03.',
      'bad-number': 'Escribe el número de la recomendación, por ejemplo 3.',
      'bad-language': 'Escribe en, es o déjala vacía.',
      'bad-url': 'Escribe una dirección completa que empiece por https:// o déjala vacía.',
      'bad-choice': 'Usa uno de los valores de la guía de columnas.',
      'too-long': 'Acórtalo a 20 000 caracteres como máximo.',
      'extra-cells': 'Borra las celdas a la derecha de la última columna.',
      'no-text': 'Rellena recommendation_text_en o recommendation_text_es.',
      'no-original-text': 'Rellena el texto o cambia recommendation_original_language.',
      'no-title': 'Rellena statement_title_en o statement_title_es.',
      'entry-without-type': 'Pon response o status_update en entry_type, o vacía las columnas de entrada.',
      'bad-position': 'Usa accepted, partially_accepted, noted, rejected o no_response.',
      'bad-status':
        'Usa not_started, in_progress, partially_implemented, implemented, reversed o no_longer_relevant.',
      'response-needs-addressee': 'Rellena entry_addressee con el destinatario (identificador o nombre).',
      'status-date-without-status': 'Rellena current_status o vacía current_status_date.',
      'status-without-date': 'Rellena current_status_date.',
      'embargo-unknown': 'Impórtala como borrador y pon el embargo en el espacio de trabajo.',
      inconsistent: 'Haz que todas las filas de la misma recomendación y declaración digan lo mismo.',
      'statement-differs':
        'La importación nunca cambia lo que ya existe: edítala en el espacio de trabajo o usa otro statement_slug.',
      'recommendation-differs':
        'La importación nunca cambia lo que ya existe: edítala en el espacio de trabajo o usa otro recommendation_slug.',
      'duplicate-number': 'Da a cada recomendación de una declaración su propio número.',
    })[code] ?? '',
} as const;
