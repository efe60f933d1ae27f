import { readFile } from './download';

/**
 * A button-looking file input that hands over the chosen file's text (and resets itself), or the
 * file itself (`onFile`) for a big file read in pieces.
 */
export function FilePicker({
  label,
  accept,
  onText,
  onFile,
}: {
  label: string;
  accept: string;
  onText?(text: string): void;
  onFile?(file: File): void;
}) {
  return (
    <label class="file">
      {label}
      <input
        type="file"
        accept={accept}
        onChange={(e) => {
          const input = e.target as HTMLInputElement;
          const file = input.files?.[0];
          if (onFile) {
            input.value = '';
            if (file) onFile(file);
            return;
          }
          void readFile(input).then((text) => text !== undefined && onText?.(text));
        }}
      />
    </label>
  );
}
