import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { seatAt, type SeatGeometry } from './layout';
import { drawSeatMap, fitView, gradeColours, repaintSeats, toLayout, zoomAt, type Palette, type View } from './renderer';
import type { SeatStatusStore } from './seatStatus';

const ZOOM_STEP = 1.5;
/** A press that moves less than this is a tap on a seat, more is a pan. */
const TAP_SLOP = 5;

interface Props {
  geometry: SeatGeometry;
  store: SeatStatusStore;
  picked: ReadonlySet<number>;
  onPick: (seat: number) => void;
  /** After stream updates were applied (at most once per frame). */
  onStatesChanged: () => void;
}

/**
 * The seat map on a canvas: stream updates queued in the store are applied and drawn once per animation
 * frame; drag to pan, wheel or pinch or the buttons to zoom, tap a seat to pick it. The canvas is an image
 * to assistive technology; the seat picker beside it offers everything it does.
 */
export function SeatCanvas({ geometry, store, picked, onPick, onStatesChanged }: Props) {
  const { t } = useTranslation('seatmap');
  const container = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = useRef<View | null>(null);
  const limits = useRef({ min: 0.1, max: 8 });
  const dirty = useRef(true);
  const latest = useRef({ picked, onPick, onStatesChanged });
  latest.current = { picked, onPick, onStatesChanged };

  useEffect(() => {
    dirty.current = true;
  }, [picked]);

  useEffect(() => {
    const element = canvas.current!;
    const box = container.current!;
    const context = element.getContext('2d');
    if (!context) return undefined;
    const style = getComputedStyle(box);
    const palette: Palette = {
      grades: gradeColours(geometry.grades, style),
      held: '#c9c9d4',
      sold: '#6f6f80',
      mine: style.getPropertyValue('--accent').trim() || '#5b2be0',
      ink: '#1b1b23',
      stage: '#3a3a48',
      background: '#ffffff',
    };
    const size = { width: 0, height: 0, pixelRatio: 1 };
    let firstDraw = true;

    const resize = () => {
      size.width = box.clientWidth;
      size.height = box.clientHeight;
      size.pixelRatio = window.devicePixelRatio || 1;
      element.width = Math.round(size.width * size.pixelRatio);
      element.height = Math.round(size.height * size.pixelRatio);
      const fit = fitView(geometry, size.width, size.height);
      limits.current = { min: fit.scale * 0.8, max: Math.max(4, fit.scale * 4) };
      view.current ??= fit;
      dirty.current = true;
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(box);

    // a frame draws everything after a pan, zoom, resize, pick or snapshot, else only the seats that changed
    let frame = requestAnimationFrame(function tick() {
      if (store.hasPending() && store.flush() > 0) latest.current.onStatesChanged();
      const repaint = store.takeRepaint();
      if (repaint === null) dirty.current = true;
      if (!dirty.current && repaint && repaint.length > 0 && view.current && !firstDraw) {
        repaintSeats(context, geometry, store.states, latest.current.picked, repaint, view.current, size.pixelRatio, palette);
      }
      if (dirty.current && view.current && size.width > 0) {
        dirty.current = false;
        drawSeatMap(context, geometry, store.states, latest.current.picked, view.current, size, palette);
        if (firstDraw) {
          firstDraw = false;
          performance.mark('seatmap:first-draw');
        }
      }
      frame = requestAnimationFrame(tick);
    });

    // pan with one pointer, pinch with two; a short press is a tap
    const pointers = new Map<number, { x: number; y: number }>();
    let moved = 0;
    const local = (event: PointerEvent | WheelEvent) => {
      const rect = element.getBoundingClientRect();
      return { x: event.clientX - rect.left, y: event.clientY - rect.top };
    };
    const down = (event: PointerEvent) => {
      element.setPointerCapture(event.pointerId);
      pointers.set(event.pointerId, local(event));
      moved = 0;
    };
    const move = (event: PointerEvent) => {
      const previous = pointers.get(event.pointerId);
      if (!previous || !view.current) return;
      const point = local(event);
      if (pointers.size === 2) {
        const other = [...pointers.entries()].find(([id]) => id !== event.pointerId)![1];
        const before = Math.hypot(previous.x - other.x, previous.y - other.y);
        const after = Math.hypot(point.x - other.x, point.y - other.y);
        if (before > 0) view.current = zoomAt(view.current, after / before, (point.x + other.x) / 2, (point.y + other.y) / 2, limits.current);
      } else {
        view.current = { ...view.current, offsetX: view.current.offsetX + point.x - previous.x, offsetY: view.current.offsetY + point.y - previous.y };
      }
      moved += Math.abs(point.x - previous.x) + Math.abs(point.y - previous.y);
      pointers.set(event.pointerId, point);
      dirty.current = true;
    };
    const up = (event: PointerEvent) => {
      const wasTap = pointers.size === 1 && moved < TAP_SLOP;
      pointers.delete(event.pointerId);
      if (!wasTap || !view.current) return;
      const { x, y } = local(event);
      const seat = seatAt(geometry, ...toLayout(view.current, x, y));
      if (seat >= 0) latest.current.onPick(seat);
    };
    const cancel = (event: PointerEvent) => pointers.delete(event.pointerId);
    const wheel = (event: WheelEvent) => {
      if (!view.current) return;
      event.preventDefault();
      const { x, y } = local(event);
      view.current = zoomAt(view.current, Math.exp(-event.deltaY / 300), x, y, limits.current);
      dirty.current = true;
    };
    element.addEventListener('pointerdown', down);
    element.addEventListener('pointermove', move);
    element.addEventListener('pointerup', up);
    element.addEventListener('pointercancel', cancel);
    element.addEventListener('wheel', wheel, { passive: false });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      element.removeEventListener('pointerdown', down);
      element.removeEventListener('pointermove', move);
      element.removeEventListener('pointerup', up);
      element.removeEventListener('pointercancel', cancel);
      element.removeEventListener('wheel', wheel);
    };
  }, [geometry, store]);

  const zoom = (factor: number | 'fit') => {
    const box = container.current;
    if (!box || !view.current) return;
    view.current =
      factor === 'fit'
        ? fitView(geometry, box.clientWidth, box.clientHeight)
        : zoomAt(view.current, factor, box.clientWidth / 2, box.clientHeight / 2, limits.current);
    dirty.current = true;
  };

  return (
    <div className="seat-canvas">
      <div ref={container} className="seat-canvas-box" style={{ aspectRatio: `${geometry.width} / ${geometry.height}` }}>
        <canvas ref={canvas} role="img" aria-label={t('canvasLabel')} data-testid="seat-canvas" />
      </div>
      <div className="seat-canvas-zoom" role="group" aria-label={t('zoom.label')}>
        <button type="button" className="secondary small" onClick={() => zoom(ZOOM_STEP)} aria-label={t('zoom.in')}>+</button>
        <button type="button" className="secondary small" onClick={() => zoom(1 / ZOOM_STEP)} aria-label={t('zoom.out')}>−</button>
        <button type="button" className="secondary small" onClick={() => zoom('fit')}>{t('zoom.fit')}</button>
      </div>
    </div>
  );
}
