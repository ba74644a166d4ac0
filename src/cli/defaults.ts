/** The drive the sync uses when none is given: the example drive, set up on first run. */
export const DEFAULT_DRIVE = 'folder:example-drive';
