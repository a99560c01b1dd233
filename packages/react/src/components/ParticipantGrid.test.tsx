import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SmaRTCProvider } from '../provider.js';
import { peer, quality, ScriptedCall, stats } from '../testkit/scriptedCall.testkit.js';
import { type GridTile, gridColumns, ParticipantGrid } from './ParticipantGrid.js';

const names = () =>
  [...document.querySelectorAll<HTMLElement>('[data-smartc-tile]')].map((tile) => tile.dataset.username);
const columns = () => Number(document.querySelector<HTMLElement>('.smartc-grid')?.dataset.columns);

describe('ParticipantGrid', () => {
  it('shows your tile first, then everyone in join order, with columns following the count', () => {
    const call = new ScriptedCall('alice');
    call.joined([]);
    const view = render(
      <SmaRTCProvider call={call}>
        <ParticipantGrid />
      </SmaRTCProvider>,
    );
    expect(names()).toEqual(['alice']);
    expect(columns()).toBe(1);
    act(() => call.dispatch({ type: 'peer-joined', peer: peer('p-bob', 'bob') }));
    expect(names()).toEqual(['alice', 'bob']);
    expect(columns()).toBe(2);
    for (const name of ['carol', 'dave', 'erin'])
      act(() => call.dispatch({ type: 'peer-joined', peer: peer(`p-${name}`, name) }));
    expect(names()).toEqual(['alice', 'bob', 'carol', 'dave', 'erin']);
    expect(columns()).toBe(3);
    act(() => call.dispatch({ type: 'peer-left', peerId: 'p-carol' }));
    expect(names()).toEqual(['alice', 'bob', 'dave', 'erin']);
    expect(columns()).toBe(2);
    view.unmount();
    expect(call.listenerCount).toBe(0); // the grid and every tile unsubscribed
  });

  it('lays itself out without the default stylesheet', () => {
    const call = new ScriptedCall('alice');
    call.joined([peer('p-bob', 'bob')]);
    render(<ParticipantGrid call={call} gap={10} minTileWidth={200} />);
    const grid = document.querySelector<HTMLElement>('.smartc-grid') as HTMLElement;
    expect(grid.style.display).toBe('grid');
    expect(grid.style.gridTemplateColumns).toContain('200px');
    expect(grid.style.gridTemplateColumns).toContain('/ 2');
  });

  it('renders its cells again only when someone joins or leaves', () => {
    const call = new ScriptedCall('alice');
    call.joined([peer('p-bob', 'bob')]);
    const rendered: GridTile[] = [];
    render(
      <ParticipantGrid
        call={call}
        includeSelf={false}
        renderTile={(tile) => {
          rendered.push(tile);
          return <span>{tile.peerId}</span>;
        }}
      />,
    );
    expect(rendered).toEqual([{ peerId: 'p-bob' }]);
    act(() => call.dispatch({ type: 'stats', peerId: 'p-bob', stats: stats(30), quality: quality('good') }));
    act(() =>
      call.dispatch({
        type: 'media-state',
        peerId: 'p-bob',
        media: { audio: false, video: true, screen: false },
      }),
    );
    expect(rendered).toHaveLength(1);
    act(() => call.dispatch({ type: 'peer-joined', peer: peer('p-carol', 'carol') }));
    expect(rendered.slice(1)).toEqual([{ peerId: 'p-bob' }, { peerId: 'p-carol' }]);
  });
});

describe('gridColumns', () => {
  it('is the side of the smallest square holding the tiles, capped', () => {
    expect([0, 1, 2, 3, 4, 5, 9, 10, 16, 30].map((n) => gridColumns(n))).toEqual([
      1, 1, 2, 2, 2, 3, 3, 4, 4, 4,
    ]);
    expect(gridColumns(30, 6)).toBe(6);
  });
});
