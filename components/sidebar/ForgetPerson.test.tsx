// @vitest-environment happy-dom
import { expect, test, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { renderWithApi } from '../test-utils';
import { ForgetPerson } from './ForgetPerson';

test('forgetting a person asks once, then deletes', async () => {
  const onDone = vi.fn();
  const { calls } = renderWithApi(<ForgetPerson contactId="c1" onDone={onDone} />, {
    'contacts/forget': () => ({ contacts: 1, deals: 1, activities: 2 }),
  });
  fireEvent.click(screen.getByRole('button', { name: 'Forget this person' }));
  expect(calls).toEqual([]);
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  fireEvent.click(screen.getByRole('button', { name: 'Forget this person' }));
  fireEvent.click(screen.getByRole('button', { name: 'Forget' }));
  await waitFor(() => expect(onDone).toHaveBeenCalled());
  expect(calls).toEqual([{ type: 'contacts/forget', payload: { id: 'c1' } }]);
});
