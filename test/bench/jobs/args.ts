/** `--name=value` flags; `--flag` alone is `true`. */
export function parseArgs(argv = process.argv.slice(2)): Map<string, string> {
  const out = new Map<string, string>();
  for (const arg of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (m) out.set(m[1]!, m[2] ?? 'true');
  }
  return out;
}

export const num = (args: Map<string, string>, name: string, fallback: number): number => Number(args.get(name) ?? fallback);

export const optionalNum = (args: Map<string, string>, name: string): number | undefined =>
  args.has(name) ? Number(args.get(name)) : undefined;
