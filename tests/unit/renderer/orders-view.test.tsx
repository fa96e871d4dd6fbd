import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../electron/shared/domain.ts';
import { OrdersView } from '../../../renderer/src/features/orders/orders-view.tsx';
import { createFakeStation, sampleOrder } from '../../support/fake-station.ts';
import { callsTo, renderWithStation } from './render-station.tsx';

describe('Orders view', () => {
  it('pages through the orders with search and status filter', async () => {
    const station = createFakeStation();
    station.data.orders = Array.from({ length: 120 }, (_, i) => sampleOrder({ orderId: `o-${i}`, invoice: `INV-${String(i).padStart(3, '0')}` }));
    await renderWithStation(<OrdersView onPreview={() => undefined} />, { station });
    expect(await screen.findByText('1–50 of 120')).toBeTruthy();
    // Among the pager's two buttons: a role query over the page's 150 row buttons is most of a test's time in jsdom.
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Pages' })).getByRole('button', { name: 'Next ›' }));
    expect(await screen.findByText('51–100 of 120')).toBeTruthy();
    expect(screen.getByText('INV-050')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'INV-11' } });
    expect(await screen.findByText('1–10 of 10')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'SENT' } });
    await waitFor(() => expect(callsTo(station, 'listOrders')).toContainEqual({ offset: 0, limit: 50, q: 'INV-11', status: 'SENT' }));
    expect(await screen.findByText('No matching orders.')).toBeTruthy();
  });

  it('shows one order’s details, its address lines and HTML as text', async () => {
    const station = createFakeStation();
    station.data.orders = [sampleOrder({ adminNote: '<script>alert(1)</script>' })];
    await renderWithStation(<OrdersView onPreview={() => undefined} />, { station });
    fireEvent.click(await screen.findByRole('button', { name: 'INV/2022/09/0001' }));
    const panel = await screen.findByRole('complementary', { name: 'Order details' });
    await within(panel).findByText('Kaos Polos');
    expect(within(panel).getByText('<script>alert(1)</script>')).toBeTruthy();
    expect(panel.querySelector('script')).toBeNull();
    expect(within(panel).getByText(/Jl\. Melati No\. 5/).textContent).toContain('RT 01/02');
    expect(callsTo(station, 'getOrderDetails')).toEqual([{ id: 'o-1' }]);
  });

  it('hands an order to the preview', async () => {
    const seen: Order[] = [];
    await renderWithStation(<OrdersView onPreview={(o) => seen.push(o)} />);
    const [first] = await screen.findAllByRole('button', { name: 'Preview' });
    fireEvent.click(first as HTMLElement);
    expect(seen.map((o) => o.invoice)).toEqual(['INV/2022/09/0001']);
  });
});
