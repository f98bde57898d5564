import { Column, ColumnOptions, ValueTransformer } from 'typeorm';

/** bigint comes back from PostgreSQL as a string; money in fen stays far below 2^53. */
const bigintAsNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | number | null) => (v === null || v === undefined ? v : Number(v)),
};

/** An integer amount of fen (分). */
export function MoneyColumn(options: Omit<ColumnOptions, 'type' | 'transformer'> = {}): PropertyDecorator {
  return Column({ ...options, type: 'bigint', transformer: bigintAsNumber });
}

/** A UTC instant, stored as the driver's timestamp type. */
export function TimeColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return Column({ ...options, type: Date });
}

/** JSON stored as text: works alike on both drivers. */
export function JsonColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return Column({ ...options, type: 'simple-json' });
}
