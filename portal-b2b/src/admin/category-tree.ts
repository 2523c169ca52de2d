import type { AdminCategoryNodeFragment } from '@marketgate/graphql-client';

export interface CategoryRow {
  category: AdminCategoryNodeFragment;
  depth: number;
  /** Names from the top down to this one, e.g. "Office / Paper". */
  trail: string;
}

/** The categories in tree order (each parent followed by its children, by position then name). */
export function categoryRows(categories: readonly AdminCategoryNodeFragment[]): CategoryRow[] {
  const children = new Map<string | null, AdminCategoryNodeFragment[]>();
  for (const category of categories) {
    const siblings = children.get(category.parentId ?? null) ?? [];
    siblings.push(category);
    children.set(category.parentId ?? null, siblings);
  }
  const rows: CategoryRow[] = [];
  const visit = (parentId: string | null, depth: number, trail: string): void => {
    const siblings = [...(children.get(parentId) ?? [])].sort(
      (a, b) => a.position - b.position || a.name.localeCompare(b.name),
    );
    for (const category of siblings) {
      const path = trail ? `${trail} / ${category.name}` : category.name;
      rows.push({ category, depth, trail: path });
      visit(category.id, depth + 1, path);
    }
  };
  visit(null, 0, '');
  return rows;
}

/** The ids of a category and everything below it: places it cannot move under. */
export function subtreeOf(rows: readonly CategoryRow[], id: string): Set<string> {
  const ids = new Set<string>([id]);
  for (const row of rows) {
    if (row.category.parentId && ids.has(row.category.parentId)) ids.add(row.category.id);
  }
  return ids;
}

/** A slug for a name typed in Latin letters ('' when nothing is left, e.g. Chinese only). */
export function slugFrom(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
