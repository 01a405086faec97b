/**
 * The API's browsable reference, rendered on the server from the OpenAPI document itself, so the page
 * and /api/openapi.json cannot disagree. No script (the CSP allows none inline, and public pages carry
 * none): each endpoint is a section with its parameters and the fields of what it answers.
 */
import type { PageContext } from '../../platform/web/page-context.js';
import { Section, TitledPage } from '../../ui/layout.js';
import { type JsonSchema, OPERATION_SUMMARIES, type OpenApiDocument } from './routes.js';

function typeName(schema: JsonSchema | undefined): string {
  if (!schema) return '';
  if (schema.anyOf) return schema.anyOf.map(typeName).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.type === 'array') return `${typeName(schema.items)}[]`;
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? '');
  return schema.format ? `${type} (${schema.format})` : type;
}

/** The fields of an item, nested objects flattened with dots (`links.html.en`), one level of arrays deep. */
function fieldsOf(schema: JsonSchema | undefined, prefix = ''): { name: string; type: string; description: string }[] {
  if (!schema?.properties) return [];
  return Object.entries(schema.properties).flatMap(([name, field]) => {
    const path = `${prefix}${name}`;
    const object = field.anyOf?.find((s) => s.properties) ?? (field.properties ? field : undefined);
    const arrayOfObjects = field.type === 'array' && field.items?.properties ? field.items : undefined;
    const row = {
      name: path,
      type: object ? (field.anyOf ? 'object | null' : 'object') : typeName(field),
      description: field.description ?? object?.description ?? '',
    };
    if (arrayOfObjects) return [{ ...row, type: 'object[]' }, ...fieldsOf(arrayOfObjects, `${path}[].`)];
    return object ? [row, ...fieldsOf(object, `${path}.`)] : [row];
  });
}

/** The item schema of an operation's 200 answer: a list's `data[]` items, or the item itself. */
function itemSchema(operation: OpenApiDocument['paths'][string][string]): JsonSchema | undefined {
  const schema = operation.responses['200']?.content?.['application/json']?.schema;
  const data = schema?.properties?.data;
  return data?.type === 'array' ? data.items : schema;
}

export function ApiReferencePage(props: { ctx: PageContext; document: OpenApiDocument }): JSX.Element {
  const { ctx, document } = props;
  const { t, locale } = ctx;
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
  return (
    <TitledPage ctx={ctx} title={t.apiReferenceTitle} description={t.apiReferenceIntro}>
      <p class="lede" safe>
        {t.apiReferenceIntro}
      </p>
      <p>
        <a href="/api/openapi.json" safe>
          {t.apiReferenceDocument}
        </a>
      </p>
      <Section id="api-conventions" title={t.apiReferenceConventions}>
        <ul>
          {t.apiReferenceConventionsList.split('\n').map((line) => (
            <li safe>{line}</li>
          ))}
        </ul>
      </Section>
      <Section id="api-downloads" title={t.apiReferenceDownloads}>
        <p safe>{t.apiReferenceDownloadsIntro}</p>
        <ul>
          <li>
            <a href={`/${locale}/recommendations.csv`} safe>
              {t.apiReferenceCsv}
            </a>
          </li>
          <li>
            <a href={`/${locale}/recommendations.xlsx`} safe>
              {t.apiReferenceXlsx}
            </a>
          </li>
        </ul>
      </Section>
      <Section id="api-endpoints" title={t.apiReferenceEndpoints}>
        {operations.map(({ path, method, operation }, i) => {
          const id = operation.operationId ?? `operation-${i}`;
          const summaryKey = OPERATION_SUMMARIES[id as keyof typeof OPERATION_SUMMARIES];
          const parameters = operation.parameters ?? [];
          const fields = fieldsOf(itemSchema(operation));
          const address = `${method.toUpperCase()} ${path}`;
          return (
            <section class="card api-endpoint" aria-labelledby={`op-${id}`}>
              <h3 id={`op-${id}`}>
                <code safe>{address}</code>
              </h3>
              <p safe>{summaryKey ? t[summaryKey] : id}</p>
              {parameters.length > 0 ? (
                <section class="table-scroll" aria-label={`${t.apiReferenceParameters}: ${address}`} tabindex="0">
                  <table>
                    <caption safe>{t.apiReferenceParameters}</caption>
                    <thead>
                      <tr>
                        <th scope="col" safe>
                          {t.apiReferenceParameter}
                        </th>
                        <th scope="col" safe>
                          {t.apiReferenceIn}
                        </th>
                        <th scope="col" safe>
                          {t.apiReferenceType}
                        </th>
                        <th scope="col" safe>
                          {t.apiReferenceRequired}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {parameters.map((p) => (
                        <tr>
                          <th scope="row">
                            <code safe>{p.name}</code>
                          </th>
                          <td safe>{p.in === 'path' ? t.apiReferenceInPath : t.apiReferenceInQuery}</td>
                          <td safe>{typeName(p.schema)}</td>
                          <td safe>{p.required ? t.apiReferenceYes : t.apiReferenceNo}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              ) : (
                ''
              )}
              {fields.length > 0 ? (
                <details>
                  <summary safe>{t.apiReferenceFields}</summary>
                  <section class="table-scroll" aria-label={`${t.apiReferenceFields}: ${address}`} tabindex="0">
                    <table>
                      <thead>
                        <tr>
                          <th scope="col" safe>
                            {t.apiReferenceField}
                          </th>
                          <th scope="col" safe>
                            {t.apiReferenceType}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {fields.map((f) => (
                          <tr>
                            <th scope="row">
                              <code safe>{f.name}</code>
                            </th>
                            <td safe>{f.type}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </section>
                </details>
              ) : (
                ''
              )}
            </section>
          );
        })}
      </Section>
    </TitledPage>
  );
}
