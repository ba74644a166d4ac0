import { makeStyles } from '@fluentui/react-components';
import { useRef } from 'react';

// A hidden .xlsx file input and a function that opens it, for any button: the buttons stay
// Fluent buttons (focusable, keyboard-operable), the input only brings the system's picker.

const useStyles = makeStyles({ hidden: { display: 'none' } });

export function useFilePicker(label: string, testId: string, onFile: (file: File) => void) {
  const styles = useStyles();
  const ref = useRef<HTMLInputElement>(null);
  const input = (
    <input
      ref={ref}
      className={styles.hidden}
      type="file"
      accept=".xlsx"
      aria-label={label}
      data-testid={testId}
      onChange={(e) => {
        const file = e.currentTarget.files?.[0];
        // Cleared, so picking the same file again is a change too.
        e.currentTarget.value = '';
        if (file !== undefined) onFile(file);
      }}
    />
  );
  return { open: () => ref.current?.click(), input };
}
