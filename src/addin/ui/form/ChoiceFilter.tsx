import { Dropdown, Field, Option } from '@fluentui/react-components';
import { t } from '../../../domain/messages.js';

const ALL = '';

/** A search filter: one value of a list, or "Alle". */
export function ChoiceFilter({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: readonly string[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label}>
      <Dropdown
        value={value === ALL ? t('pane.all') : value}
        selectedOptions={[value]}
        onOptionSelect={(_, data) => onChange(data.optionValue ?? ALL)}
      >
        <Option value={ALL}>{t('pane.all')}</Option>
        {options.map((o) => (
          <Option key={o} value={o}>
            {o}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
