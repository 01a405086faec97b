/** UI strings of the public API, its reference page and the recommendation exports, spread into en.ts. */
export const apiEn = {
  footerApiLink: 'Open data: API and downloads',
  apiTooManyTitle: 'Too many requests',
  apiTooMany:
    'This address sent too many requests in the last minute. Wait for the number of seconds in Retry-After, then try again.',
  apiNotFoundTitle: 'Not found',
  apiNoSuchAddress: (path: string) =>
    `Nothing public is at ${path}. Check the address against the reference at /api/openapi.json: the item may not exist, or may not be published yet.`,
  apiBadRequestTitle: 'Bad request',
  apiBadParameter: (name: string, isLimit: boolean) =>
    isLimit
      ? 'The query parameter "limit" must be a whole number from 1 to 100. Send a number in that range, or leave it out for 50 items per page.'
      : `The query parameter "${name}" is not valid here. Send only "after" (the cursor from links.next) and "limit" (1 to 100).`,
  apiRefused: 'This request cannot be answered as sent. Check it against the reference at /api/openapi.json.',
  apiServerErrorTitle: 'Server error',
  apiServerError: 'Something went wrong on our side. Try again in a moment.',

  apiOpListStatements: 'Published statements, newest first',
  apiOpGetStatement: 'One published statement',
  apiOpListRecommendations: 'A statement’s recommendations in order, each with its current status',
  apiOpGetRecommendation: 'One recommendation with its current status',
  apiOpListOrganizations: 'Organizations of the registry, by slug',
  apiOpGetOrganization: 'One organization',
  apiOpListReleases: 'Published press releases, newest first',
  apiOpGetRelease: 'One published press release',
  apiOpListFollowupEntries:
    'Published follow-up entries (responses, status updates, meetings, commitments), newest first',
  apiOpGetFollowupEntry: 'One published follow-up entry',

  apiReferenceTitle: 'Open data: API and downloads',
  apiReferenceIntro:
    'Everything published on this site can be read by programs: a read-only JSON API, and the recommendations with their status and follow-up as spreadsheets. Only published material is included, the same as on these pages.',
  apiReferenceDocument: 'The API described as OpenAPI 3.1 (JSON)',
  apiReferenceConventions: 'How it works',
  apiReferenceConventionsList: [
    'Texts come in each language they exist in, marked as the original or a translation.',
    'Lists are paged: follow links.next until it is null. The cursor is opaque; the limit parameter sets 1 to 100 items per page (50 by default).',
    'Answers carry an ETag: send it back in If-None-Match and an unchanged answer is a short 304.',
    'Any website may read the API from a browser (CORS, GET only). Each address may send a limited number of requests per minute; past it the answer is 429 with Retry-After.',
  ].join('\n'),
  apiReferenceEndpoints: 'Endpoints',
  apiReferenceParameters: 'Parameters',
  apiReferenceParameter: 'Parameter',
  apiReferenceIn: 'In',
  apiReferenceRequired: 'Required',
  apiReferenceYes: 'yes',
  apiReferenceNo: 'no',
  apiReferenceType: 'Type',
  apiReferenceFields: 'Fields of each item',
  apiReferenceField: 'Field',
  apiReferenceInPath: 'address',
  apiReferenceInQuery: 'query',
  apiReferenceDownloads: 'Spreadsheets of recommendations',
  apiReferenceDownloadsIntro:
    'Every published recommendation with its current status and its follow-up history (government responses and status updates), one row per entry. The columns are documented in docs/data-columns.md and are the same the bulk import reads.',
  apiReferenceCsv: 'All recommendations (CSV)',
  apiReferenceXlsx: 'All recommendations (Excel)',

  exportStatementLinks: 'Download these recommendations',
  exportCsv: 'CSV',
  exportXlsx: 'Excel (XLSX)',
  exportSheetName: 'Recommendations',
};
