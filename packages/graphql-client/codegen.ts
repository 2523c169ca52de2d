import type { CodegenConfig } from '@graphql-codegen/cli';

export const schemaPath = '../../gateway/schema.graphql';
export const generatedDir = 'src/generated/';

/** One config for the `codegen` script and the test that checks the committed output. */
const config: CodegenConfig = {
  schema: schemaPath,
  documents: ['src/documents/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    [generatedDir]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        importExtension: '.js',
        onlyOperationTypes: true,
        scalars: { DateTimeISO: 'string' },
        skipTypename: false,
        useTypeImports: true,
      },
    },
  },
};

export default config;
