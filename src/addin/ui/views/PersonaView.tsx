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
import { useEffect, useMemo, useRef, useState } from 'react';
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
import { clearOfFooter } from '../footer-clearance.js';
import { Stack } from '../Stack.js';
import { useWorkbook } from '../workbook-context.js';
import { SuggestedOffers } from './SuggestedOffers.js';

// Persona's en noden: one form for a new persona or an existing one, generated from the layouts
// (strengths come before barriers, as the layout orders them). Checks run as the user types; a
// field shows its messages once touched, all of them after a first attempt to save.

interface NeedEntry {
  /** A stored need as read, its key for the save (needs have no ID); null for one added here. */
  stored: FormRecord | null;
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
  // Opslaan and what became of it stay in view at the bottom of the pane, however long the form.
  footer: {
    position: 'sticky',
    bottom: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  add: { alignSelf: 'flex-start' },
  fix: { color: tokens.colorPaletteRedForeground1 },
});

function blankDraft(ids: readonly string[]): Draft {
  return {
    stored: null,
    persona: { id: nextPersonaId(ids) },
    needs: [{ stored: null, values: {} }],
  };
}

function draftOf(p: StoredPersona): Draft {
  const needs = p.needs.map((n) => ({ stored: n.values, values: { ...n.values } }));
  return { stored: p, persona: { ...p.values }, needs };
}

/**
 * The draft after the workbook changed (a sort, a deleted row, a co-author's edit): an untouched
 * form shows the persona as it is now, or a new one when it is gone; typed edits are kept, and
 * the save finds the persona by its ID wherever it is now.
 */
function followed(draft: Draft, existing: readonly StoredPersona[], touched: boolean): Draft {
  const now = draft.stored && existing.find((p) => p.id === draft.stored?.id);
  if (touched) return now ? { ...draft, stored: now } : draft;
  return now ? draftOf(now) : blankDraft(existing.map((p) => p.id));
}

export function PersonaView() {
  const styles = useStyles();
  const { workbook, region, busy, host, act } = useWorkbook();
  const existing = useMemo(() => (workbook === null ? [] : storedPersonas(workbook)), [workbook]);
  const [draft, setDraft] = useState<Draft>(() => blankDraft(existing.map((p) => p.id)));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [lastSaved, setLastSaved] = useState<{ persona: string; id: string } | null>(null);
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  // A refused save takes the user to the first field to mend, once its message is drawn.
  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);
  const edited = touched.size > 0;
  useEffect(() => setDraft((d) => followed(d, existing, edited)), [existing, edited]);
  const personaFields = formFields(personaLayout, region);
  const needFields = formFields(noodLayout, region).filter((f) => f.field !== 'persona');

  const start = (next: Draft) => {
    setLastSaved(null);
    setDraft(next);
    setTouched(new Set());
    setAttempted(false);
  };
  const shown = (key: string, messages: FieldMessage[]) =>
    attempted || touched.has(key) ? messages : [];
  const touch = (key: string) => {
    setLastSaved(null);
    setTouched((s) => new Set(s).add(key));
  };
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
    existing.some((p) => p.id === String(id ?? '').trim() && p.id !== draft.stored?.id);

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
    if (!rows.ok || idTaken(draft.persona.id)) {
      setRefusals((n) => n + 1);
      return;
    }
    const saved = draft;
    const ok = await act(async () => {
      await writeDraft(saved, rows.persona, rows.needs);
      return { intent: 'success', text: t('pane.persona-saved', { id: String(saved.persona.id) }) };
    });
    // On failure the form keeps what was typed, so nothing is lost.
    if (ok) {
      start(blankDraft([...existing.map((p) => p.id), String(saved.persona.id)]));
      const id = String(saved.persona.id);
      setLastSaved({
        id,
        persona: saved.persona.naam ? `${id} · ${String(saved.persona.naam)}` : id,
      });
    }
  };

  // One action, one writeRecords: every row is checked before anything is written, and the
  // persona and its needs go to Excel in one request, not one after the other. Records are
  // addressed by key (the ID as read, a need's cells as read), never by a row number.
  const writeDraft = (d: Draft, persona: RowInput, needs: readonly RowInput[]) =>
    host.writeRecords([
      d.stored === null
        ? { layout: personaLayout, append: [persona] }
        : { layout: personaLayout, update: [{ key: { id: d.stored.id }, values: persona }] },
      {
        layout: noodLayout,
        update: d.needs.flatMap((n, i) =>
          n.stored === null ? [] : [{ key: n.stored, values: needs[i]! }],
        ),
        append: d.needs.flatMap((n, i) => (n.stored === null ? [needs[i]!] : [])),
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
          selectedOptions={[draft.stored === null ? NEW : draft.stored.id]}
          onOptionSelect={(_, data) => {
            const picked = existing.find((p) => p.id === data.optionValue);
            start(picked === undefined ? blankDraft(existing.map((p) => p.id)) : draftOf(picked));
          }}
        >
          <Option value={NEW}>{t('pane.persona-new')}</Option>
          {existing.map((p) => (
            <Option key={p.row} value={p.id}>
              {label(p)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {draft.stored !== null ? (
        <SuggestedOffers key={draft.stored.id} personaId={draft.stored.id} />
      ) : null}
      <form
        ref={formRef}
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
              {need.stored === null ? (
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
          <Button
            className={styles.add}
            onClick={() =>
              setDraft((d) => ({ ...d, needs: [...d.needs, { stored: null, values: {} }] }))
            }
          >
            {t('pane.need-add')}
          </Button>
        </Stack>
        <div className={styles.footer} ref={clearOfFooter}>
          <div className={styles.actions}>
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
            <Text role="alert" className={styles.fix}>
              {t('pane.persona-fix')}
            </Text>
          ) : null}
          {lastSaved !== null ? (
            <Text id="persona-saved">{t('pane.persona-saved-form', lastSaved)}</Text>
          ) : null}
        </div>
      </form>
    </Stack>
  );
}

function label(p: StoredPersona): string {
  return p.naam === '' ? p.id : `${p.id} · ${p.naam}`;
}
