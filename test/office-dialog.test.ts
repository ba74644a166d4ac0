import { afterEach, describe, expect, it, vi } from 'vitest';

// The ribbon command's Office.js side against a fake `Office` global: the function is associated
// at the top level of the function file, and event.completed() waits until the dialog is gone
// (Excel may unload the function file, and the dialog with it, once it is called).

type Handler = (arg: unknown) => void;

function fakeOffice() {
  const handlers = new Map<string, Handler>();
  const dialog = {
    close: vi.fn(),
    addEventHandler: (type: string, handler: Handler) => handlers.set(type, handler),
  };
  const office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'message', DialogEventReceived: 'event' },
    actions: { associate: vi.fn() },
    onReady: vi.fn(async () => ({})),
    context: {
      ui: {
        displayDialogAsync: vi.fn(
          (_url: string, _o: unknown, cb: (r: { status: string; value: unknown }) => void) =>
            cb({ status: 'succeeded', value: dialog }),
        ),
      },
    },
  };
  return { office, dialog, handlers };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('the ribbon command in Office', () => {
  it('associates its function when the function file loads, before onReady has fired', async () => {
    const { office } = fakeOffice();
    vi.stubGlobal('Office', office);
    await import('../src/addin/commands/commands.js');
    expect(office.actions.associate).toHaveBeenCalledWith('validateWorkbook', expect.any(Function));
  });

  for (const [how, type] of [
    ['its own button', 'message'],
    ['the ×', 'event'],
  ] as const) {
    it(`settles the dialog only once it is closed with ${how}`, async () => {
      const { office, dialog, handlers } = fakeOffice();
      vi.stubGlobal('Office', office);
      const { officeDialog } = await import('../src/addin/commands/office-dialog.js');
      let settled = false;
      const shown = officeDialog.showDialog('https://localhost/check-result.html').then(() => {
        settled = true;
      });
      await new Promise((r) => setTimeout(r, 10));
      expect(settled).toBe(false);
      handlers.get(type)!({});
      await shown;
      expect(settled).toBe(true);
      expect(dialog.close).toHaveBeenCalledTimes(type === 'message' ? 1 : 0);
      // Large enough for its text and Sluiten in a small Excel window.
      const [, size] = office.context.ui.displayDialogAsync.mock.calls[0]!;
      expect(size).toMatchObject({ height: 45, width: 35 });
    });
  }
});
