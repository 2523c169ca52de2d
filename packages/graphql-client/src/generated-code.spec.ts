import { executeCodegen } from '@graphql-codegen/cli';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import config, { generatedDir } from '../codegen.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

describe('generated GraphQL client', () => {
  it('is up to date with gateway/schema.graphql and the documents (run `pnpm codegen`)', async () => {
    const { result, error } = await executeCodegen({ ...config, cwd: packageRoot, silent: true });
    expect(error).toBeNull();

    const fresh = new Map(
      result.map((file) => [relative(packageRoot, join(packageRoot, file.filename)), file.content]),
    );
    const committedNames = await readdir(join(packageRoot, generatedDir));
    expect(committedNames.map((name) => join(generatedDir, name)).sort()).toEqual(
      [...fresh.keys()].sort(),
    );
    for (const [path, content] of fresh) {
      expect(await readFile(join(packageRoot, path), 'utf8'), path).toBe(content);
    }
  });
});
