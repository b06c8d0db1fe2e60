/** Why nothing was imported: said plainly, with where in the file when that is known. */
export class ImportFailure extends Error {
  override name = 'ImportFailure';
}
