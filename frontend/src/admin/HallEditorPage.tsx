import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ProblemMessage } from '../shared/ui/ProblemMessage';
import { adminApi } from './adminApi';
import { SeatPreview } from './SeatPreview';
import {
  appendRows,
  emptyTemplateForm,
  GRADES,
  MAX_SEATS_PER_ROW,
  newSection,
  toForm,
  toTemplate,
  type RowForm,
  type SectionForm,
  type TemplateForm,
} from './templateModel';
import { FormProblem, useFieldErrors } from './ui';

/** Builds or edits a hall's seat template, the seat map drawn beside it as it grows. */
export default function HallEditorPage() {
  const { venueId, hallId } = useParams();
  const { t } = useTranslation('admin');
  const hall = useQuery({ queryKey: ['admin', 'hall', hallId], queryFn: () => adminApi.hall(hallId!), enabled: !!hallId });
  if (hallId && !hall.data) return hall.error ? <ProblemMessage error={hall.error} /> : <p className="muted">{t('common:loading')}</p>;
  return (
    <HallEditor
      key={hallId ?? 'new'}
      venueId={hall.data?.venueId ?? venueId!}
      hallId={hallId}
      initialName={hall.data?.name ?? ''}
      initialForm={hall.data ? toForm(hall.data.seatTemplate) : emptyTemplateForm()}
    />
  );
}

