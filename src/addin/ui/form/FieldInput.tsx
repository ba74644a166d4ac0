import { Dropdown, Field, Input, Option, Textarea } from '@fluentui/react-components';
import { t } from '../../../domain/messages.js';
import type { FieldMessage, FormField, FormValue } from '../../../domain/pane/layout-form.js';

// One form field drawn from a layout column: the control follows the column's type, the hint is
// the column's help (the same text Excel shows as the cell's input message), and the live checks'
// first message shows under it.

export type FieldValue = FormValue;

export function FieldInput({
  spec,
  value,
  checks,
  onChange,
}: {
  spec: FormField;
  value: FieldValue;
  checks: readonly FieldMessage[];
  onChange: (value: FieldValue) => void;
}) {
  const first = checks[0];
  return (
    <Field
      label={spec.label}
      required={spec.required}
      hint={spec.help}
      validationState={first === undefined ? 'none' : first.severity}
      validationMessage={checks.map((c) => c.message).join(' ') || undefined}
    >
      <Control spec={spec} value={value} onChange={onChange} />
    </Field>
  );
}

function Control({
  spec,
  value,
  onChange,
}: {
  spec: FormField;
  value: FieldValue;
  onChange: (value: FieldValue) => void;
}) {
  const text = typeof value === 'string' ? value : value.join('; ');
  switch (spec.type) {
    case 'choice':
    case 'choices': {
      const selected = typeof value === 'string' ? (value === '' ? [] : [value]) : [...value];
      const multiple = spec.type === 'choices';
      return (
        <Dropdown
          multiselect={multiple}
          placeholder={t('pane.choose')}
          value={selected.join('; ')}
          selectedOptions={selected}
          onOptionSelect={(_, data) =>
            onChange(multiple ? data.selectedOptions : (data.optionValue ?? ''))
          }
        >
          {(spec.options ?? []).map((o) => (
            <Option key={o} value={o}>
              {o}
            </Option>
          ))}
        </Dropdown>
      );
    }
    case 'longtext':
      return <Textarea resize="vertical" value={text} onChange={(_, d) => onChange(d.value)} />;
    case 'date':
    case 'datetime':
      return (
        <Input
          placeholder={t('pane.date-placeholder')}
          value={text}
          onChange={(_, d) => onChange(d.value)}
        />
      );
    case 'integer':
    case 'number':
      return <Input inputMode="decimal" value={text} onChange={(_, d) => onChange(d.value)} />;
    default:
      return (
        <Input
          type={spec.type === 'email' ? 'email' : 'text'}
          value={text}
          onChange={(_, d) => onChange(d.value)}
        />
      );
  }
}
