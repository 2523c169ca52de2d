/**
 * SQL (for `columns`) matching rows where any of them contains `text`, in any letter case
 * (SQLite's LIKE folds ASCII case, MariaDB's _ci collations fold all), with `%` and `_` in the text
 * taken literally. `!` escapes: a backslash would need doubling in MariaDB's literals only.
 */
export function containsAny(
  columns: readonly string[],
  text: string,
): { sql: string; params: { contains: string } } {
  return {
    sql: `(${columns.map((column) => `${column} LIKE :contains ESCAPE '!'`).join(' OR ')})`,
    params: { contains: `%${text.replace(/[!%_]/g, '!$&')}%` },
  };
}
