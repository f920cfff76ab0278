import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type CSSProperties, type ReactNode } from 'react';

/** What each rendered row must carry so the list can place and measure it. */
export interface RowProps {
  ref?: (node: Element | null) => void;
  style: CSSProperties;
  'data-index': number;
  /** A list item's place in the whole list (most of which is not drawn). */
  'aria-setsize'?: number;
  'aria-posinset'?: number;
}

/**
 * A long list in its own scroll box, only the rows in sight (and a few around) in the page:
 * TanStack Virtual measures each row (an opened row is taller) and keeps the box as tall as
 * the whole list, so the wheel, the End key and a scrollbar drag all reach the last row.
 * No list is ever cut at a count.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  keyOf,
  label,
  className,
  listClassName,
  as: List = 'ul',
  fixed = false,
  children,
}: {
  items: readonly T[];
  /** A first guess of a row's height; each row is measured once drawn. */
  rowHeight: number;
  keyOf: (item: T) => string;
  label: string;
  className: string;
  listClassName?: string;
  as?: 'ul' | 'div';
  /** Every row is exactly `rowHeight` (CSS says so): no row is measured, no layout is forced. */
  fixed?: boolean;
  children: (item: T, row: RowProps) => ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: items.length,
    getScrollElement: () => box.current,
    estimateSize: () => rowHeight,
    getItemKey: (i) => keyOf(items[i]!),
    overscan: 8,
  });
  return (
    // Focusable, so the keyboard (arrows, Page Down, End) scrolls it like any list.
    <div ref={box} className={className} tabIndex={0}>
      <List
        className={listClassName}
        aria-label={label}
        style={{ height: rows.getTotalSize(), position: 'relative' }}
      >
        {rows.getVirtualItems().map((row) =>
          children(items[row.index]!, {
            ref: fixed ? undefined : rows.measureElement,
            'data-index': row.index,
            ...(List === 'ul' ? { 'aria-setsize': items.length, 'aria-posinset': row.index + 1 } : {}),
            style: {
              position: 'absolute',
              top: 0,
              left: 0,
              right: 0,
              transform: `translateY(${row.start}px)`,
            },
          }),
        )}
      </List>
    </div>
  );
}
