/** A validation message next to the field it belongs to. */
export function FieldError({ messages }: { messages: string[] }) {
  if (!messages.length) return null;
  return (
    <span class="field-error" role="alert">
      {messages.join(' ')}
    </span>
  );
}