function HallEditor(props: { venueId: string; hallId: string | undefined; initialName: string; initialForm: TemplateForm }) {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const client = useQueryClient();
  // a new hall's editor is replaced by the saved hall's: the saved note travels with the navigation
  const justCreated = (useLocation().state as { created?: boolean } | null)?.created === true;
  const [name, setName] = useState(props.initialName);
  const [form, setForm] = useState(props.initialForm);
  const [bulk, setBulk] = useState({ rows: '5', seats: '20' });
  const save = useMutation({
    mutationFn: () => {
      const body = { name, seatTemplate: toTemplate(form) };
      return props.hallId ? adminApi.updateHall(props.hallId, body) : adminApi.createHall(props.venueId, body);
    },
    onSuccess: (hall) => {
      void client.invalidateQueries({ queryKey: ['admin', 'halls', props.venueId] });
      client.setQueryData(['admin', 'hall', hall.id], hall);
      if (!props.hallId) void navigate(`/admin/halls/${hall.id}`, { replace: true, state: { created: true } });
    },
  });
  const errors = useFieldErrors(save.error);
  useEffect(() => {
    if (save.isError) document.querySelector<HTMLElement>('.admin [aria-invalid="true"]')?.focus();
  }, [save.isError, save.error]);

  const setSection = (s: number, section: SectionForm) => setForm({ ...form, sections: form.sections.map((x, i) => (i === s ? section : x)) });
  const setRow = (s: number, r: number, row: RowForm) => {
    const section = form.sections[s]!;
    setSection(s, { ...section, rows: section.rows.map((x, i) => (i === r ? row : x)) });
  };
  const error = (key: string) => errors[key];
  const invalid = (key: string) => (errors[key] ? true : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <section className="stack" aria-labelledby="hall-title">
      <h1 id="hall-title">{props.hallId ? t('hall.editTitle') : t('hall.newTitle')}</h1>
      <form className="editor" onSubmit={submit} noValidate>
        <div className="stack">
          <label>
            {t('hall.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} aria-invalid={invalid('name')} required />
            {error('name') && <span className="field-error">{error('name')}</span>}
          </label>
          {error('template') && <p className="field-error">{error('template')}</p>}
          {error('sections') && <p className="field-error">{error('sections')}</p>}
          {form.sections.map((section, s) => (
            <fieldset key={s} className="section-box stack">
              <legend>{t('hall.section', { name: section.name || s + 1 })}</legend>
              <div className="row">
                <label style={{ flex: '1 1 8rem' }}>
                  {t('hall.sectionName')}
                  <input value={section.name} aria-invalid={invalid(`sections.${s}.name`)} onChange={(e) => setSection(s, { ...section, name: e.target.value })} />
                  {error(`sections.${s}.name`) && <span className="field-error">{error(`sections.${s}.name`)}</span>}
                </label>
                <label style={{ flex: '1 1 8rem' }}>
                  {t('hall.sectionGrade')}
                  <select value={section.grade} aria-invalid={invalid(`sections.${s}.grade`)} onChange={(e) => setSection(s, { ...section, grade: e.target.value })}>
                    {GRADES.map((grade) => <option key={grade} value={grade}>{grade}</option>)}
                  </select>
                  {error(`sections.${s}.grade`) && <span className="field-error">{error(`sections.${s}.grade`)}</span>}
                </label>
                <button type="button" className="secondary small" onClick={() => setForm({ ...form, sections: form.sections.filter((_, i) => i !== s) })}>
                  {t('hall.removeSection')}
                </button>
              </div>
              {error(`sections.${s}.rows`) && <p className="field-error">{error(`sections.${s}.rows`)}</p>}
              {section.rows.map((row, r) => {
                const base = `sections.${s}.rows.${r}`;
                const rowName = t('hall.rowName', { section: section.name, row: row.label || r + 1 });
                return (
                  <div key={r} className="row-line" role="group" aria-label={rowName}>
                    <label>
                      {t('hall.rowLabel')}
                      <input value={row.label} aria-invalid={invalid(`${base}.label`)} onChange={(e) => setRow(s, r, { ...row, label: e.target.value })} />
                      {error(`${base}.label`) && <span className="field-error">{error(`${base}.label`)}</span>}
                    </label>
                    <label>
                      {t('hall.seats')}
                      <input inputMode="numeric" value={row.seats} aria-invalid={invalid(`${base}.seats`)} onChange={(e) => setRow(s, r, { ...row, seats: e.target.value })} />
                      {error(`${base}.seats`) && <span className="field-error">{error(`${base}.seats`)}</span>}
                    </label>
                    <label>
                      {t('hall.rowGrade')}
                      <select value={row.grade} aria-invalid={invalid(`${base}.grade`)} onChange={(e) => setRow(s, r, { ...row, grade: e.target.value })}>
                        <option value="">{t('hall.sameAsSection', { grade: section.grade })}</option>
                        {GRADES.map((grade) => <option key={grade} value={grade}>{grade}</option>)}
                      </select>
                      {error(`${base}.grade`) && <span className="field-error">{error(`${base}.grade`)}</span>}
                    </label>
                    <button type="button" className="link-button" aria-label={t('hall.removeRow', { row: rowName })} style={{ alignSelf: 'end', minHeight: 36 }} onClick={() => setSection(s, { ...section, rows: section.rows.filter((_, i) => i !== r) })}>✕</button>
                  </div>
                );
              })}
              <button type="button" className="secondary small" style={{ alignSelf: 'start' }} onClick={() => setSection(s, appendRows(section, Number(bulk.rows) || 1, Number(bulk.seats) || 1))}>
                {t('hall.addRows', { rows: bulk.rows, seats: bulk.seats })}
              </button>
            </fieldset>
          ))}
          <div className="row">
            <label style={{ flex: '1 1 6rem' }}>{t('hall.bulkRows')}<input inputMode="numeric" value={bulk.rows} onChange={(e) => setBulk({ ...bulk, rows: e.target.value })} /></label>
            <label style={{ flex: '1 1 6rem' }}>{t('hall.bulkSeats', { max: MAX_SEATS_PER_ROW })}<input inputMode="numeric" value={bulk.seats} onChange={(e) => setBulk({ ...bulk, seats: e.target.value })} /></label>
            <button type="button" className="secondary" style={{ alignSelf: 'end' }} onClick={() => setForm({ ...form, sections: [...form.sections, newSection(form.sections.length, Number(bulk.rows) || 1, Number(bulk.seats) || 1)] })}>
              {t('hall.addSection')}
            </button>
          </div>
          <fieldset className="section-box">
            <legend>{t('hall.prices')}</legend>
            {error('prices') && <p className="field-error">{error('prices')}</p>}
            <div className="form-grid" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))' }}>
              {GRADES.map((grade) => (
                <label key={grade}>
                  {t('hall.price', { grade })}
                  <input inputMode="numeric" value={form.prices[grade]} aria-invalid={invalid(`prices.${grade}`)} onChange={(e) => setForm({ ...form, prices: { ...form.prices, [grade]: e.target.value } })} />
                  {error(`prices.${grade}`) && <span className="field-error">{error(`prices.${grade}`)}</span>}
                </label>
              ))}
            </div>
          </fieldset>
          <FormProblem error={save.error} />
          {(save.isSuccess || (justCreated && save.isIdle)) && <p className="notice-ok" role="status">{t('hall.saved')}</p>}
          <div className="row">
            <button type="submit" disabled={save.isPending}>{t('hall.save')}</button>
            <button type="button" className="secondary" onClick={() => void navigate('/admin/venues')}>{t('back')}</button>
          </div>
        </div>
        <div className="preview-wrap">
          <SeatPreview form={form} />
        </div>
      </form>
    </section>
  );
}
