import { readFile } from './download';

/** A button-looking file input that hands over the chosen file's text (and resets itself). */
export function FilePicker({
  label,
  accept,
  onText,
}: {
  label: string;
  accept: string;
  onText(text: string): void;
}) {
  return (
    <label class="file">
      {label}
      <input
        type="file"
        accept={accept}
        onChange={(e) =>
          void readFile(e.target as HTMLInputElement).then((text) => text !== undefined && onText(text))
        }
      />
    </label>
  );
}
