import { z } from 'zod';
import { deadlinesInputSchema, deadlinesOutputSchema } from '../src/domain/deadlines/schema.ts';
import { ReimbursementInputSchema, ReimbursementOutputSchema } from '../src/domain/reimbursement/schema.ts';
import { diagnosisSchema, triageRequestSchema } from '../src/domain/triage/schema.ts';

const SCHEMAS: Record<string, { schema: z.ZodType; io: 'input' | 'output' }> = {
  'deadlines-input.schema.json': { schema: deadlinesInputSchema, io: 'input' },
  'deadlines-output.schema.json': { schema: deadlinesOutputSchema, io: 'output' },
  'reimbursement-input.schema.json': { schema: ReimbursementInputSchema, io: 'input' },
  'reimbursement-output.schema.json': { schema: ReimbursementOutputSchema, io: 'output' },
  'triage-request.schema.json': { schema: triageRequestSchema, io: 'input' },
  'triage-diagnosis.schema.json': { schema: diagnosisSchema, io: 'output' },
};

/** File name → JSON Schema text, generated from the zod schemas. */
export function schemaDocuments(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(SCHEMAS).map(([name, { schema, io }]) => [
      name,
      `${JSON.stringify(z.toJSONSchema(schema, { io, unrepresentable: 'any' }), null, 2)}\n`,
    ]),
  );
}
