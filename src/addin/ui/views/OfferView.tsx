import {
  Button,
  Card,
  CardHeader,
  Field,
  Input,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { aanbodLayout } from '../../../domain/layouts.js';
import { t } from '../../../domain/messages.js';
import { formFields } from '../../../domain/pane/layout-form.js';
import { copiedOffers } from '../../../domain/pane/offer-inventory.js';
import {
  noMatchHint,
  searchOffers,
  type OfferCard,
  type OfferQuery,
} from '../../../domain/pane/offer-search.js';
import { parseNumberText } from '../../../domain/typed-text.js';
import { ChoiceFilter } from '../form/ChoiceFilter.js';
import { PlainList } from '../PlainList.js';
import { Stack } from '../Stack.js';
import { useWorkbook } from '../workbook-context.js';
import { OfferContact } from './OfferContact.js';
import { useOfferRefresh } from './use-offer-refresh.js';

// Aanbod: refresh the read-only Aanbod sheet from the published overview or an inventory the
// user picks (read in the page with exceljs), and search it. Results update as filters change.

const SHOWN = 50;

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalM },
});

export function OfferView() {
  const { workbook, region, at, busy } = useWorkbook();
  const own = workbook?.meta?.get('owner') ?? '';
  const [query, setQuery] = useState<
    Required<Omit<OfferQuery, 'maxWachttijdWeken'>> & { wait: string }
  >({ probleemgebied: '', gemeente: own, doelgroep: '', taal: '', tekst: '', wait: '' });
  const offers = useMemo(
    () => (workbook === null ? [] : copiedOffers(workbook, region)),
    [workbook, region],
  );
  const options = useMemo(() => {
    const fields = formFields(aanbodLayout, region);
    const of = (field: string) => fields.find((f) => f.field === field)?.options ?? [];
    return { areas: of('probleemgebieden'), groups: of('doelgroepen'), languages: of('talen') };
  }, [region]);
  const wait = parseNumberText(query.wait);
  const matches = searchOffers(
    offers,
    {
      ...(query.probleemgebied && { probleemgebied: query.probleemgebied }),
      ...(query.gemeente && { gemeente: query.gemeente }),
      ...(query.doelgroep && { doelgroep: query.doelgroep }),
      ...(query.taal && { taal: query.taal }),
      ...(query.tekst.trim() && { tekst: query.tekst }),
      ...(wait !== null && { maxWachttijdWeken: wait }),
    },
    region,
    at,
  );
  const filters = [
    { key: 'probleemgebied', label: 'pane.filter-area', options: options.areas },
    { key: 'gemeente', label: 'pane.filter-municipality', options: region.municipalities },
    { key: 'doelgroep', label: 'pane.filter-group', options: options.groups },
    { key: 'taal', label: 'pane.filter-language', options: options.languages },
  ] as const;
  const set = (key: keyof typeof query) => (value: string) =>
    setQuery((q) => ({ ...q, [key]: value }));

  const picker = useOfferRefresh('offer-file-input');

  return (
    <Stack>
      <Text as="h2" size={400} weight="semibold">
        {t('pane.offers-heading')}
      </Text>
      <Text as="p">{t('pane.offers-intro')}</Text>
      <Button appearance="primary" disabled={busy} onClick={picker.open}>
        {t('pane.offers-refresh')}
      </Button>
      {picker.input}
      <Text as="h3" size={300} weight="semibold">
        {t('pane.offers-search')}
      </Text>
      {filters.map((f) => (
        <ChoiceFilter
          key={f.key}
          label={t(f.label)}
          options={f.options}
          value={query[f.key]}
          onChange={set(f.key)}
        />
      ))}
      <Field
        label={t('pane.filter-wait')}
        validationState={query.wait.trim() !== '' && wait === null ? 'error' : 'none'}
        validationMessage={
          query.wait.trim() !== '' && wait === null ? t('pane.filter-wait-invalid') : undefined
        }
      >
        <Input inputMode="decimal" value={query.wait} onChange={(_, d) => set('wait')(d.value)} />
      </Field>
      <Field label={t('pane.filter-text')}>
        <Input type="search" value={query.tekst} onChange={(_, d) => set('tekst')(d.value)} />
      </Field>
      <Text as="p" role="status" id="offer-count">
        {offers.length === 0
          ? t('pane.offers-none-yet')
          : matches.length === 0
            ? noMatchHint(region, query.tekst)
            : t('pane.offers-found', { n: matches.length })}
      </Text>
      <PlainList label={t('pane.offers-results')}>
        {matches.slice(0, SHOWN).map((m, i) => (
          <li key={i}>
            <OfferCardView card={m.card} />
          </li>
        ))}
      </PlainList>
      {matches.length > SHOWN ? (
        <Text as="p">{t('pane.offers-more', { n: matches.length - SHOWN })}</Text>
      ) : null}
    </Stack>
  );
}

function OfferCardView({ card }: { card: OfferCard }) {
  const styles = useStyles();
  return (
    <Card className={styles.card}>
      <CardHeader
        header={
          <Text as="h4" weight="semibold">
            {card.title}
          </Text>
        }
        description={<Text size={200}>{card.partner}</Text>}
      />
      <Text as="p" size={200}>
        {card.description}
      </Text>
      <Text as="p" size={200}>
        {t('pane.card-areas', { areas: card.areas.join(', ') })}
        <br />
        {t('pane.card-where', { municipalities: card.municipalities.join(', ') })}
        <br />
        {t('pane.card-languages', { languages: card.languages.join(', ') })}
        <br />
        {t('pane.card-cost', { cost: card.cost, wait: card.waitText })}
      </Text>
      <OfferContact contact={card.contact} />
    </Card>
  );
}
