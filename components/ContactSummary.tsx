import type { ComponentChildren } from 'preact';

/** Name, then title and company: the lines that identify a person everywhere in the UI. */
export function ContactSummary({
  name,
  title,
  company,
  email,
  children,
}: {
  name?: string;
  title?: string;
  company?: string;
  email?: string;
  children?: ComponentChildren;
}) {
  return (
    <div class="summary">
      <strong class="name" dir="auto">
        {name || email || '—'}
      </strong>
      {(title || company) && (
        <span class="muted" dir="auto">
          {[title, company].filter(Boolean).join(' · ')}
        </span>
      )}
      {name && email && (
        <span class="muted small" dir="auto">
          {email}
        </span>
      )}
      {children}
    </div>
  );
}
