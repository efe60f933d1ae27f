import type { MessageKey } from '@/lib/i18n';
import { useT } from '../../i18n';

/** The strings of one collection's bar (templates or question sets). */
export interface ItemBarText {
  add: MessageKey;
  duplicate: MessageKey;
  remove: MessageKey;
  reset: MessageKey;
}

/**
 * New, Duplicate and Delete for the picked item; a shipped default has "Reset to default" in
 * Delete's place (enabled once it was changed). Plain buttons in tab order: keyboard first.
 */
export function ItemBar({
  text,
  isDefault,
  changed,
  full,
  max,
  onAdd,
  onDuplicate,
  onRemove,
}: {
  text: ItemBarText;
  isDefault: boolean;
  changed: boolean;
  full: boolean;
  max: number;
  onAdd(): void;
  onDuplicate(): void;
  onRemove(): void;
}) {
  const t = useT();
  return (
    <div class="row-inline">
      <button type="button" disabled={full} onClick={onAdd}>
        {t(text.add)}
      </button>
      <button type="button" disabled={full} onClick={onDuplicate}>
        {t(text.duplicate)}
      </button>
      {isDefault ? (
        <button type="button" disabled={!changed} onClick={onRemove}>
          {t(text.reset)}
        </button>
      ) : (
        <button type="button" onClick={onRemove}>
          {t(text.remove)}
        </button>
      )}
      {full && (
        <span class="muted small" role="status">
          {t('libraryFull', { max })}
        </span>
      )}
    </div>
  );
}
