/**
 * The seat-template editor's model: the hall's `seatTemplate` as the server takes it (event-service
 * `SeatTemplate`: sections of rows, a grade per section that a row may override, a price per grade), and the
 * form's version of it, where numbers are the text typed and an empty row grade means "the section's".
 */
export const GRADES = ['VIP', 'R', 'S', 'A', 'B'] as const;
export type Grade = (typeof GRADES)[number];
export const MAX_SEATS_PER_ROW = 200;

export interface SeatTemplate {
  sections: { name: string; grade: string; rows: { label: string; seats: number; grade?: string | null }[] }[];
  prices: Record<string, number>;
}

export interface RowForm {
  label: string;
  seats: string;
  /** '' = the section's grade */
  grade: string;
}
export interface SectionForm {
  name: string;
  grade: string;
  rows: RowForm[];
}
export interface TemplateForm {
  sections: SectionForm[];
  prices: Record<Grade, string>;
}

const emptyPrices = (): Record<Grade, string> => ({ VIP: '', R: '', S: '', A: '', B: '' });

export function emptyTemplateForm(): TemplateForm {
  return { sections: [newSection(0)], prices: emptyPrices() };
}

/** A new section named after its position (A, B, …) with rows 1..rows of `seats` seats. */
export function newSection(index: number, rows = 5, seats = 20, grade: Grade = 'R'): SectionForm {
  return {
    name: String.fromCharCode(65 + (index % 26)) + (index >= 26 ? String(Math.floor(index / 26)) : ''),
    grade,
    rows: Array.from({ length: rows }, (_, i) => ({ label: String(i + 1), seats: String(seats), grade: '' })),
  };
}

/** Rows added after the last one, numbered on from the last numeric label. */
export function appendRows(section: SectionForm, count: number, seats: number): SectionForm {
  const numbers = section.rows.map((row) => Number(row.label)).filter((n) => Number.isInteger(n));
  const start = numbers.length ? Math.max(...numbers) + 1 : section.rows.length + 1;
  const added = Array.from({ length: count }, (_, i) => ({ label: String(start + i), seats: String(seats), grade: '' }));
  return { ...section, rows: [...section.rows, ...added] };
}

export function toForm(template: SeatTemplate): TemplateForm {
  const prices = emptyPrices();
  for (const grade of GRADES) if (template.prices[grade] !== undefined) prices[grade] = String(template.prices[grade]);
  return {
    sections: template.sections.map((section) => ({
      name: section.name,
      grade: section.grade,
      rows: section.rows.map((row) => ({ label: row.label, seats: String(row.seats), grade: row.grade ?? '' })),
    })),
    prices,
  };
}

/** Text that is not a whole number is sent as it is typed (NaN → null) so that the server names the field. */
const wholeNumber = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The template to send: a price for every grade some seat uses and for any other grade given one. */
export function toTemplate(form: TemplateForm): SeatTemplate {
  const used = usedGrades(form);
  const prices: Record<string, number> = {};
  for (const grade of GRADES) {
    if (used.has(grade) || form.prices[grade].trim() !== '') prices[grade] = wholeNumber(form.prices[grade]);
  }
  return {
    sections: form.sections.map((section) => ({
      name: section.name,
      grade: section.grade,
      rows: section.rows.map((row) => ({ label: row.label, seats: wholeNumber(row.seats), grade: row.grade || null })),
    })),
    prices,
  };
}

export const rowGrade = (section: SectionForm, row: RowForm): string => row.grade || section.grade;

export function usedGrades(form: TemplateForm): Set<string> {
  const used = new Set<string>();
  for (const section of form.sections) for (const row of section.rows) used.add(rowGrade(section, row));
  return used;
}

const seatsOf = (row: RowForm): number => {
  const n = wholeNumber(row.seats);
  return Number.isFinite(n) && n > 0 ? n : 0;
};

export interface SeatCounts {
  total: number;
  perSection: number[];
  perGrade: Partial<Record<string, number>>;
}

/** Seats as the form stands; rows whose count is not a positive whole number count 0. */
export function seatCounts(form: TemplateForm): SeatCounts {
  const perGrade: Partial<Record<string, number>> = {};
  const perSection = form.sections.map((section) =>
    section.rows.reduce((sum, row) => {
      const seats = seatsOf(row);
      const grade = rowGrade(section, row);
      perGrade[grade] = (perGrade[grade] ?? 0) + seats;
      return sum + seats;
    }, 0),
  );
  return { total: perSection.reduce((a, b) => a + b, 0), perSection, perGrade };
}

/**
 * The form key of a server field path: `seatTemplate.sections[1].rows[0].seats` → `sections.1.rows.0.seats`,
 * `seatTemplate.prices.VIP` → `prices.VIP`, `seatTemplate` → `template`, `name` → `name`.
 */
export function formKeyOf(serverField: string): string {
  if (serverField === 'seatTemplate') return 'template';
  const path = serverField.startsWith('seatTemplate.') ? serverField.slice('seatTemplate.'.length) : serverField;
  return path.replace(/\[(\d+)\]/g, '.$1');
}

export interface ServerFieldError {
  field: string;
  code: string;
  message: string;
}

/** Server field errors keyed by form key, each put in words by `describe`; errors under one key are joined. */
export function errorsByFormKey(
  errors: ServerFieldError[],
  describe: (error: ServerFieldError) => string = (error) => error.message,
): Record<string, string> {
  const byKey: Record<string, string> = {};
  for (const error of errors) {
    const key = formKeyOf(error.field);
    byKey[key] = byKey[key] ? `${byKey[key]} ${describe(error)}` : describe(error);
  }
  return byKey;
}
