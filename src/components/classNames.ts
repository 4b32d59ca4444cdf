/** The component's stable class, then the caller's. */
export function withClassName(base: string, className: string | undefined): string {
  return className ? `${base} ${className}` : base;
}
