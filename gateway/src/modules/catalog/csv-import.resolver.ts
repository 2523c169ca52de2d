import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Role } from '../../api/auth-checker.js';
import { requireViewer, type Context } from '../../api/context.js';
import { Transaction } from '../../api/transaction.js';
import { ImportCatalogCsvInput, ImportCatalogCsvResult } from './csv-import.types.js';

@Resolver()
export class CsvImportResolver {
  @Authorized(Role.PLATFORM_ADMIN, Role.SELLER_STAFF)
  @Mutation(() => ImportCatalogCsvResult, {
    description:
      'Creates and updates products and variants from a CSV file (one row per variant); every ' +
      'row is checked first and the report lists the problems by row.',
    complexity: 1,
  })
  @Transaction()
  async importCatalogCsv(
    @Arg('input', () => ImportCatalogCsvInput) input: ImportCatalogCsvInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.csvImport.importCatalogCsv(ctx, requireViewer(ctx), input);
  }
}
