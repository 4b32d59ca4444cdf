import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  apiErrorEnvelopeSchema,
  checkoutSessionSchema,
  FAILURE_REASONS,
  REFUND_REASONS,
  REFUND_STATUSES,
  refundSchema,
  SESSION_STATUSES,
} from '../../src/core/schema';
import { errorFixtures, mixedCurrencyRefunds, sessionFixtures } from '../../src/testing/fixtures';

// The API description in the repo (api/openapi.yaml and the example bodies in api/fixtures)
// against the kit's zod schemas and the copies the package ships: drift in either fails here.

const API_DIR = join(process.cwd(), 'api');
const FIXTURES_DIR = join(API_DIR, 'fixtures');

interface OpenApiSchema {
  type?: string | string[];
  required?: string[];
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  examples?: unknown[];
  $ref?: string;
}
interface OpenApiExample {
  value?: unknown;
  externalValue?: string;
}
interface OpenApiMedia {
  schema: OpenApiSchema;
  examples?: Record<string, OpenApiExample>;
}
interface OpenApiDocument {
  paths: Record<string, { get: { responses: Record<string, { $ref?: string; content?: Record<string, OpenApiMedia> }> } }>;
  components: {
    schemas: Record<string, OpenApiSchema>;
    responses: Record<string, { content: Record<string, OpenApiMedia> }>;
  };
}

const doc = parse(readFileSync(join(API_DIR, 'openapi.yaml'), 'utf8')) as OpenApiDocument;
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;

function resolve(schema: OpenApiSchema): OpenApiSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = doc.components.schemas[name];
  if (!target) throw new Error(`Unresolved $ref ${schema.$ref}`);
  return resolve(target);
}

/** The body of an Example Object: inline, or a file beside openapi.yaml. */
function exampleBody(example: OpenApiExample): unknown {
  if (example.externalValue !== undefined) return readJson(join(API_DIR, example.externalValue));
  return example.value;
}

const schemaFor: Record<string, z.ZodType> = {
  CheckoutSession: checkoutSessionSchema,
  ApiError: apiErrorEnvelopeSchema,
};

/** Every media example under the endpoint's responses, with the name of the schema it is for. */
function responseExamples(): { where: string; schemaName: string; example: OpenApiExample }[] {
  const found: { where: string; schemaName: string; example: OpenApiExample }[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [status, response] of Object.entries(item.get.responses)) {
      const resolved = response.$ref
        ? doc.components.responses[response.$ref.replace('#/components/responses/', '')]
        : response;
      for (const media of Object.values(resolved?.content ?? {})) {
        const schemaName = media.schema.$ref?.replace('#/components/schemas/', '') ?? '(inline)';
        for (const [name, example] of Object.entries(media.examples ?? {})) {
          found.push({ where: `${path} ${status} ${name}`, schemaName, example });
        }
      }
    }
  }
  return found;
}

