/**
 * Route schemas compiled on first use instead of at start-up.
 *
 * Fastify compiles every route's schemas with Ajv while it gets ready, and each locale registers every
 * route again, so a server paid for some 500 compilations before answering its first request, most of
 * them for forms nobody posts that day. Here each route gets a stand-in that compiles its schema with
 * Fastify's own Ajv compiler (same options, same coercion, same errors) the first time a request needs
 * it, and then is the compiled validator. A schema Ajv refuses is still a programming error: the
 * route-table test validates a request against every route, so it fails in the test suite, not in
 * production.
 */
import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';
import { finiteKeyword } from '../forms/form-body.js';

type BuildValidator = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>['buildValidator'];

/** What Fastify reads off a compiled Ajv validator: `errors` after a failure, `schemaEnv` to pass the parent. */
interface AjvValidator {
  (data: unknown, context?: unknown): boolean;
  errors?: unknown;
  schemaEnv?: unknown;
}
type CompileRouteSchema = (route: { schema: unknown }) => AjvValidator;

/** The app's Ajv options (Fastify's `ajv` server option): Fastify's defaults plus our `finite` keyword. */
export const ajvOptions = { customOptions: {}, plugins: [finiteKeyword] };

const buildAjvValidator = AjvCompiler() as unknown as (
  externalSchemas: unknown,
  options: unknown,
) => CompileRouteSchema;

/** Fastify's default validator builder, compiling each schema the first time a request is validated against it. */
export const buildLazyValidator = ((externalSchemas: unknown, options: unknown): CompileRouteSchema => {
  const compile = buildAjvValidator(externalSchemas, options);
  return (route) => {
    let compiled: AjvValidator | undefined;
    const validate: AjvValidator = (data, context) => {
      compiled ??= compile(route);
      const valid = compiled(data, context);
      validate.errors = compiled.errors;
      return valid;
    };
    // Ajv validators carry `schemaEnv`; Fastify then passes the request as parent so that coercion
    // may replace a whole query or body. Every compiled Ajv validator has it, so the stand-in does too.
    validate.schemaEnv = true;
    return validate;
  };
}) as unknown as BuildValidator;

/** Compiles one schema at once, as Fastify would without this module: for the test that every route's schema compiles. */
export function compileSchemaNow(schema: unknown): void {
  buildAjvValidator({}, ajvOptions)({ schema });
}
