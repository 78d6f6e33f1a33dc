import type { CodegenConfig } from '@graphql-codegen/cli';

// `npm run codegen` first prints the schema to clients/schema.graphql, then
// generates typed documents for the operations in clients/operations/.
const config: CodegenConfig = {
  schema: 'clients/schema.graphql',
  documents: ['clients/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: {
    'clients/generated/': {
      preset: 'client',
      // persisted-documents.json: sha256 hash -> document, the store of trusted documents the service accepts by hash.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', JSONObject: 'Record<string, unknown>' },
        strictScalars: true,
      },
    },
  },
};

export default config;
