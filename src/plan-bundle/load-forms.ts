import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseFormSpec, type FormSpec } from '../flow/form-spec.ts';
import { SpecError } from '../flow/spec-error.ts';

/**
 * The shared forms of `flows/_forms/*.yaml` (forms a plan created in chat can use).
 * @throws SpecError naming the file at fault.
 */
export function loadSharedForms(flowsDir: string, hasKey: (key: string) => boolean): FormSpec[] {
  const dir = join(flowsDir, '_forms');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      let raw: unknown;
      try {
        raw = parseYaml(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new SpecError(file, [{ path: '(root)', message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` }]);
      }
      return parseFormSpec(raw, file, hasKey);
    });
}
