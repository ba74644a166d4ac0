import {
  Button,
  Card,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { noodLayout, personaLayout } from '../../../domain/layouts.js';
import { t } from '../../../domain/messages.js';
import {
  storedNeeds,
  storedPersonas,
  type StoredPersona,
} from '../../../domain/pane/form-prefill.js';
import {
  fieldProblems,
  formFields,
  formRows,
  type FieldMessage,
} from '../../../domain/pane/layout-form.js';
import {
  blankDraft,
  draftOf,
  draftWrites,
  followDraft,
  idTakenBy,
  typeNeed,
  typePersona,
  withNewNeed,
  type Draft,
} from '../../../domain/pane/persona-draft.js';
import { writeOnce } from '../../../domain/pane/write-once.js';
import { sameKey } from '../../../domain/row-by-key.js';
import { FieldInput } from '../form/FieldInput.js';
import { clearOfFooter } from '../footer-clearance.js';
import { Stack } from '../Stack.js';
import { useWorkbook } from '../workbook-context.js';
import { SuggestedOffers } from './SuggestedOffers.js';

// Persona's en noden: one form for a new persona or an existing one, generated from the layouts
// (strengths come before barriers, as the layout orders them). Checks run as the user types; a
// field shows its messages once typed in, all of them after a first attempt to save. What the
// form holds, how it follows the workbook and what a save writes: persona-draft.ts.

/** An option's value: the persona's sheet row, so two rows with one ID stay two choices. */
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

export function PersonaView() {
  const styles = useStyles();
  const { workbook, region, busy, host, act } = useWorkbook();
  const existing = useMemo(() => (workbook === null ? [] : storedPersonas(workbook)), [workbook]);
  const needRows = useMemo(() => (workbook === null ? [] : storedNeeds(workbook)), [workbook]);
  const [draft, setDraft] = useState<Draft>(() => blankDraft(existing.map((p) => p.id)));
  const [attempted, setAttempted] = useState(false);
  const [lastSaved, setLastSaved] = useState<{ persona: string; id: string } | null>(null);
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  // A refused save takes the user to the first field to mend, once its message is drawn.
  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);
  // Every new reading of the workbook: the form keeps what was typed, the rest shows the workbook.
  const before = useRef(existing);
  useEffect(() => {
    const previous = before.current;
    setDraft((d) => followDraft(d, existing, needRows, previous));
    before.current = existing;
  }, [existing, needRows]);
  const personaFields = formFields(personaLayout, region);
  const needFields = formFields(noodLayout, region).filter((f) => f.field !== 'persona');
  const rows = formRows(
    draft.persona,
    draft.needs.map((n) => n.values),
    region,
  );
  const taken = idTakenBy(draft, existing, rows.ok ? rows.persona : null);
  const twins = draft.stored === null ? [] : sameId(existing, draft.stored.id);

  const start = (next: Draft) => {
    setLastSaved(null);
    setDraft(next);
    setAttempted(false);
  };
  const shown = (typed: boolean, messages: FieldMessage[]) => (attempted || typed ? messages : []);
  const type = (next: (d: Draft) => Draft) => {
    setLastSaved(null);
    setDraft(next);
  };

  const personaMessages = (field: string): FieldMessage[] => {
    const messages = fieldProblems(personaLayout, field, draft.persona[field] ?? '', region);
    return field === 'id' && taken !== undefined
      ? [...messages, { severity: 'error', message: t('pane.persona-id-taken') }]
      : messages;
  };

  const save = async () => {
    setAttempted(true);
    if (!rows.ok || taken !== undefined) {
      setRefusals((n) => n + 1);
      return;
    }
    const saved = draft;
    // One action, one writeRecords: every row is checked before anything is written, and the
    // persona and its needs go to Excel in one request, addressed by key, never by row number.
    // A failure Excel reports after the write landed is recognised (write-once.ts).
    const ok = await act(async () => {
      await writeOnce(host, draftWrites(saved, rows));
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

  return (
    <Stack>
      <Text as="h2" size={400} weight="semibold">
        {t('pane.persona-heading')}
      </Text>
      <Field label={t('pane.persona-pick')}>
        <Dropdown
          value={draft.stored === null ? t('pane.persona-new') : label(draft.stored, existing)}
          selectedOptions={[draft.stored === null ? NEW : String(draft.stored.row)]}
          onOptionSelect={(_, data) => {
            const picked = existing.find((p) => String(p.row) === data.optionValue);
            start(picked === undefined ? blankDraft(existing.map((p) => p.id)) : draftOf(picked));
          }}
        >
          <Option value={NEW}>{t('pane.persona-new')}</Option>
          {existing.map((p) => (
            <Option key={p.row} value={String(p.row)}>
              {label(p, existing)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {twins.length > 1 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t('pane.persona-twins', {
              id: draft.stored!.id,
              rows: twins.map((p) => p.row).join(', '),
              row: draft.stored!.row,
            })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {draft.gone !== null ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('pane.persona-gone', { id: draft.gone })}</MessageBarBody>
        </MessageBar>
      ) : null}
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
              checks={shown(draft.typed.has(f.field), personaMessages(f.field))}
              onChange={(v) => type((d) => typePersona(d, f.field, v))}
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
                    need.typed.has(f.field),
                    fieldProblems(noodLayout, f.field, need.values[f.field] ?? '', region),
                  )}
                  onChange={(v) => type((d) => typeNeed(d, i, f.field, v))}
                />
              ))}
              {need.stored === null ? (
                <Button
                  onClick={() => type((d) => ({ ...d, needs: d.needs.filter((_, j) => j !== i) }))}
                >
                  {t('pane.need-remove', { n: i + 1 })}
                </Button>
              ) : null}
            </Card>
          ))}
          <Button className={styles.add} onClick={() => type(withNewNeed)}>
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
          {attempted && !rows.ok ? (
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

/** The rows holding a Persona-ID, compared as the hosts compare keys. */
function sameId(personas: readonly StoredPersona[], id: string): StoredPersona[] {
  return personas.filter((p) => sameKey(p.id, id));
}

/** A persona as the list names it; one of several rows with its ID says so, and which row. */
function label(p: StoredPersona, personas: readonly StoredPersona[]): string {
  const name = p.naam === '' ? p.id : `${p.id} · ${p.naam}`;
  return sameId(personas, p.id).length > 1
    ? t('pane.persona-twin-option', { name, row: p.row })
    : name;
}
