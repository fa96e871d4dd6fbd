import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PreviewView } from '../../../renderer/src/features/preview/preview-view.tsx';
import { sampleOrder } from '../../support/fake-station.ts';
import { callsTo, renderWithStation } from './render-station.tsx';

describe('Preview view', () => {
  it('asks for an order when none is picked', async () => {
    const { station } = await renderWithStation(<PreviewView order={null} />);
    expect(screen.getByText(/Pick an order/)).toBeTruthy();
    expect(callsTo(station, 'previewLabel')).toEqual([]);
  });

  it('draws the order in the chosen template and dpi', async () => {
    const order = sampleOrder();
    const { station } = await renderWithStation(<PreviewView order={order} />);
    const image = await screen.findByRole('img', { name: 'Label for INV/2022/09/0001' });
    expect(image.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    fireEvent.change(screen.getByRole('combobox', { name: 'Label size' }), { target: { value: 'a6' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'DPI' }), { target: { value: '300' } });
    await waitFor(() => expect(callsTo(station, 'previewLabel')).toContainEqual({ order, template: 'a6', dpi: 300 }));
  });
});
