/** The catalog's navigation as the tenant configures it: flat by series or brand, or a group tree. Pure. */

export type NavigationMode = "series" | "brand" | "group";

export interface NavNode {
  /** Stable key to filter products by: the series, the brand, or the group path joined by " / ". */
  key: string;
  label: string;
  /** Products in this node and below. */
  count: number;
  children: NavNode[];
}

export const GROUP_SEPARATOR = " / ";

/** Builds the tree from (path, count) pairs; siblings keep Russian alphabetical order. */
export function buildNavigation(rows: readonly { path: readonly string[]; count: number }[]): NavNode[] {
  const root: NavNode = { key: "", label: "", count: 0, children: [] };
  for (const row of rows) {
    if (row.path.length === 0) continue;
    let node = root;
    const seen: string[] = [];
    for (const label of row.path) {
      seen.push(label);
      let child = node.children.find((c) => c.label === label);
      if (!child) {
        child = { key: seen.join(GROUP_SEPARATOR), label, count: 0, children: [] };
        node.children.push(child);
      }
      child.count += row.count;
      node = child;
    }
  }
  const sort = (nodes: NavNode[]) => {
    nodes.sort((a, b) => a.label.localeCompare(b.label, "ru"));
    for (const n of nodes) sort(n.children);
  };
  sort(root.children);
  return root.children;
}

/** The group path a navigation key stands for. */
export function groupPathOf(key: string): string[] {
  return key
    .split(GROUP_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
}
