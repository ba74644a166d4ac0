import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { t } from '../../../domain/messages.js';
import type { OfferStatus } from '../../../domain/pane/offer-status.js';

/** Whether the offers were loaded, from which file and when; old offers are a warning. */
export function OfferOrigin({ status, id }: { status: OfferStatus; id: string }) {
  if (!status.loaded) {
    return (
      <MessageBar intent="info" id={id}>
        <MessageBarBody>{t('pane.coverage-not-loaded')}</MessageBarBody>
      </MessageBar>
    );
  }
  const origin =
    status.source === null || status.loadedOn === null
      ? t('pane.coverage-loaded-unknown')
      : t('pane.coverage-loaded', { date: status.loadedOn, source: status.source });
  if (!status.old) {
    return (
      <Text as="p" size={200} id={id}>
        {origin}
      </Text>
    );
  }
  return (
    <MessageBar intent="warning" id={id}>
      <MessageBarBody>
        {origin} {t('pane.coverage-old', { days: status.daysOld ?? 0 })}
      </MessageBarBody>
    </MessageBar>
  );
}
