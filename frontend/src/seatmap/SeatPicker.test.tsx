import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../shared/i18n';
import { buildGeometry } from './layout';
import { SeatPicker } from './SeatPicker';
import { SeatStatusStore } from './seatStatus';
import { generatedLayout } from './testLayout';

const geometry = buildGeometry(generatedLayout(2, 4, 6));
const index = (id: string) => geometry.indexOf.get(id)!;

function renderPicker(selection: number[] = [], store = new SeatStatusStore(geometry)) {
  const onAdd = vi.fn();
  const onRemove = vi.fn();
  render(<SeatPicker geometry={geometry} store={store} version={0} selection={selection} own={new Set()} onAdd={onAdd} onRemove={onRemove} />);
  return { onAdd, onRemove };
}

describe('SeatPicker', () => {
  beforeAll(() => i18n.changeLanguage('en'));
  afterAll(() => i18n.changeLanguage('ko'));

  it('picks the best adjacent seats of the chosen grade with the keyboard', async () => {
    const user = userEvent.setup();
    const { onAdd } = renderPicker();
    await user.selectOptions(screen.getByLabelText('Grade'), screen.getByRole('option', { name: /^R ·/ }));
    await user.selectOptions(screen.getByLabelText('Seats'), '3');
    await user.click(screen.getByRole('button', { name: 'Pick for me' }));
    expect(onAdd).toHaveBeenCalledWith([index('A-3-2'), index('A-3-3'), index('A-3-4')]);
  });

  it('counts free seats per grade and lists only free seats of a row', async () => {
    const store = new SeatStatusStore(geometry);
    store.applySnapshot({ eventId: 'event-1', held: ['A-1-1'], sold: ['A-1-2', 'B-4-6'] });
    const user = userEvent.setup();
    const { onAdd } = renderPicker([], store);
    expect(screen.getByRole('option', { name: /^VIP · .* · 22 left/ })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: /^R · .* · 23 left/ })).toBeInTheDocument();
    const seatSelect = screen.getByLabelText('Seat');
    expect(within(seatSelect).getAllByRole('option').map((option) => option.textContent)).toEqual(['3', '4', '5', '6']);
    await user.selectOptions(seatSelect, '5');
    await user.click(screen.getByRole('button', { name: 'Add this seat' }));
    expect(onAdd).toHaveBeenCalledWith([index('A-1-5')]);
  });

  it('lists the picked seats with total and a way to remove each, and stops adding at four', async () => {
    const user = userEvent.setup();
    const picked = ['A-1-1', 'A-1-2', 'B-4-1', 'B-4-2'].map(index);
    const { onRemove } = renderPicker(picked);
    expect(screen.getByRole('heading', { name: 'Your seats (4/4)' })).toBeInTheDocument();
    expect(screen.getByText(/Total/)).toHaveTextContent('₩520,000');
    expect(screen.getByRole('button', { name: 'Pick for me' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Remove Section B, row 4, seat 2' }));
    expect(onRemove).toHaveBeenCalledWith(index('B-4-2'));
  });
});
