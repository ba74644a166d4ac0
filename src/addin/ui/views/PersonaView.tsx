import {
  Button,
  Card,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { noodLayout, personaLayout } from '../../../domain/layouts.js';
import { t } from '../../../domain/messages.js';
import type { RowInput } from '../../../domain/rows.js';
import { storedPersonas, type StoredPersona } from '../../../domain/pane/form-prefill.js';
import {
  fieldProblems,
  formFields,
  formRows,
  nextPersonaId,
  type FieldMessage,
  type FormRecord,
  type FormValue,
} from '../../../domain/pane/layout-form.js';
import { FieldInput } from '../form/FieldInput.js';
import { Stack } from '../Stack.js';
import { useWorkbook } from '../workbook-context.js';

// Persona's en noden: one form for a new persona or an existing one, generated from the layouts
// (strengths come before barriers, as the layout orders them). Checks run as the user types; a
// field shows its messages once touched, all of them after a first attempt to save.

interface NeedEntry {
  /** Sheet row of a stored need; null for one added in this form. */
  row: number | null;
  values: FormRecord;
}

interface Draft {
  stored: StoredPersona | null;
  persona: FormRecord;
  needs: NeedEntry[];
}

const NEW = '';

const useStyles = makeStyles({
  need: { padding: tokens.spacingHorizontalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

function blankDraft(ids: readonly string[]): Draft {
  return {
    stored: null,
    persona: { id: nextPersonaId(ids) },
    needs: [{ row: null, values: {} }],
  };
}

function draftOf(p: StoredPersona): Draft {
  return { stored: p, persona: { ...p.values }, needs: p.needs.map((n) => ({ ...n })) };
}

export function PersonaView() {
  const styles = useStyles();
  const { workbook, region, busy, host, act } = useWorkbook();
  const existing = useMemo(() => (workbook === null ? [] : storedPersonas(workbook)), [workbook]);
  const [draft, setDraft] = useState<Draft>(() => blankDraft(existing.map((p) => p.id)));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const personaFields = formFields(personaLayout, region);
  const needFields = formFields(noodLayout, region).filter((f) => f.field !== 'persona');

  const start = (next: Draft) => {
    setDraft(next);
    setTouched(new Set());
    setAttempted(false);
  };
  const shown = (key: string, messages: FieldMessage[]) =>
    attempted || touched.has(key) ? messages : [];
  const touch = (key: string) => setTouched((s) => new Set(s).add(key));
  const setPersona = (field: string, value: FormValue) => {
    touch(`p.${field}`);
    setDraft((d) => ({ ...d, persona: { ...d.persona, [field]: value } }));
  };
  const setNeed = (i: number, field: string, value: FormValue) => {
    touch(`n${i}.${field}`);
    setDraft((d) => ({
      ...d,
      needs: d.needs.map((n, j) =>
        j === i ? { ...n, values: { ...n.values, [field]: value } } : n,
      ),
    }));
  };
  const idTaken = (id: FormValue | undefined) =>
    existing.some((p) => p.id === String(id ?? '').trim() && p.row !== draft.stored?.row);

  const personaMessages = (field: string): FieldMessage[] => {
    const messages = fieldProblems(personaLayout, field, draft.persona[field] ?? '', region);
    return field === 'id' && idTaken(draft.persona.id)
      ? [...messages, { severity: 'error', message: t('pane.persona-id-taken') }]
      : messages;
  };

  const save = async () => {
    setAttempted(true);
    const rows = formRows(
      draft.persona,
      draft.needs.map((n) => n.values),
      region,
    );
    if (!rows.ok || idTaken(draft.persona.id)) return;
    const saved = draft;
    const ok = await act(async () => {
      await writeDraft(saved, rows.persona, rows.needs);
      return { intent: 'success', text: t('pane.persona-saved', { id: String(saved.persona.id) }) };
    });
    // On failure the form keeps what was typed, so nothing is lost.
    if (ok) start(blankDraft([...existing.map((p) => p.id), String(saved.persona.id)]));
  };

  // One action, one writeRecords: every row is checked before anything is written, and the
  // persona and its needs go to Excel in one request, not one after the other.
  const writeDraft = (d: Draft, persona: RowInput, needs: readonly RowInput[]) =>
    host.writeRecords([
      d.stored === null
        ? { layout: personaLayout, append: [persona] }
        : { layout: personaLayout, update: [{ row: d.stored.row, values: persona }] },
      {
        layout: noodLayout,
        update: d.needs.flatMap((n, i) =>
          n.row === null ? [] : [{ row: n.row, values: needs[i]! }],
        ),
        append: d.needs.flatMap((n, i) => (n.row === null ? [needs[i]!] : [])),
      },
    ]);

  return (
    <Stack>
      <Text as="h2" size={400} weight="semibold">
        {t('pane.persona-heading')}
      </Text>
      <Field label={t('pane.persona-pick')}>
        <Dropdown
          value={draft.stored === null ? t('pane.persona-new') : label(draft.stored)}
          selectedOptions={[draft.stored === null ? NEW : String(draft.stored.row)]}
          onOptionSelect={(_, data) => {
            const picked = existing.find((p) => String(p.row) === data.optionValue);
            start(picked === undefined ? blankDraft(existing.map((p) => p.id)) : draftOf(picked));
          }}
        >
          <Option value={NEW}>{t('pane.persona-new')}</Option>
          {existing.map((p) => (
            <Option key={p.row} value={String(p.row)}>
              {label(p)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        aria-label={t('pane.persona-form')}
      >
        <Stack>
          {personaFields.map((f) => (
            <FieldInput
              key={f.field}
              spec={f}
              value={draft.persona[f.field] ?? ''}
              checks={shown(`p.${f.field}`, personaMessages(f.field))}
              onChange={(v) => setPersona(f.field, v)}
            />
          ))}
          <Text as="h3" size={300} weight="semibold">
            {t('pane.needs-heading', { id: String(draft.persona.id ?? '') })}
          </Text>
          {draft.needs.map((need, i) => (
            <Card
              key={i}
              className={styles.need}
              role="group"
              aria-label={t('pane.need-n', { n: i + 1 })}
            >
              <Text weight="semibold">{t('pane.need-n', { n: i + 1 })}</Text>
              {needFields.map((f) => (
                <FieldInput
                  key={f.field}
                  spec={f}
                  value={need.values[f.field] ?? ''}
                  checks={shown(
                    `n${i}.${f.field}`,
                    fieldProblems(noodLayout, f.field, need.values[f.field] ?? '', region),
                  )}
                  onChange={(v) => setNeed(i, f.field, v)}
                />
              ))}
              {need.row === null ? (
                <Button
                  onClick={() =>
                    setDraft((d) => ({ ...d, needs: d.needs.filter((_, j) => j !== i) }))
                  }
                >
                  {t('pane.need-remove', { n: i + 1 })}
                </Button>
              ) : null}
            </Card>
          ))}
          <div className={styles.actions}>
            <Button
              onClick={() =>
                setDraft((d) => ({ ...d, needs: [...d.needs, { row: null, values: {} }] }))
              }
            >
              {t('pane.need-add')}
            </Button>
            <Button appearance="primary" type="submit" disabled={busy}>
              {t('pane.persona-save')}
            </Button>
            <Button onClick={() => start(blankDraft(existing.map((p) => p.id)))}>
              {t('pane.persona-clear')}
            </Button>
          </div>
          {attempted &&
          !formRows(
            draft.persona,
            draft.needs.map((n) => n.values),
            region,
          ).ok ? (
            <Text role="alert">{t('pane.persona-fix')}</Text>
          ) : null}
        </Stack>
      </form>
    </Stack>
  );
}

function label(p: StoredPersona): string {
  return p.naam === '' ? p.id : `${p.id} · ${p.naam}`;
}
