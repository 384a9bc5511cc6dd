import type { Child } from 'hono/jsx';

/** A label with extra information, such as a theme or an SDG (NL Design System candidate Data Badge). */
export function DataBadge({ children }: { children?: Child }) {
  return <span class="nl-data-badge">{children}</span>;
}

/**
 * Badges as a real list, so screen readers announce how many there are. `label` names the list for assistive
 * technology when no visible heading does.
 */
export function BadgeList({ items, label }: { items: ReadonlyArray<string>; label?: string }) {
  if (items.length === 0) return null;
  return (
    <ul class="ir-badge-list" aria-label={label}>
      {items.map((text) => (
        <li>
          <DataBadge>{text}</DataBadge>
        </li>
      ))}
    </ul>
  );
}
