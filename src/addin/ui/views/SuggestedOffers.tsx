import {
  Button,
  Card,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { t } from '../../../domain/messages.js';
import { offerCard } from '../../../domain/pane/offer-search.js';
import type { OfferSuggestion } from '../../../domain/pane/offer-suggestions.js';
import { personaOffers, type PersonaOffers } from '../../../domain/pane/persona-offers.js';
import { PlainList } from '../PlainList.js';
import { Stack } from '../Stack.js';
import { useWorkbook } from '../workbook-context.js';
import { OfferContact } from './OfferContact.js';
import { OfferOrigin } from './OfferOrigin.js';
import { useOfferRefresh } from './use-offer-refresh.js';

// "Passend aanbod" on a persona: the active offers that fit its saved needs, best first, each
// with why; when there are none, why not and what to do.

/** The best few are listed at first: the form below stays within reach. */
const FIRST = 5;

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalXXS },
  more: { alignSelf: 'flex-start' },
});

export function SuggestedOffers({ personaId }: { personaId: string }) {
  const styles = useStyles();
  const { workbook, validation, region, at, busy } = useWorkbook();
  const [all, setAll] = useState(false);
  const answer = useMemo(
    () =>
      workbook === null || validation === null
        ? null
        : personaOffers(workbook, validation, region, personaId, at),
    [workbook, validation, region, personaId, at],
  );
  const picker = useOfferRefresh('persona-offer-file-input');
  if (answer === null) return null;
  const refresh = (
    <>
      <Button className={styles.more} disabled={busy} onClick={picker.open}>
        {t('pane.offers-refresh')}
      </Button>
      {picker.input}
    </>
  );

  return (
    <section aria-labelledby="suggest-heading">
      <Stack>
        <Text as="h3" id="suggest-heading" size={300} weight="semibold">
          {t('pane.suggest-heading', { id: personaId })}
        </Text>
        {answer.state === 'not-loaded' ? (
          <>
            <MessageBar intent="info" id="suggest-status">
              <MessageBarBody>{t('pane.suggest-not-loaded')}</MessageBarBody>
            </MessageBar>
            {refresh}
          </>
        ) : (
          <>
            <OfferOrigin status={answer.offers} id="suggest-offers" />
            {answer.offers.loaded && answer.offers.old ? refresh : null}
            <Text as="p" id="suggest-status">
              {statusText(answer)}
            </Text>
          </>
        )}
        {answer.state === 'found' ? (
          <>
            <PlainList ordered label={t('pane.suggest-list')}>
              {answer.suggestions.slice(0, all ? undefined : FIRST).map((s, i) => (
                <li key={i}>
                  <SuggestionCard suggestion={s} />
                </li>
              ))}
            </PlainList>
            {!all && answer.suggestions.length > FIRST ? (
              <Button className={styles.more} onClick={() => setAll(true)}>
                {t('pane.suggest-all', { n: answer.suggestions.length })}
              </Button>
            ) : null}
            {answer.uncovered.length > 0 ? (
              <Text as="p" id="suggest-uncovered">
                {t('pane.suggest-uncovered', { areas: answer.uncovered.join(', ') })}
              </Text>
            ) : null}
          </>
        ) : null}
      </Stack>
    </section>
  );
}

function statusText(answer: Exclude<PersonaOffers, { state: 'not-loaded' }>): string {
  switch (answer.state) {
    case 'no-municipality':
      return t('pane.coverage-no-municipality');
    case 'no-needs':
      return t('pane.suggest-no-needs');
    case 'none':
      return t('pane.suggest-none', {
        municipality: answer.municipality,
        areas: answer.areas.join(', '),
      });
    case 'found':
      return t('pane.suggest-found', { n: answer.suggestions.length });
  }
}

function SuggestionCard({ suggestion }: { suggestion: OfferSuggestion }) {
  const card = offerCard(suggestion.offer);
  return (
    <Card className={useStyles().card}>
      <Text as="h4" weight="semibold">
        {card.title}
      </Text>
      <Text size={200}>{card.partner}</Text>
      <Text as="p" size={200}>
        {t('pane.suggest-why', { why: suggestion.why })}
        <br />
        {t('pane.card-areas', { areas: suggestion.covers.join(', ') })}
      </Text>
      <OfferContact contact={card.contact} />
    </Card>
  );
}
