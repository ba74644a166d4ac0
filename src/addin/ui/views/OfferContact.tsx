import { Link, Text } from '@fluentui/react-components';
import { t } from '../../../domain/messages.js';
import type { OfferCard } from '../../../domain/pane/offer-search.js';

/** Whom to contact for an offer, as the Aanbod sheet has it: e-mail and phone as links. */
export function OfferContact({ contact }: { contact: OfferCard['contact'] }) {
  return (
    <Text as="p" size={200}>
      {t('pane.card-contact', { name: contact.name })}{' '}
      <Link href={`mailto:${contact.email}`}>{contact.email}</Link>
      {contact.phone !== null ? (
        <>
          {' · '}
          <Link href={`tel:${contact.phone.replace(/\s+/g, '')}`}>{contact.phone}</Link>
        </>
      ) : null}
    </Text>
  );
}
