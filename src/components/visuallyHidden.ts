import type { CSSProperties } from 'react';

/**
 * Read by screen readers, not shown. Inline rather than a class, so it stays hidden even where
 * the stylesheet is not loaded.
 */
export const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
  border: 0,
};
