/** Textos de la carga de archivos (logotipos y documentos completos de las declaraciones), en es.ts. */
export const filesEs = {
  filesLogoAlt: (name: string) => `Logotipo de ${name}`,
  filesReleaseLogos: 'Las organizaciones',
  filesLogoTitle: 'Logotipo de la organización',
  filesLogoIntro:
    'El logotipo aparece en el directorio, en la página de la organización y con sus comunicados de prensa.',
  filesLogoLabel: 'Archivo del logotipo',
  filesLogoHelp: (limit: string) =>
    `PNG, JPEG o SVG, de hasta ${limit}. Los archivos SVG se limpian antes de guardarse: se quitan los scripts, los enlaces y todo lo que se cargue desde otro sitio.`,
  filesCurrentLogo: 'Logotipo actual',
  filesNoLogo: 'Todavía no hay logotipo.',
  filesRemoveLogoButton: 'Quitar el logotipo',
  filesDocumentTitle: 'Documento completo de la declaración',
  filesDocumentIntro: 'Las personas lo encuentran en la página de la declaración, en «Leer el documento completo».',
  filesDocumentLabel: 'Archivo del documento',
  filesDocumentHelp: (limit: string) =>
    `PDF o Word (DOCX), de hasta ${limit}. El público solo puede descargarlo mientras la declaración esté publicada.`,
  filesCurrentDocument: 'Documento actual',
  filesNoDocument: 'Todavía no hay documento.',
  filesDocumentExternal: 'Hasta que se suba uno, «Leer el documento completo» lleva a esta dirección:',
  filesDocumentNotPublic: 'Aún no es público: la declaración es un borrador, está bajo embargo o fue retirada.',
  filesRemoveDocumentButton: 'Quitar el documento',
  filesUploadButton: 'Subir',
  filesSaved: 'Guardado.',
  filesRemoved: 'Quitado.',
  filesTypePdf: 'PDF',
  filesTypeDocx: 'Word (DOCX)',
  filesDocumentMeta: (type: string, size: string) => `${type}, ${size}`,
  filesErrorNoFile: 'No se eligió ningún archivo. Elige uno y pulsa «Subir».',
  filesErrorEmpty:
    'El archivo está vacío (0 bytes). Vuelve a elegirlo; si sigue vacío, guárdalo de nuevo desde el programa con que lo hiciste.',
  filesErrorTooLarge: (limit: string) =>
    `El archivo pesa más de ${limit}, el máximo que se acepta aquí. Redúcelo (exporta el logotipo más pequeño, o el PDF con «reducir tamaño») y vuelve a subirlo.`,
  filesErrorWrongTypeLogo: (found: string | null) =>
    `${found ? `Este archivo es ${found}` : 'Este archivo no es una imagen que Puente reconozca'}, no una imagen PNG, JPEG o SVG (el nombre del archivo no importa: Puente mira su contenido). Elige el logotipo en PNG, JPEG o SVG.`,
  filesErrorWrongTypeDocument: (found: string | null) =>
    `${found ? `Este archivo es ${found}` : 'Este archivo no es un documento que Puente reconozca'}, no un documento PDF o Word (DOCX) (el nombre del archivo no importa: Puente mira su contenido). Elige la declaración en PDF o DOCX.`,
  filesErrorImageBroken: 'Esta imagen está dañada o incompleta. Vuelve a exportarla y sube el archivo nuevo.',
  filesErrorSvgInvalid:
    'Este SVG no se puede leer como SVG (no es XML bien formado con un elemento <svg>). Vuelve a exportarlo con «Guardar como SVG» y sube el archivo nuevo.',
  filesErrorSvgDoctype:
    'Este SVG contiene un DOCTYPE o declaraciones de entidades, que no se aceptan. Vuelve a exportarlo como SVG simple, sin DTD.',
  filesErrorPdfInvalid:
    'Este PDF no se puede abrir: está dañado o no es realmente un PDF. Vuelve a exportarlo y sube el archivo nuevo.',
  filesErrorPdfEncrypted:
    'Este PDF está protegido con contraseña, así que el público no podría abrirlo. Guarda una copia sin contraseña y súbela.',
  filesErrorPdfScripts:
    'Este PDF contiene JavaScript, que no se publica. Vuelve a exportarlo sin scripts ni acciones de formulario (por ejemplo con «Imprimir a PDF»).',
  filesErrorPdfActions:
    'Este PDF contiene acciones que abren programas, envían o importan datos, o archivos adjuntos, que no se publican. Vuelve a exportarlo sin ellos (por ejemplo con «Imprimir a PDF»).',
  filesErrorPdfUncheckable:
    'Puente no puede revisar todo el contenido de este PDF (una parte está cifrada o comprimida de una forma poco habitual), así que no se publica. Vuelve a exportarlo con «Imprimir a PDF» y sube el archivo nuevo.',
  filesErrorUnpackedTooLarge: (limit: string) =>
    `Este archivo ocupa más de ${limit} al descomprimirse, mucho más que cualquier documento real, así que no se leyó. Vuelve a exportarlo y sube el archivo nuevo.`,
  filesErrorTooComplex:
    'Leer este archivo exige más tiempo o memoria de lo que necesita cualquier documento real, así que se interrumpió la lectura. Vuelve a exportarlo (si es un PDF, con «Imprimir a PDF») y sube el archivo nuevo.',
  filesErrorDocxInvalid:
    'Este archivo de Word no se puede abrir: está dañado. Guárdalo de nuevo como .docx y sube el archivo nuevo.',
  filesErrorDocxNotWord:
    'Este archivo es un ZIP pero no un documento de Word. Guarda la declaración como .docx (no .docm ni otro formato), o como PDF, y súbela.',
  filesErrorBadForm:
    'El formulario llegó incompleto o con partes inesperadas. Recarga la página y vuelve a intentarlo.',
} as const;