describe('api/openapi.yaml and the kit agree', () => {
  it('has examples, each parsed by the zod schema of its response, unchanged', () => {
    const examples = responseExamples();
    expect(examples.filter((e) => e.schemaName === 'CheckoutSession').length).toBeGreaterThanOrEqual(9);
    expect(examples.filter((e) => e.schemaName === 'ApiError').length).toBeGreaterThanOrEqual(5);
    for (const { where, schemaName, example } of examples) {
      const schema = schemaFor[schemaName];
      expect(schema, `no zod schema for ${schemaName} (${where})`).toBeDefined();
      const body = exampleBody(example);
      const result = schema!.safeParse(body);
      expect(result.success, `${where}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
      // Read as sent: the lenient envelope reading must not have dropped a field either.
      expect(result.data, where).toEqual(body);
    }
  });

  it('refers to every body in api/fixtures, and each parses (the refunds list as refunds)', () => {
    const referenced = new Set(responseExamples().map(({ example }) => example.externalValue?.replace('fixtures/', '')));
    for (const file of readdirSync(FIXTURES_DIR).filter((name) => name.endsWith('.json'))) {
      const body = readJson(join(FIXTURES_DIR, file));
      if (file.startsWith('refunds.')) {
        expect(z.array(refundSchema).parse(body), file).toEqual(body);
      } else {
        expect(referenced.has(file), `${file} is not an example in openapi.yaml`).toBe(true);
      }
    }
  });

  it.each([
    ['CheckoutSession', checkoutSessionSchema],
    ['Refund', refundSchema],
  ] as const)('names the same fields as the zod schema of %s, required and nullable alike', (name, schema) => {
    const openApi = resolve(doc.components.schemas[name]!);
    const shape = schema.shape as Record<string, z.ZodType>;
    expect(Object.keys(shape).sort()).toEqual(Object.keys(openApi.properties ?? {}).sort());
    for (const [field, property] of Object.entries(openApi.properties ?? {})) {
      const zodField = shape[field]!;
      const resolved = resolve(property);
      const types = [resolved.type ?? []].flat();
      expect(zodField.safeParse(undefined).success, `${name}.${field} optional`).toBe(!openApi.required?.includes(field));
      expect(zodField.safeParse(null).success, `${name}.${field} nullable`).toBe(types.includes('null'));
      if (types.includes('string')) expect(zodField.safeParse('2024-01-15T11:00:00.000Z').success, `${name}.${field}`).toBe(true);
      if (types.includes('number')) expect(zodField.safeParse(45.01).success, `${name}.${field}`).toBe(true);
      if (types.includes('array')) expect(zodField.safeParse([]).success, `${name}.${field}`).toBe(true);
      // Field-level examples parse too.
      for (const example of resolved.examples ?? []) {
        expect(zodField.safeParse(example).success, `${name}.${field} example ${String(example)}`).toBe(true);
      }
    }
  });

  it('names the same error-envelope fields as the envelope reading', () => {
    const openApi = doc.components.schemas.ApiError!;
    expect(Object.keys(apiErrorEnvelopeSchema.shape).sort()).toEqual(Object.keys(openApi.properties ?? {}).sort());
  });

  it('lists the same known statuses, refund statuses, reasons and failure codes as the kit', () => {
    const { schemas } = doc.components;
    const examplesOf = (schema: OpenApiSchema | undefined) => [...(resolve(schema ?? {}).examples ?? [])].sort();
    const sorted = (values: readonly string[]) => [...values].sort();
    expect(examplesOf(schemas.SessionStatus)).toEqual(sorted(SESSION_STATUSES));
    expect(examplesOf(schemas.CheckoutSession!.properties!.status)).toEqual(sorted(SESSION_STATUSES));
    expect(examplesOf(schemas.CheckoutSession!.properties!.failureReason)).toEqual(sorted(FAILURE_REASONS));
    expect(examplesOf(schemas.Refund!.properties!.status)).toEqual(sorted(REFUND_STATUSES));
    expect(examplesOf(schemas.Refund!.properties!.failureReason)).toEqual(sorted(FAILURE_REASONS));
    expect(examplesOf(schemas.Refund!.properties!.reason)).toEqual(sorted(REFUND_REASONS));
  });
});

describe('the copies the package ships (src/testing/fixtures.ts) equal api/fixtures', () => {
  const sessionFiles: Record<keyof typeof sessionFixtures, string> = {
    referenceExample: 'session.reference-example.json',
    pending: 'session.pending.json',
    minimal: 'session.minimal.json',
    succeeded: 'session.succeeded.json',
    failedExpired: 'session.failed-expired.json',
    partiallyRefunded: 'session.partially-refunded.json',
    refunded: 'session.refunded.json',
    reversed: 'session.reversed.json',
    unknownStatus: 'session.unknown-status.json',
  };

  it.each(Object.entries(sessionFiles))('sessionFixtures.%s is %s', (key, file) => {
    expect(sessionFixtures[key as keyof typeof sessionFixtures]).toEqual(readJson(join(FIXTURES_DIR, file)));
  });

  it('mixedCurrencyRefunds is refunds.mixed-currencies.json', () => {
    expect(mixedCurrencyRefunds).toEqual(readJson(join(FIXTURES_DIR, 'refunds.mixed-currencies.json')));
  });

  it.each([401, 404, 500, 502, 504] as const)('errorFixtures[%i] is error.%i.json', (status) => {
    expect(errorFixtures[status]).toEqual(readJson(join(FIXTURES_DIR, `error.${status}.json`)));
  });

  it('has a copy of every session body in api/fixtures', () => {
    const files = readdirSync(FIXTURES_DIR).filter((name) => name.startsWith('session.'));
    expect(files.sort()).toEqual(Object.values(sessionFiles).sort());
  });
});
