import { z } from 'zod';
import { contractViolation } from './match-route.js';
import { CSV, json, jsonOrFile } from './route.js';

describe('a route answering JSON or, asked by a query parameter, a file', () => {
  const schema = z.strictObject({ records: z.array(z.strictObject({ id: z.string() })) });
  const contract = jsonOrFile(schema, CSV);

  it('decodes the JSON form with its schema', () => {
    expect(contractViolation(contract, 200, { records: [{ id: 'a' }] }, 'application/json; charset=utf-8')).toBeNull();
    expect(contractViolation(contract, 200, { records: [{ id: 1 }] }, 'application/json; charset=utf-8')).toMatch(/records/);
  });

  it('accepts the file form of its declared type only', () => {
    expect(contractViolation(contract, 200, 'id\r\na\r\n', 'text/csv; charset=utf-8')).toBeNull();
    expect(contractViolation(contract, 200, 'a', 'text/plain')).toMatch(/expected JSON/);
  });

  it('a JSON-only route refuses a CSV answer', () => {
    expect(contractViolation(json(schema), 200, 'id\r\na\r\n', 'text/csv; charset=utf-8')).toMatch(/expected JSON/);
  });
});
