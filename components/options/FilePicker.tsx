import { readFile } from './download';

/** A button-looking file input that hands over the chosen file's text (and resets itself). */
export function FilePicker({
  label,
  accept,
  onText,
}: {
  label: string;
  accept: string;
  /** The file's text and its name (no path). */
  onText(text: string, fileName: string): void;
}) {
  return (
    <label class="file">
      {label}
      <input
        type="file"
        accept={accept}
        onChange={(e) => {
          const input = e.target as HTMLInputElement;
          const name = input.files?.[0]?.name ?? '';
          void readFile(input).then((text) => text !== undefined && onText(text, name));
        }}
      />
    </label>
  );
}
