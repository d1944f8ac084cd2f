import { describe, expect, it } from 'vitest';
import {
  appendRows,
  errorsByFormKey,
  formKeyOf,
  newSection,
  seatCounts,
  toForm,
  toTemplate,
  type SeatTemplate,
  type TemplateForm,
} from './templateModel';

const template: SeatTemplate = {
  sections: [
    { name: 'A', grade: 'VIP', rows: [{ label: '1', seats: 10, grade: null }, { label: '2', seats: 12, grade: 'R' }] },
    { name: 'B', grade: 'S', rows: [{ label: '1', seats: 30, grade: null }] },
  ],
  prices: { VIP: 150000, R: 120000, S: 90000 },
};

describe('template ↔ form model', () => {
  it('round-trips a template through the form unchanged', () => {
    expect(toTemplate(toForm(template))).toEqual(template);
  });

  it('keeps typed text in the form and an empty row grade for "the section\'s"', () => {
    const form = toForm(template);
    expect(form.sections[0]!.rows[0]).toEqual({ label: '1', seats: '10', grade: '' });
    expect(form.sections[0]!.rows[1]!.grade).toBe('R');
    expect(form.prices).toEqual({ VIP: '150000', R: '120000', S: '90000', A: '', B: '' });
  });

  it('sends what is not a whole number as NaN (null on the wire) so that the server names that field', () => {
    const form = toForm(template);
    form.sections[1]!.rows[0]!.seats = '3.5';
    form.prices.S = 'abc';
    const sent = JSON.parse(JSON.stringify(toTemplate(form))) as SeatTemplate;
    expect(sent.sections[1]!.rows[0]!.seats).toBeNull();
    expect(sent.prices.S).toBeNull();
  });

  it('sends a price for every grade in use, even an empty one, and none for unused empty grades', () => {
    const form: TemplateForm = { sections: [newSection(0, 1, 5, 'A')], prices: { VIP: '', R: '', S: '', A: '', B: '' } };
    expect(Object.keys(toTemplate(form).prices)).toEqual(['A']);
  });
});

describe('seat counts', () => {
  it('counts per section and per grade, a row override counting for its own grade', () => {
    expect(seatCounts(toForm(template))).toEqual({ total: 52, perSection: [22, 30], perGrade: { VIP: 10, R: 12, S: 30 } });
  });

  it('counts a row whose seat count is not a positive whole number as empty', () => {
    const form = toForm(template);
    form.sections[0]!.rows[0]!.seats = 'x';
    form.sections[1]!.rows[0]!.seats = '-4';
    expect(seatCounts(form).total).toBe(12);
  });

  it('numbers added rows on from the last numeric label', () => {
    const section = appendRows(newSection(1, 3, 20), 2, 8);
    expect(section.name).toBe('B');
    expect(section.rows.map((row) => [row.label, row.seats])).toEqual([['1', '20'], ['2', '20'], ['3', '20'], ['4', '8'], ['5', '8']]);
  });
});

describe('server field errors in place', () => {
  it.each([
    ['seatTemplate.sections[1].rows[0].seats', 'sections.1.rows.0.seats'],
    ['seatTemplate.sections[0].name', 'sections.0.name'],
    ['seatTemplate.sections', 'sections'],
    ['seatTemplate.prices.VIP', 'prices.VIP'],
    ['seatTemplate', 'template'],
    ['name', 'name'],
  ])('%s → %s', (server, key) => {
    expect(formKeyOf(server)).toBe(key);
  });

  it('puts two errors of one field together, in the words given', () => {
    const errors = errorsByFormKey(
      [
        { field: 'seatTemplate.sections[0].rows[1].label', code: 'Duplicate', message: 'dup' },
        { field: 'seatTemplate.sections[0].rows[1].label', code: 'Size', message: 'long' },
        { field: 'seatTemplate.prices.R', code: 'MissingPrice', message: 'missing' },
      ],
      (error) => error.code,
    );
    expect(errors).toEqual({ 'sections.0.rows.1.label': 'Duplicate Size', 'prices.R': 'MissingPrice' });
  });
});
