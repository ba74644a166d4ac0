import { lazy, Suspense, useState } from 'react';
import { leieSchelde } from '../../domain/region/leie-schelde.js';
import type { OfficeHost } from '../host/office-host.js';
import type { PreviewHost } from '../host/preview-host.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { Pane } from './Pane.js';

const PreviewFrame = lazy(() =>
  import('./preview/PreviewFrame.js').then((m) => ({ default: m.PreviewFrame })),
);

type Started = { mode: 'office'; host: OfficeHost } | { mode: 'preview'; host: PreviewHost };

/** Inside Excel the pane is all there is; in preview mode a sheet viewer and file bar surround it. */
export function App({ started, at }: { started: Started; at: Date }) {
  const [preview, setPreview] = useState(started.mode === 'preview' ? started.host : null);
  if (started.mode === 'office') {
    return (
      <ErrorBoundary>
        <Pane host={started.host} region={leieSchelde} at={at} />
      </ErrorBoundary>
    );
  }
  return (
    <Suspense>
      <PreviewFrame host={preview!} onHost={setPreview}>
        <ErrorBoundary key={preview!.fileName}>
          <Pane host={preview!} region={leieSchelde} at={at} />
        </ErrorBoundary>
      </PreviewFrame>
    </Suspense>
  );
}
